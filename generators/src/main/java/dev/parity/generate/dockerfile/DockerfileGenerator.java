package dev.parity.generate.dockerfile;

import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.Escape;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code <app>/Dockerfile} for every app built from source, shared by all environments:
 * the exactly pinned base image, dependency manifests before sources (Node.js), a non-root
 * {@code USER}, {@code EXPOSE} and {@code CMD} in exec form. No config value goes into the image;
 * every environment runs the same image with its own runtime environment.
 *
 * <p>Per build kind:
 * <ul>
 *   <li>{@link BuildKind#NODE_NPM}: {@code package.json} and {@code package-lock.json} or
 *       {@code npm-shrinkwrap.json} first, {@code npm ci --omit=dev}, the image's {@code node} user
 *       ({@code dockerfile/node.Dockerfile.ftl}). With a {@linkplain App#developmentCommand development
 *       command}, two named stages instead: {@code development} ({@code npm ci} with devDependencies,
 *       the development command), which the local stack builds, and {@code production}, the last
 *       stage, which remote environments run ({@code dockerfile/node-stages.Dockerfile.ftl}).</li>
 *   <li>{@link BuildKind#JVM_JAR}: the prebuilt jar on the JRE ({@code dockerfile/jvm.Dockerfile.ftl}).</li>
 *   <li>For a JVM app with a {@linkplain App#healthPath health path}, both JVM kinds write the
 *       {@linkplain JvmHealthcheck probe class} to {@code /opt/parity} (with {@code /bin/sh} and
 *       {@code base64}, which Debian, Ubuntu and Alpine images carry) and declare
 *       {@code HEALTHCHECK CMD ["java", "-cp", "/opt/parity", "ParityHealthCheck", "http://127.0.0.1:<port><path>"]}
 *       every 10 s, timeout 10 s, start period 20 s, 5 retries, as the compose health check does.</li>
 *   <li>{@link BuildKind#JVM_MAVEN}: a {@code build} stage on the JDK copies {@code mvnw},
 *       {@code .mvn/} and {@code pom.xml}, resolves the dependencies, then packages {@code src/}
 *       and fails unless exactly one runnable jar is in {@code target/}; the run stage copies it
 *       onto the JRE ({@code dockerfile/jvm-maven.Dockerfile.ftl}). It builds with BuildKit and
 *       with the classic builder alike.</li>
 *   <li>{@link BuildKind#DOCKERFILE}: nothing; the team's own Dockerfile is built.</li>
 * </ul>
 * {@code CMD} is always in exec form and {@code ENTRYPOINT} is {@code tini} (installed with
 * {@code apk} on Alpine-based images, {@code apt-get} otherwise): tini is PID 1 under Compose,
 * Kubernetes and {@code docker run} alike, forwards SIGTERM to the app and reaps zombies, so
 * {@code docker stop} and a pod's termination stop the app at once instead of SIGKILL after the
 * grace period. {@code init(false)} in the spec leaves tini out. Templates are
 * overridable by the same relative name. Beside each Dockerfile, {@code Dockerfile.dockerignore}
 * keeps local artifacts ({@code node_modules}, {@code target}) out of the build context when
 * BuildKit builds.
 */
public final class DockerfileGenerator implements Generator {

  @Override
  public String name() {
    return "dockerfile";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    List<GeneratedFile> files = new ArrayList<>();
    for (App app : context.stack().apps()) {
      if (!app.buildKind().generatesDockerfile()) {
        continue;
      }
      Map<String, Object> model = model(context, app);
      files.add(GeneratedFile.of(app.name() + "/Dockerfile",
          context.templates().render("dockerfile/" + dockerfileTemplate(app), model)));
      files.add(GeneratedFile.of(app.name() + "/Dockerfile.dockerignore",
          context.templates().render("dockerfile/" + ignoreTemplate(app), model)));
    }
    return files;
  }

  /** The template of {@code app}'s Dockerfile, relative to {@code dockerfile/}. */
  static String dockerfileTemplate(App app) {
    return switch (app.buildKind()) {
      case NODE_NPM -> app.developmentCommand().isPresent() ? "node-stages.Dockerfile.ftl" : "node.Dockerfile.ftl";
      case JVM_JAR -> "jvm.Dockerfile.ftl";
      case JVM_MAVEN -> "jvm-maven.Dockerfile.ftl";
      case DOCKERFILE -> throw new IllegalArgumentException("app '" + app.name() + "' brings its own Dockerfile");
    };
  }

  private static String ignoreTemplate(App app) {
    return switch (app.buildKind()) {
      case NODE_NPM -> "node.dockerignore.ftl";
      case JVM_JAR -> "jvm.dockerignore.ftl";
      case JVM_MAVEN -> "jvm-maven.dockerignore.ftl";
      case DOCKERFILE -> throw new IllegalArgumentException("app '" + app.name() + "' brings its own Dockerfile");
    };
  }

  /**
   * The paths where the app gets a volume (named or anonymous), which the image creates owned by its
   * user; a bind mount keeps the host folder's owner, a tmpfs is the container's own.
   */
  static List<String> mountPaths(App app) {
    return app.options().mounts().stream().filter(m -> !m.isBind()).map(dev.parity.core.Mount::target)
        .distinct().sorted().toList();
  }

  private static Map<String, Object> model(GenerationContext context, App app) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("header", context.header(CommentStyle.HASH));
    model.put("app", app.name());
    model.put("baseImage", context.pinned(app.baseImageReference().orElseThrow()));
    model.put("user", app.user().orElseThrow());
    model.put("port", app.containerPort());
    model.put("command", app.command());
    model.put("mountPaths", mountPaths(app));
    model.put("developmentCommand", app.developmentCommand().orElse(List.of()));
    model.put("buildImage", app.buildImageReference().map(context::pinned).orElse(""));
    model.put("init", carriesInit(app));
    String base = app.baseImageReference().orElseThrow();
    model.put("tiniInstall", alpine(base) ? "apk add --no-cache tini"
        : "apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*");
    model.put("tiniPath", alpine(base) ? "/sbin/tini" : "/usr/bin/tini");
    model.put("jarCopy", app.jar().map(DockerfileGenerator::jarCopy).orElse(""));
    model.put("jarIgnore", app.jar().map(DockerfileGenerator::ignorePattern).orElse(""));
    model.put("healthUrl", app.healthPath().map(p -> "http://127.0.0.1:" + app.containerPort() + p).orElse(""));
    model.put("nodeHealthScript", app.healthPath()
        .map(p -> NodeHealthcheck.script("http://127.0.0.1:" + app.containerPort() + p)).orElse(""));
    boolean jvmProbe = app.healthPath().isPresent() && app.buildKind() != BuildKind.NODE_NPM;
    model.put("probeClasspath", JvmHealthcheck.CLASSPATH);
    model.put("probeClass", JvmHealthcheck.CLASS);
    model.put("probeLines", jvmProbe ? JvmHealthcheck.base64Lines() : List.of());
    model.put("jvmHealthCommand", app.healthPath()
        .map(p -> JvmHealthcheck.command("http://127.0.0.1:" + app.containerPort() + p)).orElse(List.of()));
    return model;
  }

  /**
   * Whether {@code app}'s generated image runs {@code tini} as PID 1 (its ENTRYPOINT): every
   * generated Dockerfile unless the spec turns the init process off ({@code init(false)}). Then no
   * runtime (Compose, Kubernetes, {@code docker run}) needs an init of its own.
   */
  public static boolean carriesInit(App app) {
    return app.buildKind().generatesDockerfile() && app.options().init().orElse(true);
  }

  /** Alpine-based images install tini with apk (to /sbin/tini), Debian and Ubuntu ones with apt (to /usr/bin/tini). */
  private static boolean alpine(String image) {
    return image.toLowerCase(java.util.Locale.ROOT).contains("alpine");
  }

  /** The arguments of the jar's {@code COPY}: plain words where safe, JSON form otherwise. */
  static String jarCopy(String jar) {
    if (jar.matches("[A-Za-z0-9._/+-]+")) {
      return jar + " /app/app.jar";
    }
    // Docker substitutes variables in COPY even in JSON form; a backslash keeps '$' literal.
    return "[" + Escape.jsonString(jar.replace("$", "\\$")) + ", \"/app/app.jar\"]";
  }

  /** {@code path} as a {@code .dockerignore} pattern that matches exactly that path. */
  static String ignorePattern(String path) {
    return path.replaceAll("([*?\\[\\]\\\\#])", "\\\\$1");
  }
}
