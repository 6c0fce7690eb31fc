${header}
FROM ${baseImage}

WORKDIR /app
COPY --chown=${user} ${jarCopy}

USER ${user}
EXPOSE ${port}
<#if healthUrl?has_content>
# No HEALTHCHECK here: a JRE image has no HTTP client that every base image is sure to carry
# (distroless has no shell, curl or wget). The local stack probes ${healthUrl} from
# docker-compose.yml; remote environments probe it from the load balancer.
</#if>
<#if init>
# Exec form, no shell in between: docker-compose.yml runs the app with init: true, so Docker's
# init is PID 1, forwards SIGTERM to the app and reaps zombies (docker run: add --init).
<#else>
# Exec form, no shell in between: the spec turns Docker's init off, so the app is PID 1 and
# must stop on SIGTERM itself.
</#if>
CMD [<#list command as arg>${json(arg)}<#sep>, </#sep></#list>]
