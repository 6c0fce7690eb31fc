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
CMD [<#list command as arg>${json(arg)}<#sep>, </#sep></#list>]
