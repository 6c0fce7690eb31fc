${header}
FROM ${baseImage}
<#if init>
# tini as PID 1: it forwards SIGTERM to the app and reaps zombies, so docker stop and a Kubernetes
# pod's termination stop the app at once, not after the grace period with SIGKILL.
RUN ${tiniInstall}
ENTRYPOINT ["${tiniPath}", "--"]
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
# No HEALTHCHECK here: a JRE image has no HTTP client that every base image is sure to carry
# (distroless has no shell, curl or wget). The local stack probes ${healthUrl} from
# docker-compose.yml; remote environments probe it from the load balancer.
</#if>
<#if init>
# Exec form, no shell in between: tini (the ENTRYPOINT) runs the app as its child.
<#else>
# Exec form, no shell in between: the spec turns the init process off, so the app is PID 1 and
# must stop on SIGTERM itself.
</#if>
CMD [<#list command as arg>${json(arg)}<#sep>, </#sep></#list>]
