package dev.parity.cli.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.generate.RealTool;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's pipeline rehearsal: the java-service example's generated workflow (staging on
 * Kubernetes, production on instances), run job by job as a runner runs it ({@link WorkflowRun}),
 * with the loopback registry as the container registry, two PostgreSQL stand-ins as the staging and
 * production databases, and <b>recorders standing in for kubectl and terraform</b> ({@link Recorder}),
 * which keep what each environment was asked to apply and run the migration Job's image for real.
 * The workflow's kubectl and terraform install steps are replaced by the recorders; the parity CLI
 * and Flyway install steps run as written against a {@code file://} mirror ({@link RehearsalFixture}).
 * The spec is the example's, with this machine's stand-in images and the loopback registry put in
 * its place. The scenarios build on each other, in order, on one repository: each is one push to main.
 * Skipped without Docker, unless {@code PARITY_REQUIRE_DOCKER=true}.
 */
@Disabled("work in progress: the first push runs green end to end (its test failed only in its own psql helper,"
    + " fixed since, not re-run); the V2 push is stopped by the gate's drift cluster, which reports the migration"
    + " Job and its NetworkPolicy as objects the spec does not render; ALTER TABLE and failing-migration scenarios"
    + " are not written")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineRehearsalWithRecordersIT {

  private static final String STAGING_HOST = "orders-staging.c9akciq32.eu-central-1.rds.amazonaws.com";
  private static final String PRODUCTION_HOST = "orders-production.c9akciq32.eu-central-1.rds.amazonaws.com";
  private static final Path EXAMPLE = Path.of("../examples/java-service").toAbsolutePath().normalize();
  private static final Path LOGS = Path.of("target/rehearsal").toAbsolutePath();

  private Path root;
  private RehearsalFixture fixture;
  private Path origin;
  private Path developer;
  private Path parityJar;
  private int runs;
  private KubernetesMockServer apiServer;

  @BeforeAll
  void standUp(@TempDir Path temp) throws Exception {
    root = temp;
    boolean reachable = RealTool.isOnPath("docker") && RealTool.isOnPath("kubectl") && RealTool.isOnPath("git")
        && RealTool.run(Path.of("."), "docker", "info").exitCode() == 0;
    if (!reachable && "true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      throw new AssertionError("Docker, kubectl or git is not reachable, and PARITY_REQUIRE_DOCKER=true requires"
          + " them; run eval \"$(../shared/ci/docker-env.sh)\" first");
    }
    assumeTrue(reachable, "skipped: no Docker engine, kubectl or git (set PARITY_REQUIRE_DOCKER=true to fail instead)");
    parityJar = Path.of("target/parity-cli.jar").toAbsolutePath();
    assertThat(parityJar).as("the built CLI (mvn package runs before the ITs)").exists();
    apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    apiServer.init();
    fixture = new RehearsalFixture(root);
    long started = System.nanoTime();
    fixture.buildFlywayStandIn();
    System.out.printf("rehearsal: Flyway stand-in built in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    fixture.database("staging", STAGING_HOST);
    fixture.database("production", PRODUCTION_HOST);
    fixture.recordersAndMirror(parityJar);
    Files.createDirectories(LOGS);
    createRepository();
  }

  @AfterAll
  void tearDown() {
    if (fixture != null) {
      fixture.close();
    }
    if (apiServer != null) {
      apiServer.destroy();
    }
  }

  @Test
  @Order(1)
  void firstPushWithNoReleaseRecordedDeploysTheDigestBuiltInThisRunToEveryEnvironment() throws Exception {
    Run run = push("Orders service with its first migration", "first-push");
    assertThat(run.succeeded).as(run.log).isTrue();
    String api = run.output("build", "api");
    assertThat(api).startsWith(fixture.REGISTRY + "/rehearsal-" + fixture.id + "/orders-api@sha256:");
    assertThat(running("staging", "api")).isEqualTo(api);
    assertThat(running("production", "api")).isEqualTo(api);
    String migrations = run.output("build", "orders_db_migrations");
    assertThat(migrations).as("the migrations image is pushed where the app images are")
        .startsWith(fixture.REGISTRY + "/rehearsal-" + fixture.id + "/orders-orders-db-migrations@sha256:");
    assertThat(eventsOf(run, "staging")).containsExactly(
        "apply job/orders-db-migrate " + migrations,
        "migrate job/orders-db-migrate " + migrations + " complete",
        "apply deployment/api " + api,
        "rollout api " + api);
    assertThat(fixture.psql("staging", "SELECT max(version) FROM flyway_schema_history WHERE success")).isEqualTo("1");
    assertThat(fixture.psql("production", "SELECT max(version) FROM flyway_schema_history WHERE success")).isEqualTo("1");
  }

  @Test
  @Order(2)
  void aCommitThatAddsV2PassesTheGateWithV2PendingAndAppliesItBeforeTheAppInStagingThenProduction() throws Exception {
    String before = running("production", "api");
    Files.copy(EXAMPLE.resolve("db/migrations/V2__index_orders_by_customer.sql"),
        developer.resolve("db/migrations/V2__index_orders_by_customer.sql"));
    generate();
    Run run = push("Index orders by customer", "commit-adds-v2");
    assertThat(run.succeeded).as(run.log).isTrue();
    assertThat(run.log).contains("1 pending: V2\\_\\_index\\_orders\\_by\\_customer; the deploy applies it");
    String api = run.output("build", "api");
    String migrations = run.output("build", "orders_db_migrations");
    assertThat(api).isNotEqualTo(before);
    assertThat(eventsOf(run, "staging")).containsExactly(
        "apply job/orders-db-migrate " + migrations,
        "migrate job/orders-db-migrate " + migrations + " complete",
        "apply deployment/api " + api,
        "rollout api " + api);
    assertThat(Files.readString(fixture.records.resolve("staging/jobs/orders-db-migrate.log")))
        .contains("Successfully applied 1 migrations", "now at version v2");
    assertThat(eventsOf(run, "production")).containsExactly("terraform apply api " + api);
    assertThat(run.log.indexOf("now at version v2", run.log.indexOf("== job deploy-production")))
        .as("production migrated before terraform apply").isPositive()
        .isLessThan(run.log.indexOf("-- Deploy production"));
    for (String environment : List.of("staging", "production")) {
      assertThat(fixture.psql(environment, "SELECT max(version::int) FROM flyway_schema_history WHERE success"))
          .isEqualTo("2");
      assertThat(running(environment, "api")).isEqualTo(api);
    }
  }

  private String running(String environment, String app) throws IOException {
    return Files.readString(fixture.records.resolve(environment).resolve("running").resolve(app)).strip();
  }

  /** The recorder's events of {@code environment} written during {@code run}. */
  private List<String> eventsOf(Run run, String environment) throws IOException {
    Path events = fixture.records.resolve(environment).resolve("events.log");
    List<String> all = Files.exists(events) ? Files.readAllLines(events) : List.of();
    return all.subList(run.eventsBefore.getOrDefault(environment, 0), all.size());
  }

  // ---- the repository, the pushes and the runs ----

  private void createRepository() throws IOException {
    origin = root.resolve("origin.git");
    developer = root.resolve("developer");
    git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin.toString());
    git(root, "clone", "--quiet", origin.toString(), developer.toString());
    git(developer, "config", "user.name", "Rehearsal");
    git(developer, "config", "user.email", "rehearsal@example.invalid");
    Files.writeString(developer.resolve("JavaService.java"), rehearsalSpec());
    Files.createDirectories(developer.resolve("db/migrations"));
    Files.copy(EXAMPLE.resolve("db/migrations/V1__create_orders.sql"),
        developer.resolve("db/migrations/V1__create_orders.sql"));
    Path mvnw = developer.resolve("mvnw");
    Files.writeString(mvnw, """
        #!/bin/sh
        # The project's build, as far as the rehearsal needs it: target/orders-api.jar, different per commit.
        set -e
        mkdir -p target
        git rev-parse HEAD > target/commit.txt
        (cd target && jar cf orders-api.jar commit.txt)
        """);
    mvnw.toFile().setExecutable(true);
    Files.writeString(developer.resolve(".gitignore"), "target/\n");
    Files.createDirectories(developer.resolve("infra"));
    Files.createSymbolicLink(developer.resolve("infra/variables.tf"), Path.of("../deploy/terraform/variables.tf"));
    generate();
  }

  /** The example's spec with this machine's stand-ins: the JRE and PostgreSQL images, the loopback registry. */
  private String rehearsalSpec() throws IOException {
    String postgresVersion = RehearsalFixture.POSTGRES.replaceAll(".*:", "").replaceAll("-.*", "");
    String spec = Files.readString(EXAMPLE.resolve("JavaService.java"));
    String changed = spec
        .replace("\"eclipse-temurin:17.0.13_11-jre-jammy\"", "\"" + RehearsalFixture.JRE + "\"")
        .replace("\"ghcr.io/acme/orders-api\"", "\"" + RehearsalFixture.REGISTRY + "/rehearsal-" + fixture.id + "/orders-api\"")
        .replace("Postgres.of(\"orders-db\", \"16.4\")", "Postgres.of(\"orders-db\", \"" + postgresVersion + "\").image(\""
            + RehearsalFixture.POSTGRES + "\")")
        .replace(".environment(Environment.local())", ".deviation(dev.parity.core.Deviation.of(\"orders-db\").in(\"local\")"
            + ".differs(\"runs " + RehearsalFixture.POSTGRES + "\").because(\"the stand-in of this machine\"))\n"
            + "        .environment(Environment.local())");
    assertThat(changed).as("the example's spec still has what the rehearsal replaces").isNotEqualTo(spec)
        .doesNotContain("eclipse-temurin", "ghcr.io", "\"16.4\"");
    return changed;
  }

  private void generate() {
    RealTool.assertAccepts(developer, "java", "-jar", parityJar.toString(), "generate", "--spec", "JavaService.java",
        "--out", "deploy");
  }

  /** A run's outcome, its log and where the recorders' event logs stood before it. */
  private record Run(boolean succeeded, String log, Map<String, WorkflowRun.JobResult> jobs,
      Map<String, Integer> eventsBefore, Path logFile) {
    String output(String job, String name) {
      return jobs.get(job).outputs().get(name);
    }
  }

  /** Commits the developer's tree on top of main, pushes it and runs the workflow of that commit. */
  private Run push(String message, String scenario) throws Exception {
    if (!git(developer, "ls-remote", "--heads", "origin", "main").isBlank()) {
      git(developer, "pull", "--quiet", "--rebase", "origin", "main");
    }
    git(developer, "add", "--all");
    git(developer, "commit", "--quiet", "--allow-empty", "-m", message);
    git(developer, "push", "--quiet", "origin", "HEAD:refs/heads/main");
    String sha = git(developer, "rev-parse", "HEAD").strip();
    Map<String, Integer> before = new HashMap<>();
    for (String environment : List.of("staging", "production")) {
      Path events = fixture.records.resolve(environment).resolve("events.log");
      before.put(environment, Files.exists(events) ? Files.readAllLines(events).size() : 0);
    }
    Path logFile = LOGS.resolve(scenario + ".log");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (OutputStream file = Files.newOutputStream(logFile);
        PrintStream log = new PrintStream(new Tee(captured, file), true, StandardCharsets.UTF_8)) {
      log.printf("# pipeline rehearsal, scenario %s: push of %s (%s)%n", scenario, sha.substring(0, 12), message);
      WorkflowRun run = new WorkflowRun(developer.resolve("deploy/ci/github/parity.yml"),
          new WorkflowRun.Trigger(origin, sha, "refs/heads/main", "push"), settings(),
          Files.createDirectories(root.resolve("runs/" + (++runs))), log);
      Map<String, WorkflowRun.JobResult> jobs = run.run();
      log.printf("# result: %s%n", run.succeeded() ? "success" : "failure");
      System.out.println("pipeline rehearsal log of " + scenario + ": " + logFile);
      return new Run(run.succeeded(), captured.toString(StandardCharsets.UTF_8), jobs, before, logFile);
    }
  }

  private WorkflowRun.Settings settings() {
    Map<String, String> vars = Map.of(
        "PARITY_CLI_MIRROR", fixture.mirror.toUri().toString().replaceAll("/$", ""),
        "PARITY_CLI_SHA256", fixture.parityJarSha256,
        "FLYWAY_MIRROR", fixture.mirror.toUri().toString().replaceAll("/$", ""),
        "FLYWAY_SHA256", fixture.flywayArchiveSha256);
    Map<String, Map<String, String>> secrets = new HashMap<>();
    for (var entry : fixture.databases.entrySet()) {
      secrets.put(entry.getKey(), Map.of("ORDERS_DB_PASSWORD", entry.getValue().password(),
          "ORDERS_DB_JDBC_URL", entry.getValue().jdbcUrl(), "KUBE_CONFIG", kubeconfig()));
    }
    Map<String, String> runner = new HashMap<>();
    for (String name : List.of("HOME", "DOCKER_HOST", "TESTCONTAINERS_RYUK_DISABLED", "TESTCONTAINERS_HOST_OVERRIDE",
        "TESTCONTAINERS_CHECKS_DISABLE", "TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE", "LANG")) {
      if (System.getenv(name) != null) {
        runner.put(name, System.getenv(name));
      }
    }
    runner.put("JAVA_HOME", System.getProperty("java.home"));
    runner.put("PATH", fixture.bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    runner.put("REHEARSAL_RECORDS", fixture.records.toString());
    runner.put("REHEARSAL_LABEL", fixture.label);
    runner.put("REHEARSAL_REAL_KUBECTL", realKubectl());
    fixture.databases.forEach((environment, db) -> runner.put("REHEARSAL_NETWORK_" + environment, db.network()));
    return new WorkflowRun.Settings(vars, secrets, runner,
        step -> step.startsWith("Install kubectl") || step.startsWith("Install terraform"));
  }

  /** A kubeconfig of the rehearsal's mock API server, which the recorder fills with what it applies. */
  private String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: rehearsal
            cluster:
              server: %s
        users:
          - name: rehearsal
            user:
              token: rehearsal
        contexts:
          - name: rehearsal
            context:
              cluster: rehearsal
              user: rehearsal
        current-context: rehearsal
        """.formatted(apiServer.url("/"));
  }

  private static String realKubectl() {
    return RealTool.assertAccepts(Path.of("."), "sh", "-c", "command -v kubectl").strip();
  }

  private static String git(Path directory, String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    return RealTool.assertAccepts(directory, command.toArray(String[]::new));
  }

  /** Writes to two streams: the test's copy and the log file. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
