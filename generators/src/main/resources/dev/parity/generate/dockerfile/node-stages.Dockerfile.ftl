<#-- A Node.js app with a development command: stages development (local) and production (remote, the last stage). -->
${header}
# Two targets of one Dockerfile: docker-compose.yml builds development locally and bind-mounts
# the sources over /app; every remote environment runs production, the last stage, built once.
FROM ${baseImage} AS base
<#if init>
# tini as PID 1: it forwards SIGTERM to the app and reaps zombies, so docker stop and a Kubernetes
# pod's termination stop the app at once, not after the grace period with SIGKILL.
RUN ${tiniInstall}
ENTRYPOINT ["${tiniPath}", "--"]
</#if>
WORKDIR /app
# Dependencies first: these layers are rebuilt only when the manifests change.
# package-lock.json or npm-shrinkwrap.json: npm ci refuses to run without one of them.
COPY --chown=${user} package.json package-lock.json* npm-shrinkwrap.json* ./

FROM base AS development
ENV NODE_ENV=development
# Every dependency, devDependencies included, installed as the app's user so that a watcher
# can write its caches under node_modules.
RUN chown ${sh(user)} /app
<#if mountPaths?has_content>
# Each path a volume is mounted at, created owned by the app's user: Docker copies an image folder's
# ownership into a new named volume, so the app, which does not run as root, can write to it.
RUN ["mkdir", "-p", <#list mountPaths as path>${json(path)}<#sep>, </#sep></#list>]
RUN ["chown", ${json(user)}, <#list mountPaths as path>${json(path)}<#sep>, </#sep></#list>]
</#if>
USER ${user}
RUN npm ci && npm cache clean --force
COPY --chown=${user} . .
EXPOSE ${port}
<#if init>
# Exec form, no shell in between: tini (the ENTRYPOINT) runs the watcher as its child.
<#else>
# Exec form, no shell in between: the spec turns the init process off, so the watcher is PID 1 and
# must stop on SIGTERM itself.
</#if>
CMD [<#list developmentCommand as arg>${json(arg)}<#sep>, </#sep></#list>]

FROM base AS production
ENV NODE_ENV=production
RUN npm ci --omit=dev && npm cache clean --force
COPY --chown=${user} . .
<#if mountPaths?has_content>
# Each path a volume is mounted at, created owned by the app's user: Docker copies an image folder's
# ownership into a new named volume, so the app, which does not run as root, can write to it.
RUN ["mkdir", "-p", <#list mountPaths as path>${json(path)}<#sep>, </#sep></#list>]
RUN ["chown", ${json(user)}, <#list mountPaths as path>${json(path)}<#sep>, </#sep></#list>]
</#if>
USER ${user}
EXPOSE ${port}
<#if nodeHealthScript?has_content>
# Node's own fetch: the node images have no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", ${json(nodeHealthScript)}]
</#if>
<#if init>
# Exec form, no shell in between: tini (the ENTRYPOINT) runs the app as its child.
<#else>
# Exec form, no shell in between: the spec turns the init process off, so the app is PID 1 and
# must stop on SIGTERM itself.
</#if>
CMD [<#list command as arg>${json(arg)}<#sep>, </#sep></#list>]
