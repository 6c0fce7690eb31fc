package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: the compose health check of a JVM app ran {@code curl … || wget …} in a JRE image with
 * neither, so the app stayed {@code unhealthy}. Here every kind of generated Dockerfile (a JVM jar,
 * a JVM Maven build, Node.js, Node.js with a development stage) and an own Dockerfile with its
 * HEALTHCHECK are built on the stand-in images ({@code shared/ci/docker-env.sh}: the JRE one has no
 * curl or wget) and started with the real {@code docker-compose up}; each must become
 * {@code healthy}, and the JVM images' own HEALTHCHECK must pass under a plain {@code docker run}.
 * Skipped without Docker, unless {@code PARITY_REQUIRE_DOCKER=true}: then a missing engine fails.
 */
class GeneratedImagesHealthyIT {

  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:18.20.4-bookworm-slim");
  private static final String JRE = System.getenv().getOrDefault("PARITY_CI_JRE_IMAGE", "eclipse-temurin:17.0.13_11-jre");
  private static final String BASE = System.getenv().getOrDefault("PARITY_CI_BASE_IMAGE", "debian:bookworm-slim");
  private static final String JDK = "parity-test/jdk-standin:17.0.0";

  /** An HTTP server on 8080 that answers 200 on paths ending in "health", 404 otherwise. */
  private static final String SERVER = """
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;

      public class Serve {
        public static void main(String[] args) throws Exception {
          HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
          server.createContext("/", x -> {
            x.sendResponseHeaders(x.getRequestURI().getPath().endsWith("health") ? 200 : 404, -1);
            x.close();
          });
          server.start();
          System.out.println("listening");
        }
      }
      """;

  /** Stands in for the Maven wrapper: {@code package} leaves the prebuilt jar in target/. */
  private static final String FAKE_MVNW = """
      #!/bin/sh
      set -e
      case "$*" in
        *package*) mkdir -p target; cp src/prebuilt/app.jar target/mvn-1.0.jar ;;
        *) echo "resolved" ;;
      esac
      """;

  @TempDir
  Path root;

  private final String project = "parityhealth" + UUID.randomUUID().toString().substring(0, 8);
  private List<String> compose;

  @BeforeEach
  void docker() {
    boolean reachable = RealTool.isOnPath("docker") && RealTool.isOnPath("docker-compose")
        && RealTool.run(Path.of("."), "docker", "info").exitCode() == 0;
    if (!reachable && "true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      throw new AssertionError("Docker or docker-compose is not reachable, and PARITY_REQUIRE_DOCKER=true requires"
          + " them; start a Docker engine first (README.md, \"Tests\")");
    }
    assumeTrue(reachable, "skipped: no Docker engine or docker-compose (set PARITY_REQUIRE_DOCKER=true to fail instead)");
  }

  @AfterEach
  void down() {
    if (compose != null) {
      compose("down", "-v", "--rmi", "all", "-t", "2");
    }
    RealTool.run(root, "docker", "rmi", "-f", JDK);
  }

  @Test
  void everyGeneratedDockerfileKindBecomesHealthyUnderDockerCompose() throws IOException {
    RealTool.assertAccepts(root, "docker", "tag", BASE, JDK);
    int port = 40000 + new Random().nextInt(20000);
    Stack stack = Stack.named(project)
        .service(App.jvm("jar", JRE).source("jar").jar("app.jar").hostPort(port).healthPath("/actuator/health"))
        .service(App.jvm("mvn", JRE).mavenBuild(JDK).source("mvn").hostPort(port + 1).healthPath("/health"))
        .service(App.node("web", NODE).source("web").hostPort(port + 2).healthPath("/health"))
        .service(App.node("dev", NODE).source("dev").hostPort(port + 3).healthPath("/health")
            .start("node", "server.js").developmentCommand("node", "server.js"))
        .service(App.dockerfile("own").source("own").port(3000).hostPort(port + 4).healthPath("/health"))
        .environment(Environment.local()).build();
    Path file = LocalProject.write(root, stack);
    byte[] jar = serverJar();
    Files.write(root.resolve("jar/app.jar"), jar);
    mavenProject(root.resolve("mvn"), jar);
    // LocalProject's own Dockerfile has no HEALTHCHECK; a team's, as validation requires, declares one.
    Files.writeString(root.resolve("own/Dockerfile"), "FROM " + NODE + "\nWORKDIR /app\nCOPY server.js .\n"
        + "HEALTHCHECK --interval=2s CMD [\"node\", \"-e\", \"fetch('http://127.0.0.1:3000/health')"
        + ".then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))\"]\nCMD [\"node\", \"server.js\"]\n");

    compose = new ArrayList<>(List.of("docker-compose", "-p", project, "-f", root.relativize(file).toString()));
    RealTool.Result up = compose("up", "-d", "--build");
    assertThat(up.exitCode()).as("docker-compose up:%n%s", up.output()).isZero();

    Map<String, String> states = awaitHealthy(List.of("jar", "mvn", "web", "dev", "own"));
    assertThat(states).containsOnly(Map.entry("jar", "healthy"), Map.entry("mvn", "healthy"),
        Map.entry("web", "healthy"), Map.entry("dev", "healthy"), Map.entry("own", "healthy"));
    assertThat(RealTool.run(root, "docker", "run", "--rm", "--entrypoint", "sh", JRE, "-c",
        "command -v curl || command -v wget || echo none").output().strip())
        .as("the JRE stand-in has no HTTP client, as Debian's JRE images have none").isEqualTo("none");
  }

  /** The JVM image's own HEALTHCHECK, without compose: {@code docker run} of the built image becomes healthy too. */
  @Test
  void theJvmImageCarriesItsOwnHealthcheck() throws IOException {
    Stack stack = Stack.named(project)
        .service(App.jvm("jar", JRE).source("jar").jar("app.jar").healthPath("/actuator/health"))
        .environment(Environment.local()).build();
    LocalProject.write(root, stack);
    Files.write(root.resolve("jar/app.jar"), serverJar());
    String image = project + "-jar:test";
    String name = project + "-jar";
    RealTool.assertAccepts(root, "env", "DOCKER_BUILDKIT=0", "docker", "build", "--force-rm", "-q", "-t", image,
        "-f", "deploy/jar/Dockerfile", "jar");
    try {
      assertThat(RealTool.assertAccepts(root, "docker", "image", "inspect", "--format", "{{json .Config.Healthcheck.Test}}",
          image).strip()).isEqualTo("[\"CMD\",\"java\",\"-cp\",\"/opt/parity\",\"ParityHealthCheck\","
          + "\"http://127.0.0.1:8080/actuator/health\"]");
      RealTool.assertAccepts(root, "docker", "run", "-d", "--name", name, "--label", "parity-test=health",
          "--health-interval", "2s", "--health-start-period", "0s", image);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      String state = "";
      while (Instant.now().isBefore(deadline) && !state.equals("healthy")) {
        state = RealTool.run(root, "docker", "inspect", "-f", "{{.State.Health.Status}}", name).output().strip();
        sleep();
      }
      assertThat(state).as("health log: %s", RealTool.run(root, "docker", "inspect", "-f", "{{json .State.Health.Log}}",
          name).output()).isEqualTo("healthy");
      // A path the app does not serve is reported, with the probe's reason.
      RealTool.Result wrong = RealTool.run(root, "docker", "exec", name, "java", "-cp", "/opt/parity", "ParityHealthCheck",
          "http://127.0.0.1:8080/missing");
      assertThat(wrong.exitCode()).isEqualTo(1);
      assertThat(wrong.output()).contains("http://127.0.0.1:8080/missing answered HTTP 404");
    } finally {
      RealTool.run(root, "docker", "rm", "-f", name);
      RealTool.run(root, "docker", "rmi", "-f", image);
    }
  }

  private Map<String, String> awaitHealthy(List<String> services) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    Map<String, String> states = new LinkedHashMap<>();
    while (Instant.now().isBefore(deadline)) {
      for (String service : services) {
        String id = compose("ps", "-q", service).output().lines().filter(l -> l.matches("[0-9a-f]{12,}"))
            .findFirst().orElse("");
        states.put(service, id.isEmpty() ? "missing"
            : RealTool.run(root, "docker", "inspect", "-f", "{{.State.Health.Status}}", id).output().strip());
      }
      if (states.values().stream().allMatch("healthy"::equals)) {
        return states;
      }
      sleep();
    }
    states.forEach((service, state) -> {
      if (!state.equals("healthy")) {
        states.put(service, state + "\n" + compose("logs", "--tail", "20", service).output());
      }
    });
    return states;
  }

  private RealTool.Result compose(String... arguments) {
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of(arguments));
    return RealTool.run(root, command);
  }

  /** The server compiled for Java 17 into a runnable jar. */
  private byte[] serverJar() throws IOException {
    Path src = Files.createDirectories(root.resolve("server-src"));
    Files.writeString(src.resolve("Serve.java"), SERVER);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", src.toString(),
        src.resolve("Serve.java").toString());
    assertThat(rc).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Serve");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      for (Path clazz : Files.list(src).filter(p -> p.toString().endsWith(".class")).toList()) {
        jar.putNextEntry(new JarEntry(clazz.getFileName().toString()));
        jar.write(Files.readAllBytes(clazz));
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void mavenProject(Path context, byte[] jar) throws IOException {
    Files.writeString(context.resolve("mvnw"), FAKE_MVNW);
    Files.createDirectories(context.resolve(".mvn/wrapper"));
    Files.writeString(context.resolve(".mvn/wrapper/maven-wrapper.properties"), "distributionUrl=unused\n");
    Files.writeString(context.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(context.resolve("src/prebuilt"));
    Files.write(context.resolve("src/prebuilt/app.jar"), jar);
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
