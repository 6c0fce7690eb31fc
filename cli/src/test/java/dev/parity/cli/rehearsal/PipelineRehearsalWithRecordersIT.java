package dev.parity.cli.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.generate.RealTool;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * install step runs as written against a {@code file://} mirror ({@link RehearsalFixture}). Production, on
 * instances, migrates with {@code docker run} of the migrations image the build pushed to 127.0.0.1:5000
 * (built on the stand-in Flyway image), as written in the workflow: no Flyway is installed.
 * The scenarios build on each other, in order, on one repository ({@link RehearsalRepository}) and
 * one set of stand-ins, built once for all four: each scenario is one push to main. Each run's log,
 * with per-step timings, is written to {@code target/rehearsal/<scenario>.log}.
 * Skipped without Docker, unless {@code PARITY_REQUIRE_DOCKER=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineRehearsalWithRecordersIT {

  private static final String STAGING_HOST = "orders-staging.c9akciq32.eu-central-1.rds.amazonaws.com";
  private static final String PRODUCTION_HOST = "orders-production.c9akciq32.eu-central-1.rds.amazonaws.com";
  private static final Path LOGS = Path.of("target/rehearsal").toAbsolutePath();
  private static final List<String> ENVIRONMENTS = List.of("staging", "production");

  private RehearsalFixture fixture;
  private RehearsalRepository repository;
  private KubernetesMockServer apiServer;
  private RecorderServer recorders;

  @BeforeAll
  void standUp(@TempDir Path temp) throws Exception {
    boolean reachable = RealTool.isOnPath("docker") && RealTool.isOnPath("kubectl") && RealTool.isOnPath("git")
        && RealTool.run(Path.of("."), "docker", "info").exitCode() == 0;
    if (!reachable && "true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      throw new AssertionError("Docker, kubectl or git is not reachable, and PARITY_REQUIRE_DOCKER=true requires"
          + " them; run eval \"$(../shared/ci/docker-env.sh)\" first");
    }
    assumeTrue(reachable, "skipped: no Docker engine, kubectl or git (set PARITY_REQUIRE_DOCKER=true to fail instead)");
    Path parityJar = Path.of("target/parity-cli.jar").toAbsolutePath();
    assertThat(parityJar).as("the built CLI (mvn package runs before the ITs)").exists();
    apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    apiServer.init();
    fixture = new RehearsalFixture(temp);
    timed("the Flyway stand-in image", fixture::buildFlywayStandIn);
    timed("the staging and production databases",
        () -> fixture.databases(List.of(new RehearsalFixture.Endpoint("staging", STAGING_HOST),
            new RehearsalFixture.Endpoint("production", PRODUCTION_HOST))));
    timed("the recorders and the mirror", () -> {
      recorders = fixture.recorders(RehearsalRepository.realKubectl());
      fixture.mirror(parityJar);
    });
    timed("the repository and its first generate",
        () -> repository = new RehearsalRepository(fixture, parityJar, apiServer.url("/"), LOGS));
  }

  /** A piece of the rehearsal's setup, with its wall-clock time printed. */
  private interface Setup {
    void run() throws Exception;
  }

  private static void timed(String what, Setup setup) throws Exception {
    long started = System.nanoTime();
    setup.run();
    System.out.printf("rehearsal setup: %s in %.1f s%n", what, (System.nanoTime() - started) / 1e9);
  }

  @AfterAll
  void tearDown() {
    if (recorders != null) {
      recorders.close();
    }
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
    RehearsalRepository.Run run = repository.push("Orders service with its first migration", "first-push");
    assertThat(run.succeeded()).as(run.log()).isTrue();
    assertThat(run.jobLog("deploy-staging")).contains("no release of staging is recorded");
    String api = run.output("build", "api");
    assertThat(api).startsWith(RehearsalFixture.REGISTRY + "/rehearsal-" + fixture.id + "/orders-api@sha256:");
    String migrations = run.output("build", "orders_db_migrations");
    assertThat(migrations).as("the migrations image is pushed where the app images are")
        .startsWith(RehearsalFixture.REGISTRY + "/rehearsal-" + fixture.id + "/orders-orders-db-migrations@sha256:");
    assertThat(RealTool.assertAccepts(Path.of("."), "docker", "run", "--rm", "--label", fixture.label,
        "--entrypoint", "find", migrations, "/flyway/sql", "-mindepth", "1").strip())
        .as("the migrations image holds the migrations and nothing else of the repository")
        .isEqualTo("/flyway/sql/V1__create_orders.sql");
    assertThat(eventsOf(run, "staging")).containsExactly(
        "apply job/orders-db-migrate " + migrations,
        "migrate job/orders-db-migrate " + migrations + " complete",
        "apply deployment/api " + api,
        "rollout api " + api);
    assertThat(eventsOf(run, "production")).containsExactly("terraform apply api " + api);
    for (String environment : ENVIRONMENTS) {
      assertThat(running(environment, "api")).as("what %s runs", environment).isEqualTo(api);
      assertThat(repository.onMain("deploy/releases/" + environment + ".json"))
          .as("the release record of %s on main", environment).contains(api.substring(api.indexOf('@') + 1));
      assertThat(fixture.query(environment, "SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank)"
          + " FROM flyway_schema_history")).isEqualTo("1:true");
      assertThat(columns(environment, "orders")).isEqualTo("id,customer,total_cents,created_at");
    }
  }

  @Test
  @Order(2)
  void aCommitThatAddsV2PassesTheGateWithV2PendingAndAppliesItBeforeTheAppInStagingThenProduction() throws Exception {
    String before = running("production", "api");
    Files.copy(RehearsalRepository.EXAMPLE.resolve("db/migrations/V2__index_orders_by_customer.sql"),
        repository.tree().resolve("db/migrations/V2__index_orders_by_customer.sql"));
    repository.generate();
    RehearsalRepository.Run run = repository.push("Index orders by customer", "commit-adds-v2");
    assertThat(run.succeeded()).as(run.log()).isTrue();
    String api = run.output("build", "api");
    String migrations = run.output("build", "orders_db_migrations");
    assertThat(api).isNotEqualTo(before);
    for (String environment : ENVIRONMENTS) {
      assertThat(run.jobLog("deploy-" + environment)).as("the gate of %s", environment)
          .contains("1 pending: V2\\_\\_index\\_orders\\_by\\_customer; the deploy applies it");
    }
    assertThat(eventsOf(run, "staging")).containsExactly(
        "apply job/orders-db-migrate " + migrations,
        "migrate job/orders-db-migrate " + migrations + " complete",
        "apply deployment/api " + api,
        "rollout api " + api);
    assertThat(Files.readString(fixture.records.resolve("staging/jobs/orders-db-migrate.log")))
        .contains("Successfully applied 1 migrations", "now at version v2");
    assertThat(eventsOf(run, "production")).containsExactly("terraform apply api " + api);
    String production = run.jobLog("deploy-production");
    assertThat(production.indexOf("now at version v2")).as("production migrated before terraform apply")
        .isPositive().isLessThan(production.indexOf("-- Deploy production"));
    assertThat(production).as("production migrates with this run's migrations image, no Flyway installed")
        .contains("-- Migrate the databases of production before the apps start").doesNotContain("Install flyway");
    for (String environment : ENVIRONMENTS) {
      assertThat(fixture.query(environment, "SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank)"
          + " FROM flyway_schema_history")).isEqualTo("1:true,2:true");
      assertThat(fixture.query(environment, "SELECT indexdef FROM pg_indexes WHERE indexname = 'orders_customer_idx'"))
          .isEqualTo("CREATE INDEX orders_customer_idx ON public.orders USING btree (customer)");
      assertThat(running(environment, "api")).as("what %s runs", environment).isEqualTo(api);
    }
    String checksum = "SELECT checksum FROM flyway_schema_history WHERE version = '2'";
    assertThat(fixture.query("production", checksum)).as("production applied the V2 staging applied")
        .isEqualTo(fixture.query("staging", checksum));
    String appliedAt = "SELECT extract(epoch FROM installed_on) FROM flyway_schema_history WHERE version = '2'";
    assertThat(Double.parseDouble(fixture.query("production", appliedAt))).as("V2 reached production after staging")
        .isGreaterThan(Double.parseDouble(fixture.query("staging", appliedAt)));
  }

  @Test
  @Order(3)
  void aHandMadeAlterTableInProductionStopsProductionNamingTheColumnWhileStagingStillDeploys() throws Exception {
    String productionBefore = running("production", "api");
    fixture.query("production", "ALTER TABLE orders ADD COLUMN discount_code varchar(32)");
    try {
      RehearsalRepository.Run run = repository.push("Tidy the order listing", "alter-table-in-production");
      assertThat(run.succeeded()).as(run.log()).isFalse();
      String api = run.output("build", "api");
      assertThat(run.result("deploy-staging")).isEqualTo("success");
      assertThat(running("staging", "api")).as("staging deployed this run's digest").isEqualTo(api);
      assertThat(eventsOf(run, "staging")).endsWith("apply deployment/api " + api, "rollout api " + api);
      assertThat(run.result("release-staging")).isEqualTo("success");

      assertThat(run.result("deploy-production")).isEqualTo("failure");
      String production = run.jobLog("deploy-production");
      assertThat(production).contains("Schema gate: production against its migrations: FAILED",
          "schema differs from its applied migrations", "discount\\_code", "parity gate: the schema of production drifted",
          "-- Migrate the databases of production before the apps start: skipped", "-- Deploy production: skipped");
      assertThat(eventsOf(run, "production")).as("nothing was applied to production").isEmpty();
      assertThat(running("production", "api")).as("production keeps running its version").isEqualTo(productionBefore);
      assertThat(run.result("release-production")).isEqualTo("skipped");
      assertThat(repository.onMain("deploy/releases/production.json"))
          .contains(productionBefore.substring(productionBefore.indexOf('@') + 1));
    } finally {
      fixture.query("production", "ALTER TABLE orders DROP COLUMN discount_code");
    }
  }

  @Test
  @Order(4)
  void aMigrationThatFailsRollsOutNoAppKeepsTheOldVersionRunningAndFailsTheRunWithTheMigrationsMessage()
      throws Exception {
    String stagingBefore = running("staging", "api");
    String productionBefore = running("production", "api");
    Files.writeString(repository.tree().resolve("db/migrations/V3__reference_customers.sql"),
        "ALTER TABLE orders ADD COLUMN customer_id BIGINT REFERENCES customers (id);\n");
    repository.generate();
    RehearsalRepository.Run run = repository.push("Reference customers from orders", "failing-migration");
    assertThat(run.succeeded()).as(run.log()).isFalse();
    String migrations = run.output("build", "orders_db_migrations");
    assertThat(eventsOf(run, "staging")).containsExactly(
        "apply job/orders-db-migrate " + migrations,
        "migrate job/orders-db-migrate " + migrations + " failed");
    String staging = run.jobLog("deploy-staging");
    assertThat(staging).contains("V3__reference_customers.sql", "relation \"customers\" does not exist",
        "Migration failed", "no app was rolled out", "-- Deploy staging to Kubernetes: skipped");
    assertThat(running("staging", "api")).as("staging keeps running its version").isEqualTo(stagingBefore);
    assertThat(running("production", "api")).isEqualTo(productionBefore);
    assertThat(eventsOf(run, "production")).isEmpty();
    assertThat(run.result("deploy-production")).isEqualTo("skipped");
    assertThat(fixture.query("staging", "SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank)"
        + " FROM flyway_schema_history")).as("PostgreSQL rolled V3 back; no failed row is left").isEqualTo("1:true,2:true");
    assertThat(columns("staging", "orders")).doesNotContain("customer_id");
  }

  private String running(String environment, String app) throws IOException {
    return Files.readString(fixture.records.resolve(environment).resolve("running").resolve(app)).strip();
  }

  private String columns(String environment, String table) {
    return fixture.query(environment, "SELECT string_agg(column_name, ',' ORDER BY ordinal_position)"
        + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '" + table + "'");
  }

  /** The recorder's events of {@code environment} written during {@code run}. */
  private List<String> eventsOf(RehearsalRepository.Run run, String environment) throws IOException {
    Path events = fixture.records.resolve(environment).resolve("events.log");
    List<String> all = Files.exists(events) ? Files.readAllLines(events) : List.of();
    return all.subList(run.eventsBefore().getOrDefault(environment, 0), all.size());
  }
}
