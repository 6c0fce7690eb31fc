<#-- A JVM app built from source: the Maven wrapper packages it on the JDK image, the run stage holds only the jar. -->
${header}
# Build stage: the Maven wrapper packages the app from source on an exact JDK.
FROM ${buildImage} AS build
WORKDIR /build

# The wrapper and the POM first: dependencies are downloaded again only when they change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src/ src/
# Exactly one runnable jar must come out of target/ (sources, javadoc, test jars and the
# original-* jar the shade plugin leaves are not runnable); anything else stops the build.
RUN ./mvnw -B -DskipTests package \
 && found=0 \
 && for jar in target/*.jar; do \
      case "$jar" in *-sources.jar|*-javadoc.jar|*-tests.jar|target/original-*) continue ;; esac; \
      [ -f "$jar" ] || continue; \
      found=$((found + 1)); \
      cp "$jar" /build/app.jar; \
    done \
 && if [ "$found" -ne 1 ]; then \
      echo "parity: expected exactly one runnable jar in target/, found $found:" >&2; \
      ls -1 target/*.jar >&2 || true; \
      echo "parity: set <finalName> or the plugins so that ./mvnw package leaves one jar in target/" >&2; \
      exit 1; \
    fi

# Run stage: the exact JRE and the jar, nothing of the build. The jar stays owned by root.
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
COPY --from=build /build/app.jar /app/app.jar

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
# Exec form, no shell in between: tini (the ENTRYPOINT) runs the JVM as its child.
<#else>
# Exec form, no shell in between: the spec turns the init process off, so the JVM is PID 1.
</#if>
CMD [<#list command as arg>${json(arg)}<#sep>, </#sep></#list>]
