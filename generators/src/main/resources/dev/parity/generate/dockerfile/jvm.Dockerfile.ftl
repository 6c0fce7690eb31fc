${header}
FROM ${baseImage}
<#if init>
# tini as PID 1: it forwards SIGTERM to the app and reaps zombies, so docker stop and a Kubernetes
# pod's termination stop the app at once, not after the grace period with SIGKILL.
RUN ${tiniInstall}
ENTRYPOINT ["${tiniPath}", "--"]
</#if>

<#if healthUrl?has_content>
# The health probe: ParityHealthCheck, a 1.2 KB class of Parity's own compiled for Java 8 (source:
# generators/src/main/probe/ParityHealthCheck.java in Parity): a JRE image always has java, but
# not always curl or wget. Written here from base64, as root; the app's user can run it.
RUN mkdir -p ${probeClasspath} && printf '%s' '\
<#list probeLines as line>
${line}\
</#list>
' | base64 -d > ${probeClasspath}/${probeClass}.class
</#if>
WORKDIR /app
COPY --chown=${user} ${jarCopy}

<#if mountPaths?has_content>
# Each path a volume is mounted at, created owned by the app's user: Docker copies an image folder's
# ownership into a new named volume, so the app, which does not run as root, can write to it.
RUN ["mkdir", "-p", <#list mountPaths as path>${json(path)}<#sep>, </#sep></#list>]
RUN ["chown", ${json(user)}, <#list mountPaths as path>${json(path)}<#sep>, </#sep></#list>]
</#if>
USER ${user}
EXPOSE ${port}
<#if healthUrl?has_content>
# Probes ${healthUrl} with the class above; docker-compose.yml runs the same command, and
# Kubernetes probes the path with httpGet, which needs nothing in the image.
HEALTHCHECK --interval=10s --timeout=10s --start-period=20s --retries=5 \
  CMD [<#list jvmHealthCommand as arg>${json(arg)}<#sep>, </#sep></#list>]
</#if>
<#if init>
# Exec form, no shell in between: tini (the ENTRYPOINT) runs the app as its child.
<#else>
# Exec form, no shell in between: the spec turns the init process off, so the app is PID 1 and
# must stop on SIGTERM itself.
</#if>
CMD [<#list command as arg>${json(arg)}<#sep>, </#sep></#list>]
