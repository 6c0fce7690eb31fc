package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity promote staging production} checks production's live schema first, on a real
 * PostgreSQL stand-in migrated by the local-stack runtime as production: a migration the release
 * brings is pending and the promotion goes on; an {@code ALTER TABLE} made by hand refuses it, naming
 * the case and the column, and nothing is written.
 */
class PromoteLiveSchemaIT {

  private static final String LIVE_STACK = HistorySpecs.PROMOTE_STACK + "-live";
  private static final String WEB = "sha256:" + "a".repeat(64);
  private static final String MIGRATIONS = "sha256:" + "c".repeat(64);

  @TempDir
  Path project;

  private DockerOps docker;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void project() throws Exception {
    docker = TestStacks.docker();
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__create_users.sql"), HistoryGateCases.V1);
    Files.createDirectories(project.resolve("app"));
    Files.writeString(project.resolve("app/package.json"), "{\"name\": \"web\", \"private\": true}\n");
    Files.writeString(project.resolve("app/package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": {}}\n");
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, LIVE_STACK));
      docker.removeAll(Map.of(StackLabels.STACK, HistorySpecs.PROMOTE_STACK + "-expected"));
    }
  }

  @Test
  void aMigrationTheReleaseBringsIsPendingAndThePromotionGoesOn() throws Exception {
    try (RunningStack production = start()) {
      Files.writeString(project.resolve("db/migrations/V2__add_name.sql"), HistoryGateCases.V2);
      releaseToStaging();

      assertThat(promote(production)).as("%s%s", out, err).isZero();
      assertThat(out.toString()).contains("  live schema of db in production: applied up to V1, 1 pending:"
          + " V2__add_name; the deploy applies it, no drift\n");
      assertThat(new ObjectMapper().readTree(project.resolve("deploy/releases/production.json").toFile())
          .at("/migrations/db/version").asText()).isEqualTo("2");
    }
  }

  @Test
  void aHandMadeAlterTableInTheTargetRefusesThePromotionNamingTheColumn() throws Exception {
    try (RunningStack production = start()) {
      releaseToStaging();
      try (Connection c = DriverManager.getConnection(production.jdbcUrl("db")); Statement s = c.createStatement()) {
        s.execute("ALTER TABLE users ADD COLUMN phone varchar(20)");
      }

      assertThat(promote(production)).as("%s%s", out, err).isEqualTo(1);
      assertThat(out.toString()).contains("  live schema of db in production: applied up to V1, drift"
          + " (schema_differs)\n");
      assertThat(err.toString().lines().toList()).containsExactly(
          "parity: promote staging -> production refused: the live schema of production has drifted; nothing was"
              + " written",
          "  db in production: schema differs from its applied migrations (schema_differs): table users: column"
              + " phone exists only in --to",
          "fix: turn a hand-made change into a migration or revert it, restore an edited or missing migration file,"
              + " or repair a failed one; `parity drift schema --spec " + HistorySpecs.Promoted.class.getName()
              + " --env production` shows the whole report; then promote again");
      assertThat(project.resolve("deploy/releases/production.json")).doesNotExist();
    }
  }

  private RunningStack start() {
    return LocalStack.of(HistorySpecs.postgres(LIVE_STACK, true)).start(StackOptions.defaults().fixedPorts(false)
        .keepVolumes(false).projectFolder(project));
  }

  private void releaseToStaging() {
    assertThat(run("release", "--app", "web", "--digest", WEB)).as("%s%s", out, err).isZero();
    assertThat(run("release", "--app", "db-migrations", "--digest", MIGRATIONS)).as("%s%s", out, err).isZero();
  }

  private int run(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args[0], "--spec", HistorySpecs.Promoted.class.getName(),
        "--project-dir", project.toString(), "--env", "staging"));
    all.addAll(List.of(args).subList(1, args.length));
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
  }

  private int promote(RunningStack production) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "promote", "--spec",
        HistorySpecs.Promoted.class.getName(), "--project-dir", project.toString(), "staging", "production",
        "--to-url", "db=" + production.jdbcUrl("db"));
  }
}
