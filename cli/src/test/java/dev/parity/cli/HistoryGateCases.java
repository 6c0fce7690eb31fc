package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.Stack;
import dev.parity.drift.schema.Jdbc;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history-aware gate of {@code parity drift schema --spec}, end to end on a real database: a
 * "production" migrated by the local-stack runtime, then changed as a team changes it (a new
 * migration in the repository, a file edited after it ran, a row left failed, an ALTER by hand).
 * The engine's subclasses run each case on PostgreSQL and on MariaDB.
 */
abstract class HistoryGateCases {

  static final String V1 = "CREATE TABLE users (id int PRIMARY KEY, email varchar(255) NOT NULL);";
  static final String V2 = "ALTER TABLE users ADD COLUMN name varchar(100);";
  static final String V3 = "CREATE INDEX users_email ON users (email);";

  @TempDir
  Path project;

  private DockerOps docker;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** The spec class the CLI loads, by name. */
  abstract String spec();

  /** The stack of {@link #spec()}, with or without its migrations, to start the live database. */
  abstract Stack stack(boolean migrations);

  /** The history table as reports name it, for example {@code public.flyway_schema_history}. */
  abstract String history();

  /** The spec class declaring the stand-in's version without its last part ({@code 15} where 15.18 runs): refused. */
  abstract String specDeclaringShorter();

  /** The spec class declaring one patch above the stand-in ({@code 15.19} where 15.18 runs). */
  abstract String specDeclaringNextPatch();

  /** The stand-in image the live database runs, for example {@code postgres:15.18-bookworm}. */
  abstract String standIn();

  /** How reports name the engine: {@code PostgreSQL}, {@code MariaDB}. */
  abstract String engine();

  @BeforeEach
  void docker() throws Exception {
    docker = TestStacks.docker();
    Files.createDirectories(migrations());
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      String stack = stack(true).name();
      docker.removeAll(Map.of(StackLabels.STACK, stack));
      docker.removeAll(Map.of(StackLabels.STACK, stack + "-expected"));
    }
  }

  @Test
  void pendingMigrationsAloneAreInformationAndExitZero() throws Exception {
    write("V1__create_users.sql", V1);
    try (RunningStack live = start(true)) {
      write("V2__add_name.sql", V2);
      write("V3__add_index.sql", V3);

      assertThat(gate(live)).as("%s%s", out, err).isZero();
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": applied up to V1",
          "2 pending: V2__add_name, V3__add_index; the deploy applies them",
          "No drift.");
    }
    assertThat(TestStacks.containers(docker, stack(true).name() + "-expected")).isZero();
  }

  @Test
  void anAppliedMigrationEditedAfterItRanIsDriftWithFlywaysChecksums() throws Exception {
    write("V1__create_users.sql", V1);
    try (RunningStack live = start(true)) {
      String edited = "-- reviewed\n" + V1;
      write("V1__create_users.sql", edited);
      int applied = appliedChecksum(live, "1");

      assertThat(gate(live)).as("%s%s", out, err).isEqualTo(1);
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": applied up to V1",
          "1 difference in 1 object:",
          "Drift: applied migration edited after it ran (checksum differs)",
          "  migration V1",
          "    V1__create_users.sql was edited after it was applied: checksum " + flywayChecksum(edited)
              + " in the repository, " + applied + " in " + history() + "; revert the edit and add a new migration"
              + " (or, if the edit changes nothing, flyway repair)");
      assertThat(applied).isEqualTo(flywayChecksum(V1));
    }
  }

  @Test
  void anAppliedMigrationTheRepositoryLacksIsDriftAndWhatItMadeToo() throws Exception {
    write("V1__create_users.sql", V1);
    write("V2__add_name.sql", V2);
    try (RunningStack live = start(true)) {
      Files.delete(migrations().resolve("V2__add_name.sql"));

      assertThat(gate(live)).as("%s%s", out, err).isEqualTo(1);
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": applied up to V1",
          "2 differences in 2 objects:",
          "Drift: schema differs from its applied migrations",
          "  table users",
          "    column name exists only in --to",
          "Drift: applied migration unknown to the repository",
          "  migration V2",
          "    V2__add_name.sql (add name) is applied but the repository has no such migration; add its file to the"
              + " repository, or undo it and delete its row from " + history());
    }
  }

  @Test
  void aFailedMigrationLeftInTheHistoryIsDrift() throws Exception {
    write("V1__create_users.sql", V1);
    try (RunningStack live = start(true)) {
      write("V2__add_name.sql", V2);
      execute(live, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (2, '2', 'add name', 'SQL', 'V2__add_name.sql', "
          + flywayChecksum(V2) + ", 'shop', 12, false)");

      assertThat(gate(live)).as("%s%s", out, err).isEqualTo(1);
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": applied up to V1",
          "1 difference in 1 object:",
          "Drift: failed migration left in the history",
          "  migration V2",
          "    V2__add_name.sql (add name) failed and is left in " + history() + " (success = false); undo what it"
              + " changed, then flyway repair removes the row");
    }
  }

  @Test
  void aHandMadeAlterTableIsDriftNamingTheColumnWhileV2StaysPending() throws Exception {
    write("V1__create_users.sql", V1);
    try (RunningStack live = start(true)) {
      write("V2__add_name.sql", V2);
      execute(live, "ALTER TABLE users ADD COLUMN phone varchar(20)");

      assertThat(gate(live)).as("%s%s", out, err).isEqualTo(1);
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": applied up to V1",
          "1 pending: V2__add_name; the deploy applies it",
          "1 difference in 1 object:",
          "Drift: schema differs from its applied migrations",
          "  table users",
          "    column phone exists only in --to");

      assertThat(gate(live, "--format", "json")).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(out.toString());
      assertThat(json.path("cases").toString()).isEqualTo("[\"pending\",\"schema_differs\"]");
      assertThat(json.path("migrations").toString()).isEqualTo("{\"history_table\":\"" + history()
          + "\",\"history_exists\":true,\"applied_version\":\"1\",\"pending\":[\"V2__add_name\"]}");
      assertThat(json.path("findings").get(0).path("case").asText()).isEqualTo("schema_differs");
      assertThat(json.path("findings").get(0).path("message").asText()).isEqualTo("column phone exists only in --to");
    }
  }

  @Test
  void aDatabaseWithTablesButNoHistoryIsDrift() throws Exception {
    write("V1__create_users.sql", V1);
    try (RunningStack live = start(false)) {
      execute(live, "CREATE TABLE legacy (id int PRIMARY KEY)");

      assertThat(gate(live)).as("%s%s", out, err).isEqualTo(1);
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": none (the table does not exist)",
          "1 difference in 1 object:",
          "Drift: tables but no migration history",
          "  history " + history(),
          "    the database has 1 table (legacy) but no " + history() + ": flyway migrate refuses it; baseline it at"
              + " the version its schema matches (flyway baseline -baselineVersion=N), or migrate an empty database");
    }
  }

  @Test
  void anEmptyDatabaseWithoutHistoryHasEveryMigrationPending() throws Exception {
    write("V1__create_users.sql", V1);
    write("V2__add_name.sql", V2);
    try (RunningStack live = start(false)) {
      assertThat(gate(live)).as("%s%s", out, err).isZero();
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": none (the table does not exist)",
          "2 pending: V1__create_users, V2__add_name; the deploy applies them",
          "No drift.");
    }
  }

  @Test
  void theVersionTheServerRunsDeclaredIsNoServiceVersionDrift() throws Exception {
    write("V1__create_users.sql", V1);
    try (RunningStack live = start(true)) {
      assertThat(gate(live, "--format", "json")).as("%s%s", out, err).isZero();
      JsonNode json = new ObjectMapper().readTree(out.toString());
      assertThat(json.path("cases").toString()).isEqualTo("[]");
      assertThat(json.path("findings")).isEmpty();
    }
  }

  @Test
  void aDeclaredVersionWithoutItsLastPartIsRefusedBeforeAnyServerIsAsked() throws Exception {
    write("V1__create_users.sql", V1);
    String shorter = HistorySpecs.shorter(standIn());
    try (RunningStack live = start(true)) {
      assertThat(gateOf(specDeclaringShorter(), live)).as("%s%s", out, err).isEqualTo(2);
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString()).contains("  - service 'db': version '" + shorter + "' is not an exact " + engine()
          + " release; fix: declare the full version, e.g. ", "\"" + TestStacks.version(standIn()) + "\")");
    }
  }

  @Test
  void aServerVersionOtherThanTheDeclaredOneIsServiceVersionDriftInEveryFormat() throws Exception {
    write("V1__create_users.sql", V1);
    String declared = HistorySpecs.nextPatch(standIn());
    String running = TestStacks.version(standIn());
    String message = engine() + " version: " + declared + " declared, the server runs " + running
        + "; move the managed engine to " + declared + ", or declare the version it runs";
    // An empty database without history: nothing to rebuild, so the spec's image (postgres:<declared>) never runs
    try (RunningStack live = start(false)) {
      assertThat(gateOf(specDeclaringNextPatch(), live)).as("%s%s", out, err).isEqualTo(1);
      assertThat(reportLines()).containsExactly(
          "Migration history " + history() + ": none (the table does not exist)",
          "1 pending: V1__create_users; the deploy applies it",
          "1 difference in 1 object:",
          "Drift: server version differs from the declared one",
          "  service db",
          "    " + message);

      assertThat(gateOf(specDeclaringNextPatch(), live, "--format", "markdown")).isEqualTo(1);
      assertThat(out.toString().lines().toList()).contains("| server version differs from the declared one"
          + " | service db | " + message + " | `" + declared + "` | `" + running + "` |");

      assertThat(gateOf(specDeclaringNextPatch(), live, "--format", "json")).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(out.toString());
      assertThat(json.path("cases").toString()).isEqualTo("[\"pending\",\"service_version\"]");
      assertThat(json.path("findings")).hasSize(1);
      JsonNode finding = json.path("findings").get(0);
      assertThat(finding.path("case").asText()).isEqualTo("service_version");
      assertThat(finding.path("object").asText()).isEqualTo("service db");
      assertThat(finding.path("from").asText()).isEqualTo(declared);
      assertThat(finding.path("to").asText()).isEqualTo(running);
      assertThat(finding.path("message").asText()).isEqualTo(message);
    }
  }

  private Path migrations() {
    return project.resolve("db/migrations");
  }

  private void write(String file, String sql) throws Exception {
    Files.writeString(migrations().resolve(file), sql);
  }

  private RunningStack start(boolean migrate) {
    return LocalStack.of(stack(migrate)).start(StackOptions.defaults().fixedPorts(false).keepVolumes(false)
        .projectFolder(project));
  }

  private int gate(RunningStack live, String... more) {
    return gateOf(spec(), live, more);
  }

  private int gateOf(String spec, RunningStack live, String... more) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> args = new java.util.ArrayList<>(List.of("drift", "schema", "--spec", spec, "--project-dir",
        project.toString(), "--env", "local", "--to", live.jdbcUrl("db")));
    args.addAll(List.of(more));
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
  }

  /** The report without its first line, which holds the live database's random port. */
  private List<String> reportLines() {
    assertThat(out.toString()).startsWith("Schema drift: migrations of db in ");
    return out.toString().lines().skip(1).toList();
  }

  private static void execute(RunningStack live, String sql) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(live.jdbcUrl("db").replace("jdbc:mysql:", "jdbc:mariadb:"));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int appliedChecksum(RunningStack live, String version) throws Exception {
    try (Connection c = Jdbc.connect(live.jdbcUrl("db"), null, null); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '" + version + "'")) {
      assertThat(row.next()).isTrue();
      return row.getInt(1);
    }
  }

  /**
   * Flyway's checksum of a script, computed independently of the code under test: CRC-32 over the
   * UTF-8 bytes of each line without its terminator, as documented for Flyway's SQL migrations.
   */
  static int flywayChecksum(String script) throws Exception {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new StringReader(script))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }
}
