package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.generate.Images;
import dev.parity.generate.RealTool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: {@code docker-compose up} of the generated file started the app against an empty
 * database ({@code relation "invoices" does not exist}). Started for real with docker-compose 1.29
 * on the PostgreSQL stand-in, with a <b>stand-in</b> {@code flyway/flyway} image named like the
 * official one (this machine can pull none): the JRE stand-in with Flyway's library from the test
 * class path behind a {@code flyway} entrypoint ({@link FlywayStandIn}). The generated migrations
 * image builds on it as it builds on the official one. Skipped without Docker, unless
 * {@code PARITY_REQUIRE_DOCKER=true}.
 */
class ComposeMigrateIT {

  private static final String POSTGRES = System.getenv().getOrDefault("PARITY_CI_POSTGRES_IMAGE", "postgres:15.18-bookworm");
  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:18.20.4-bookworm-slim");
  private static final String JRE = System.getenv().getOrDefault("PARITY_CI_JRE_IMAGE", "parity-ci/openjdk-jre:17.0.19");

  @BeforeAll
  static void docker() {
    boolean reachable = RealTool.isOnPath("docker") && RealTool.isOnPath("docker-compose")
        && RealTool.run(Path.of("."), "docker", "info").exitCode() == 0;
    if (!reachable && "true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      throw new AssertionError("Docker or docker-compose is not reachable, and PARITY_REQUIRE_DOCKER=true requires"
          + " them; run eval \"$(../shared/ci/docker-env.sh)\" first");
    }
    assumeTrue(reachable, "skipped: no Docker engine or docker-compose (set PARITY_REQUIRE_DOCKER=true to fail instead)");
  }

  @Test
  void theMigrationRunsBeforeTheAppStartsWithAStandInFlywayImage(@TempDir Path root) throws IOException {
    buildFlywayStandIn(root.resolve("flyway-standin"));
    Files.createDirectories(root.resolve("db/migrations"));
    Files.writeString(root.resolve("db/migrations/V1__create_invoices.sql"),
        "CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric NOT NULL);\n");
    List<String> compose = compose(root);
    try {
      RealTool.Result up = run(root, compose, "up", "-d", "--build");
      assertThat(up.exitCode()).as("docker-compose up:%n%s", up.output()).isZero();
      String migrate = containerOf(root, compose, "db-migrate");
      String web = containerOf(root, compose, "web");
      assertThat(inspect(root, migrate, "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 0");
      assertThat(RealTool.run(root, "docker", "logs", migrate).output())
          .contains("Successfully applied 1 migrations, now at version 1");
      Instant migrated = Instant.parse(inspect(root, migrate, "{{.State.FinishedAt}}"));
      Instant started = Instant.parse(inspect(root, web, "{{.State.StartedAt}}"));
      assertThat(migrated).as("the migration finished before the app started").isBefore(started);
      assertThat(psql(root, compose, "SELECT count(*) FROM invoices; SELECT version FROM flyway_schema_history"
          + " WHERE success")).doesNotContain("does not exist").contains("0\n1");
    } finally {
      run(root, compose, "down", "-v", "--rmi", "local", "-t", "2");
    }
  }

  /**
   * Issue 22, class 2: the generated {@code <db>-migrate} service applies a migration holding only {@code CREATE
   * INDEX CONCURRENTLY} and exits; with Flyway's default transactional lock it waited for its own lock forever and
   * {@code docker-compose up} never returned (the app waits for the migration to complete).
   */
  @Test
  void aConcurrentIndexMigrationFinishesUnderDockerComposeUp(@TempDir Path root) throws IOException {
    buildFlywayStandIn(root.resolve("flyway-standin"));
    Files.createDirectories(root.resolve("db/migrations"));
    Files.writeString(root.resolve("db/migrations/V1__create_invoices.sql"),
        "CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric NOT NULL);\n"
            + "INSERT INTO invoices SELECT g, g FROM generate_series(1, 1000) g;\n");
    Files.writeString(root.resolve("db/migrations/V2__index_total.sql"),
        "CREATE INDEX CONCURRENTLY invoices_total_idx ON invoices (total);\n");
    List<String> compose = compose(root);
    try {
      RealTool.Result up = assertTimeoutPreemptively(Duration.ofSeconds(240),
          () -> run(root, compose, "up", "-d", "--build"),
          "docker-compose up did not return: the migrate service waits for Flyway's own transactional lock");
      assertThat(up.exitCode()).as("docker-compose up:%n%s", up.output()).isZero();
      String migrate = containerOf(root, compose, "db-migrate");
      assertThat(inspect(root, migrate, "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 0");
      assertThat(RealTool.run(root, "docker", "logs", migrate).output())
          .contains("Successfully applied 2 migrations, now at version 2");
      assertThat(psql(root, compose, "SELECT indexrelid::regclass || ' ' || indisvalid FROM pg_index"
          + " WHERE indrelid = 'invoices'::regclass ORDER BY 1")).isEqualTo("invoices_pkey true\ninvoices_total_idx true\n");
    } finally {
      run(root, compose, "down", "-v", "--rmi", "local", "-t", "2");
    }
  }

  /** The generated compose file of an app and a migrated PostgreSQL, and the docker-compose command line for it. */
  private static List<String> compose(Path root) throws IOException {
    String tag = POSTGRES.substring(POSTGRES.indexOf(':') + 1);
    String version = tag.replaceAll("-.*", "");
    int port = 40000 + new java.util.Random().nextInt(20000);
    Stack stack = Stack.named("mig" + UUID.randomUUID().toString().substring(0, 6))
        // Random host ports: other stacks on the shared engine may hold 3000 and 5432.
        .service(App.node("web", NODE).source("web").dependsOn("db").uses("DB_PASSWORD").hostPort(port + 1))
        .service(Postgres.of("db", version).variant(tag.substring(version.length()).replaceFirst("^-", "")).database("shop").user("shop").password("DB_PASSWORD")
            .hostPort(port).migrations("db/migrations"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .deviation(Deviation.of("db").in("local").differs("runs " + POSTGRES).because("the stand-in of this machine"))
        .environment(Environment.local()).build();
    Path file = LocalProject.write(root, stack);
    String project = "paritymig" + UUID.randomUUID().toString().substring(0, 8);
    return List.of("env", "DB_PASSWORD=s3cret", "docker-compose", "-p", project, "-f", root.relativize(file).toString());
  }

  private static String psql(Path root, List<String> compose, String sql) {
    String db = containerOf(root, compose, "db");
    RealTool.Result result = RealTool.run(root, "docker", "exec", db, "psql", "-U", "shop", "-d", "shop", "-tAc", sql);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  /**
   * {@code flyway/flyway:<Parity's Flyway version>}, a stand-in: the JRE stand-in, every jar of the
   * test class path in {@code /flyway/lib} and {@link FlywayStandIn} behind {@code /flyway/flyway}.
   */
  private static void buildFlywayStandIn(Path context) throws IOException {
    Path lib = Files.createDirectories(context.resolve("lib"));
    Path classes = Files.createDirectories(context.resolve("classes"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        Files.copy(path, lib.resolve(path.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String classFile = FlywayStandIn.class.getName().replace('.', '/') + ".class";
    Path target = Files.createDirectories(classes.resolve(classFile).getParent()).resolve(
        FlywayStandIn.class.getSimpleName() + ".class");
    try (var in = FlywayStandIn.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(context.resolve("flyway"), "#!/bin/sh\nexec java -cp '/flyway/lib/*:/flyway/classes' "
        + FlywayStandIn.class.getName() + " \"$@\"\n");
    Files.writeString(context.resolve("Dockerfile"), "FROM " + JRE + "\n"
        + "LABEL parity-test=flyway-standin\n"
        + "WORKDIR /flyway\n"
        + "COPY lib/ /flyway/lib/\n"
        + "COPY classes/ /flyway/classes/\n"
        + "COPY flyway /flyway/flyway\n"
        + "RUN chmod 755 /flyway/flyway && mkdir -p /flyway/sql\n"
        + "ENV PATH=/flyway:$PATH\n"
        + "ENTRYPOINT [\"flyway\"]\n"
        + "CMD [\"-help\"]\n");
    RealTool.assertAccepts(context, "env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "-t", Images.FLYWAY, ".");
  }

  private static RealTool.Result run(Path root, List<String> compose, String... arguments) {
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of(arguments));
    return RealTool.run(root, command);
  }

  private static String containerOf(Path root, List<String> compose, String service) {
    return run(root, compose, "ps", "-a", "-q", service).output().lines().filter(l -> l.matches("[0-9a-f]{12,}"))
        .findFirst().orElseThrow(() -> new AssertionError("no container of " + service));
  }

  private static String inspect(Path root, String container, String format) {
    return RealTool.assertAccepts(root, "docker", "inspect", "-f", format, container).strip();
  }
}
