package dev.parity.generate.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker builds the generated Dockerfiles with the classic builder (what docker-compose 1.29
 * uses): the Node.js development and production targets on the Node stand-in image, and the
 * Maven multi-stage build with a stand-in wrapper that leaves jars in {@code target/}, as
 * {@code ./mvnw package} would (no JDK image is at hand). Skipped without a reachable Docker
 * engine unless {@code PARITY_REQUIRE_DOCKER=true}, which makes that a failure.
 */
class DockerBuildTest {

  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:20.11.0-alpine3.19");
  private static final String JRE = System.getenv().getOrDefault("PARITY_CI_JRE_IMAGE", "eclipse-temurin:17.0.13_11-jre");
  private static final String BASE = System.getenv().getOrDefault("PARITY_CI_BASE_IMAGE", "debian:bookworm-slim");

  /** Stands in for the Maven wrapper: {@code package} leaves the jars named in JARS in target/. */
  private static final String FAKE_MVNW = """
      #!/bin/sh
      set -e
      case "$*" in
        *package*) mkdir -p target; for jar in $JARS; do echo "jar $jar" > "target/$jar"; done ;;
        *) echo "resolved" ;;
      esac
      """;

  @TempDir
  Path dir;

  private final String tag = "parity-test/build-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> images = new ArrayList<>();

  @BeforeEach
  void requireDocker() {
    boolean reachable = RealTool.isOnPath("docker") && RealTool.run(dir, "docker", "info").exitCode() == 0;
    if (!reachable && "true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      throw new AssertionError("docker is not reachable, and PARITY_REQUIRE_DOCKER=true requires it;"
          + " start a Docker engine first (README.md, \"Tests\")");
    }
    assumeTrue(reachable, "skipped: no reachable Docker engine (set PARITY_REQUIRE_DOCKER=true to fail instead)");
  }

  @AfterEach
  void removeImages() {
    images.forEach(image -> RealTool.run(dir, "docker", "image", "rm", "--force", image));
  }

  @Test
  void nodeDevelopmentAndProductionTargetsBuildAndRunTheirCommands() throws IOException {
    Stack stack = Stack.named("dev").service(App.node("web", NODE).source("web").start("node", "server.js")
        .developmentCommand("npm", "run", "dev")).environment(Environment.local()).build();
    Path context = Files.createDirectories(dir.resolve("web"));
    Files.writeString(context.resolve("package.json"), "{\"name\":\"web\",\"version\":\"1.0.0\",\"private\":true,"
        + "\"scripts\":{\"dev\":\"node server.js\"}}\n");
    Files.writeString(context.resolve("npm-shrinkwrap.json"), "{\"name\":\"web\",\"version\":\"1.0.0\","
        + "\"lockfileVersion\":3,\"requires\":true,\"packages\":{\"\":{\"name\":\"web\",\"version\":\"1.0.0\"}}}\n");
    Files.writeString(context.resolve("server.js"), "console.log(process.env.NODE_ENV + ' ' + process.getuid());\n");
    Path dockerfile = write(stack, "web/Dockerfile");

    String development = build(dockerfile, context, "development", Map.of());
    assertThat(inspect(development, "{{json .Config.Cmd}}")).isEqualTo("[\"npm\",\"run\",\"dev\"]");
    assertThat(run(development, "node", "server.js")).matches("development [1-9][0-9]*\\n");

    String production = build(dockerfile, context, "production", Map.of());
    assertThat(inspect(production, "{{json .Config.Cmd}}")).isEqualTo("[\"node\",\"server.js\"]");
    assertThat(inspect(production, "{{.Config.User}}")).isEqualTo("node");
    assertThat(run(production)).matches("production [1-9][0-9]*\\n");
  }

  /**
   * Issue 19: in a pod, node was PID 1 without an init process, ignored SIGTERM and was killed
   * after the grace period. The generated image has tini as PID 1, so a plain {@code docker run}
   * (no {@code --init}, as Kubernetes runs it) stops at once on {@code docker stop}.
   */
  @Test
  void nodeImageHasTiniAsPidOneAndStopsAtOnce() throws IOException {
    Stack stack = Stack.named("stop").service(App.node("web", NODE).source("web").start("node", "server.js"))
        .environment(Environment.local()).build();
    Path context = Files.createDirectories(dir.resolve("web"));
    Files.writeString(context.resolve("package.json"), "{\"name\":\"web\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(context.resolve("npm-shrinkwrap.json"), "{\"name\":\"web\",\"version\":\"1.0.0\","
        + "\"lockfileVersion\":3,\"requires\":true,\"packages\":{\"\":{\"name\":\"web\",\"version\":\"1.0.0\"}}}\n");
    // No SIGTERM handler: as PID 1 without an init, node would ignore the signal.
    Files.writeString(context.resolve("server.js"),
        "require('http').createServer((q, r) => r.end('ok')).listen(3000, () => console.log('listening'));\n");
    String image = build(write(stack, "web/Dockerfile"), context, null, Map.of());
    assertThat(inspect(image, "{{json .Config.Entrypoint}}")).isEqualTo("[\"/usr/bin/tini\",\"--\"]");

    String name = "parity-test-stop-" + UUID.randomUUID().toString().substring(0, 8);
    RealTool.assertAccepts(dir, "docker", "run", "-d", "--name", name, "--label", "parity-test=stop", image);
    try {
      awaitLog(name, "listening");
      assertThat(RealTool.assertAccepts(dir, "docker", "exec", name, "cat", "/proc/1/comm").strip()).isEqualTo("tini");
      long start = System.nanoTime();
      RealTool.assertAccepts(dir, "docker", "stop", name);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).as("docker stop took %.1f s (10 s means SIGKILL after the grace period)", seconds)
          .isLessThan(5.0);
    } finally {
      RealTool.run(dir, "docker", "rm", "-f", name);
    }
  }

  /**
   * Issue 22: a named volume mounted into an app was created root-owned, and the app, which runs as
   * {@code node}, could not write to it. Docker copies the image folder's ownership into a new named
   * volume, so each declared mount path created by the image is writable: a named volume, and an
   * anonymous one at a nested path.
   */
  @Test
  void aNewNamedVolumeAtADeclaredMountPathIsWritableByTheAppUser() throws IOException {
    Stack stack = Stack.named("mounts").service(App.node("web", NODE).source("web").start("node", "server.js")
        .options(o -> o.mount(dev.parity.core.Mount.volume("uploads", "/app/uploads"))
            .mount(dev.parity.core.Mount.anonymous("/app/cache/tiles"))))
        .environment(Environment.local()).build();
    Path context = Files.createDirectories(dir.resolve("web"));
    Files.writeString(context.resolve("package.json"), "{\"name\":\"web\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(context.resolve("npm-shrinkwrap.json"), "{\"name\":\"web\",\"version\":\"1.0.0\","
        + "\"lockfileVersion\":3,\"requires\":true,\"packages\":{\"\":{\"name\":\"web\",\"version\":\"1.0.0\"}}}\n");
    Files.writeString(context.resolve("server.js"), "require('fs').writeFileSync('/app/uploads/a', 'x');"
        + " require('fs').writeFileSync('/app/cache/tiles/b', 'y'); console.log('wrote as ' + process.getuid());\n");
    String image = build(write(stack, "web/Dockerfile"), context, null, Map.of());
    String volume = "parity-test-uploads-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      String output = RealTool.assertAccepts(dir, "docker", "run", "--rm", "--label", "parity-test=mounts",
          "-v", volume + ":/app/uploads", "-v", "/app/cache/tiles", image);
      assertThat(output).matches("wrote as [1-9][0-9]*\\n");
    } finally {
      RealTool.run(dir, "docker", "volume", "rm", "--force", volume);
    }
  }

  private void awaitLog(String container, String line) {
    for (int i = 0; i < 60; i++) {
      if (RealTool.run(dir, "docker", "logs", container).output().contains(line)) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(container + " never logged '" + line + "'");
  }

  @Test
  void mavenBuildKeepsTheOneRunnableJarAndRunsAsANumericUser() throws IOException {
    Path context = mavenProject();
    Path dockerfile = write(mavenStack(), "api/Dockerfile");

    String image = build(dockerfile, context, null, Map.of("JARS",
        "api-1.0.jar api-1.0-sources.jar api-1.0-javadoc.jar original-api-1.0.jar"));
    assertThat(inspect(image, "{{.Config.User}}")).isEqualTo("10001:10001");
    assertThat(inspect(image, "{{json .Config.Cmd}}")).isEqualTo("[\"java\",\"-jar\",\"/app/app.jar\"]");
    assertThat(run(image, "cat", "/app/app.jar")).isEqualTo("jar api-1.0.jar\n");
  }

  @Test
  void mavenBuildStopsUnlessExactlyOneRunnableJarIsBuilt() throws IOException {
    Path context = mavenProject();
    Path dockerfile = write(mavenStack(), "api/Dockerfile");

    RealTool.Result two = tryBuild(dockerfile, context, null, Map.of("JARS", "api-1.0.jar tools-1.0.jar"));
    assertThat(two.exitCode()).isNotZero();
    assertThat(two.output()).contains("parity: expected exactly one runnable jar in target/, found 2:",
        "target/api-1.0.jar", "target/tools-1.0.jar");

    RealTool.Result none = tryBuild(dockerfile, context, null, Map.of("JARS", "api-1.0-sources.jar"));
    assertThat(none.exitCode()).isNotZero();
    assertThat(none.output()).contains("parity: expected exactly one runnable jar in target/, found 0:");
  }

  @Test
  void aFailedBuildLeavesNoExitedContainerOnTheEngine() throws IOException {
    Path context = mavenProject();
    Path dockerfile = write(mavenStack(), "api/Dockerfile");

    RealTool.Result failed = tryBuild(dockerfile, context, null, Map.of("JARS", "api-1.0-sources.jar"));
    assertThat(failed.exitCode()).isNotZero();
    // the legacy builder names each step's container: "---> Running in 3f2a..."
    List<String> steps = Pattern.compile("Running in ([0-9a-f]{12,})").matcher(failed.output()).results()
        .map(m -> m.group(1)).toList();
    assertThat(steps).isNotEmpty();
    for (String id : steps) {
      assertThat(RealTool.run(dir, "docker", "ps", "-aq", "--filter", "id=" + id).output().strip())
          .as("container %s of a failed step", id).isEmpty();
    }
  }

  /**
   * The build stage runs on the base stand-in under an exactly pinned name, since a spec refuses a
   * floating tag such as {@code bookworm-slim}; a fake {@code mvnw} stands in for Maven.
   */
  private Stack mavenStack() {
    String jdk = "parity-test/jdk-standin:17.0.0";
    RealTool.run(dir, "docker", "tag", BASE, jdk);
    images.add(jdk);
    return Stack.named("mvn").service(App.jvm("api", JRE).mavenBuild(jdk).source("api"))
        .environment(Environment.local()).build();
  }

  private Path mavenProject() throws IOException {
    Path context = Files.createDirectories(dir.resolve("api"));
    Files.writeString(context.resolve("mvnw"), FAKE_MVNW);
    Files.createDirectories(context.resolve(".mvn/wrapper"));
    Files.writeString(context.resolve(".mvn/wrapper/maven-wrapper.properties"), "distributionUrl=unused\n");
    Files.writeString(context.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(context.resolve("src/main/java"));
    Files.writeString(context.resolve("src/main/java/App.java"), "class App {}\n");
    return context;
  }

  private Path write(Stack stack, String path) throws IOException {
    Path out = Files.createDirectories(dir.resolve("deploy"));
    for (GeneratedFile file : new DockerfileGenerator().generate(Fixtures.context(stack))) {
      Path target = out.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
    }
    return out.resolve(path);
  }

  private String build(Path dockerfile, Path context, String target, Map<String, String> buildEnv) {
    RealTool.Result result = tryBuild(dockerfile, context, target, buildEnv);
    assertThat(result.exitCode()).as("docker build:%n%s", result.output()).isZero();
    return images.get(images.size() - 1);
  }

  /** Builds with the classic builder; {@code buildEnv} becomes ENV of the build through a build arg-free wrapper file. */
  private RealTool.Result tryBuild(Path dockerfile, Path context, String target, Map<String, String> buildEnv) {
    String image = tag + ":" + (target == null ? "run" : target) + images.size();
    images.add(image);
    Path file = dockerfile;
    if (!buildEnv.isEmpty()) {
      try {
        // The stand-in wrapper reads JARS from the build stage's environment.
        String text = Files.readString(dockerfile);
        StringBuilder env = new StringBuilder();
        buildEnv.forEach((k, v) -> env.append("ENV ").append(k).append("=\"").append(v).append("\"\n"));
        file = dockerfile.resolveSibling("Dockerfile.test");
        Files.writeString(file, text.replaceFirst("(?m)^(WORKDIR /build)$", env + "$1"));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    // --force-rm: a failed step's container is removed too, not left exited on the engine
    List<String> command = new ArrayList<>(List.of("env", "DOCKER_BUILDKIT=0", "docker", "build", "--force-rm",
        "--file", file.toString(), "--tag", image));
    if (target != null) {
      command.add("--target");
      command.add(target);
    }
    command.add(context.toString());
    return RealTool.run(dir, command);
  }

  private String inspect(String image, String format) {
    return RealTool.assertAccepts(dir, "docker", "image", "inspect", "--format", format, image).strip();
  }

  private String run(String image, String... command) {
    // No --init: the image's ENTRYPOINT is tini.
    List<String> line = new ArrayList<>(List.of("docker", "run", "--rm", image));
    line.addAll(List.of(command));
    return RealTool.assertAccepts(dir, line.toArray(String[]::new));
  }
}
