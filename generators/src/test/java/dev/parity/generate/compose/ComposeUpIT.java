package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.Stack;
import dev.parity.generate.RealTool;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated local stack started for real with {@code docker-compose up} (1.29) on the stand-in
 * images of {@code shared/ci/docker-env.sh}. Skipped without Docker, unless
 * {@code PARITY_REQUIRE_DOCKER=true}: then a missing engine fails. Each test removes what it started.
 */
class ComposeUpIT {

  private static final String MARIADB = System.getenv().getOrDefault("PARITY_CI_MARIADB_IMAGE", "mariadb:10.11.18");
  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:18.20.4-bookworm-slim");

  @BeforeAll
  static void docker() {
    boolean reachable = RealTool.isOnPath("docker") && RealTool.isOnPath("docker-compose")
        && RealTool.run(Path.of("."), "docker", "info").exitCode() == 0;
    if (!reachable && "true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      throw new AssertionError("Docker or docker-compose is not reachable, and PARITY_REQUIRE_DOCKER=true requires"
          + " them; start a Docker engine first (README.md, \"Tests\")");
    }
    assumeTrue(reachable, "skipped: no Docker engine or docker-compose (set PARITY_REQUIRE_DOCKER=true to fail instead)");
  }

  @Test
  void localReplicasStartThatManyContainers(@TempDir Path root) {
    Stack stack = Stack.named("replicas")
        .service(App.node("web", NODE).source("web").localReplicas(2).healthPath("/"))
        .environment(Environment.local()).build();
    try (Project project = Project.up(root, stack, List.of(), Map.of())) {
      List<String> web = project.containers("web");
      assertThat(web).hasSize(2);
      assertThat(web).allSatisfy(id -> assertThat(RealTool.run(root, "docker", "inspect", "-f", "{{.State.Status}}", id)
          .output().strip()).isEqualTo("running"));
    }
  }

  /**
   * Issue 22, class 4: an app runs as a non-root user, and Docker creates a new volume root-owned unless the image
   * holds the path, so {@code /app/uploads} was {@code root:root} and writing was denied. Under the generated compose
   * file the app's user writes into its named volume and into an anonymous one at a nested path; a read-only mount
   * stays read-only.
   */
  @Test
  void theAppUserWritesIntoItsVolumesUnderDockerComposeUp(@TempDir Path root) {
    Stack stack = Stack.named("mounts")
        .service(App.node("web", NODE).source("web").start("node", "server.js")
            .options(o -> o.mount(dev.parity.core.Mount.volume("uploads", "/app/uploads"))
                .mount(dev.parity.core.Mount.anonymous("/app/cache/tiles"))
                .mount(dev.parity.core.Mount.volume("reference", "/srv/reference").readOnly())))
        .environment(Environment.local()).build();
    String server = "const fs = require('fs');\n"
        + "for (const dir of ['/app/uploads', '/app/cache/tiles', '/srv/reference']) {\n"
        + "  try { fs.writeFileSync(dir + '/probe', 'x'); console.log('write ' + dir + ': ok as uid ' + process.getuid()); }\n"
        + "  catch (e) { console.log('write ' + dir + ': ' + e.code); }\n"
        + "}\n"
        + "setInterval(() => {}, 1 << 30);\n";
    try (Project project = Project.up(root, stack, List.of(), Map.of("web/server.js", server))) {
      List<String> lines = project.awaitLog("web", 3);
      assertThat(lines).containsExactly("write /app/uploads: ok as uid 1000", "write /app/cache/tiles: ok as uid 1000",
          "write /srv/reference: EROFS");
    }
  }

  /**
   * Regression: the MariaDB healthcheck was {@code healthcheck.sh}, which images built before early
   * 2022 lack (as does the stand-in), so the database never became healthy there; and
   * {@code mysqladmin} alone is missing from 11.x images. The check must pass on all three.
   */
  @Test
  void mariaDbHealthcheckMissingOnOlderImages(@TempDir Path root) {
    String version = MARIADB.substring(MARIADB.indexOf(':') + 1);
    String tag = "parity-compose-it-" + UUID.randomUUID().toString().substring(0, 8);
    String withoutMariadbAdmin = tag + "-no-mariadb-admin:" + version;
    String withoutMysqladmin = tag + "-no-mysqladmin:" + version;
    build(root, withoutMariadbAdmin, "RUN rm /usr/bin/mysqladmin && mv /usr/bin/mariadb-admin /usr/bin/mysqladmin");
    build(root, withoutMysqladmin, "RUN rm /usr/bin/mysqladmin");
    try {
      int port = 40000 + new java.util.Random().nextInt(20000);
      Stack stack = Stack.named("maria")
          .service(MySql.mariadb("standin", version).image(MARIADB).password("DB_PASSWORD").rootPassword("ROOT_PASSWORD")
              .hostPort(port))
          .service(MySql.mariadb("old", version).image(withoutMariadbAdmin).password("DB_PASSWORD").rootPassword("ROOT_PASSWORD")
              .hostPort(port + 1))
          .service(MySql.mariadb("eleven", version).image(withoutMysqladmin).password("DB_PASSWORD").rootPassword("ROOT_PASSWORD")
              .hostPort(port + 2))
          .config(ConfigKey.secret("DB_PASSWORD"))
          // The stand-in image needs a root password; the official ones also take a random one.
          .config(ConfigKey.secret("ROOT_PASSWORD"))
          .environment(Environment.local()).build();
      try (Project project = Project.up(root, stack, List.of("DB_PASSWORD=s3cret", "ROOT_PASSWORD=r00t"), Map.of())) {
        for (String service : List.of("standin", "old", "eleven")) {
          project.awaitHealthy(service, 1);
        }
      }
    } finally {
      RealTool.run(root, "docker", "rmi", "-f", withoutMariadbAdmin, withoutMysqladmin);
    }
  }

  private static void build(Path root, String image, String run) {
    Path context = root.resolve("image-" + image.replaceAll("[^a-z0-9]", "-"));
    try {
      java.nio.file.Files.createDirectories(context);
      java.nio.file.Files.writeString(context.resolve("Dockerfile"), "FROM " + MARIADB + "\n" + run + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    RealTool.assertAccepts(context, "docker", "build", "-q", "-t", image, ".");
  }

  /** A compose project started under a unique name and taken down, volumes included, on close. */
  private static final class Project implements AutoCloseable {

    private final Path root;
    private final List<String> compose;

    private Project(Path root, List<String> compose) {
      this.root = root;
      this.compose = compose;
    }

    /** Writes the project, then {@code files} (relative to {@code root}) over what it wrote, then starts it. */
    static Project up(Path root, Stack stack, List<String> env, Map<String, String> files) {
      Path file = LocalProject.write(root, stack);
      files.forEach((path, content) -> {
        try {
          java.nio.file.Files.writeString(root.resolve(path), content);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      List<String> compose = new ArrayList<>(List.of("env"));
      compose.addAll(env);
      compose.addAll(List.of("docker-compose", "-p", "parityit" + UUID.randomUUID().toString().substring(0, 8),
          "-f", root.relativize(file).toString()));
      Project project = new Project(root, compose);
      RealTool.Result result = project.run("up", "-d", "--build");
      if (result.exitCode() != 0) {
        project.close();
        throw new AssertionError("docker-compose up failed:\n" + result.output());
      }
      return project;
    }

    RealTool.Result run(String... arguments) {
      List<String> command = new ArrayList<>(compose);
      command.addAll(List.of(arguments));
      return RealTool.run(root, command);
    }

    List<String> containers(String service) {
      return run("ps", "-q", service).output().lines().filter(l -> l.matches("[0-9a-f]{12,}")).toList();
    }

    /** Waits up to three minutes until {@code service} has logged {@code count} lines; returns them without prefix. */
    List<String> awaitLog(String service, int count) {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      List<String> lines = List.of();
      while (Instant.now().isBefore(deadline)) {
        lines = run("logs", "--no-color", service).output().lines().filter(l -> l.contains("|"))
            .map(l -> l.substring(l.indexOf('|') + 1).strip()).toList();
        if (lines.size() >= count) {
          return lines;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
      throw new AssertionError(service + " logged " + lines + "\n" + run("logs", service).output());
    }

    /** Waits up to three minutes until {@code count} containers of {@code service} report healthy. */
    void awaitHealthy(String service, int count) {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      List<String> states = List.of();
      while (Instant.now().isBefore(deadline)) {
        states = containers(service).stream().map(id -> RealTool.run(root, "docker", "inspect", "-f",
            "{{.State.Health.Status}}", id).output().strip()).toList();
        if (states.size() == count && states.stream().allMatch("healthy"::equals)) {
          return;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
      throw new AssertionError(service + " did not become healthy: " + states + "\n" + run("logs", "--tail", "30",
          service).output());
    }

    @Override
    public void close() {
      run("down", "-v", "-t", "2");
    }
  }
}
