package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parity.core.Stack;
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
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 2: {@code parity drift schema --spec} builds its expected schema by running every migration on a
 * throwaway database. A migration holding only {@code CREATE INDEX CONCURRENTLY} waited there for Flyway's own
 * transactional lock and the gate hung (240 s in the issue); each run here must end inside its deadline with the
 * report a user reads.
 */
class NonTransactionalGateIT {

  private static final Duration DEADLINE = Duration.ofSeconds(150);
  private static final String V1 = "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);"
      + " INSERT INTO users SELECT g, 'u' || g || '@example.org' FROM generate_series(1, 1000) g;";
  private static final String V2 = "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);";

  @TempDir
  Path project;

  private DockerOps docker;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void docker() throws Exception {
    docker = TestStacks.docker();
    Files.createDirectories(project.resolve("db/migrations"));
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, HistorySpecs.NON_TRANSACTIONAL_STACK));
      docker.removeAll(Map.of(StackLabels.STACK, HistorySpecs.NON_TRANSACTIONAL_STACK + "-expected"));
    }
  }

  @Test
  void aPendingConcurrentIndexIsAppliedOnTheThrowawayAndTheGateFinishes() throws Exception {
    write("V1__create_users.sql", V1);
    try (RunningStack live = start()) {
      write("V2__index_email.sql", V2);

      int exit = assertTimeoutPreemptively(DEADLINE, () -> gate(live),
          "drift schema --spec did not finish: Flyway waits for its own transactional lock");

      assertThat(exit).as("%s%s", out, err).isZero();
      assertThat(reportLines()).containsExactly(
          "Migration history public.flyway_schema_history: applied up to V1",
          "1 pending: V2__index_email; the deploy applies it",
          "No drift.");
    }
    assertThat(TestStacks.containers(docker, HistorySpecs.NON_TRANSACTIONAL_STACK + "-expected")).isZero();
  }

  @Test
  void aConcurrentIndexDroppedByHandIsReportedAfterTheThrowawayBuiltIt() throws Exception {
    write("V1__create_users.sql", V1);
    write("V2__index_email.sql", V2);
    try (RunningStack live = start();
        Connection c = java.sql.DriverManager.getConnection(live.jdbcUrl("db")); Statement s = c.createStatement()) {
      s.execute("DROP INDEX users_email_idx");

      int exit = assertTimeoutPreemptively(DEADLINE, () -> gate(live),
          "drift schema --spec did not finish: Flyway waits for its own transactional lock");

      assertThat(exit).as("%s%s", out, err).isEqualTo(1);
      assertThat(reportLines()).contains(
          "Migration history public.flyway_schema_history: applied up to V2",
          "    index users_email_idx on (email) exists only in --from");
    }
  }

  private void write(String file, String sql) throws Exception {
    Files.writeString(project.resolve("db/migrations").resolve(file), sql);
  }

  private RunningStack start() {
    Stack stack = HistorySpecs.postgres(HistorySpecs.NON_TRANSACTIONAL_STACK, true);
    return LocalStack.of(stack).start(StackOptions.defaults().fixedPorts(false).keepVolumes(false)
        .projectFolder(project));
  }

  private int gate(RunningStack live) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "drift", "schema", "--spec",
        HistorySpecs.NonTransactional.class.getName(), "--project-dir", project.toString(), "--env", "local",
        "--to", live.jdbcUrl("db"));
  }

  /** The report without its first line, which holds the live database's random port. */
  private List<String> reportLines() {
    assertThat(out.toString()).startsWith("Schema drift: migrations of db in ");
    return out.toString().lines().skip(1).toList();
  }
}
