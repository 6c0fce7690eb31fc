${header}
FROM ${baseImage}

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first: this layer is rebuilt only when the manifests change.
COPY --chown=${user} package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY --chown=${user} . .

USER ${user}
EXPOSE ${port}
<#if nodeHealthScript?has_content>
# Node's own fetch: the node images have no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", ${json(nodeHealthScript)}]
</#if>
CMD [<#list command as arg>${json(arg)}<#sep>, </#sep></#list>]
