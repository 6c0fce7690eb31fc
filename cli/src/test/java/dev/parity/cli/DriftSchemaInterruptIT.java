package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code parity drift schema --spec} in a child JVM, stopped with a real signal while its throwaway
 * database ({@code <stack>-expected}) starts and while it migrates: Ctrl-C and SIGTERM leave nothing
 * with the throwaway's labels on the engine; {@code kill -9} leaves what {@code parity down} removes.
 */
class DriftSchemaInterruptIT {

  private static final String STACK = HistorySpecs.INTERRUPTED_STACK;
  private static final String EXPECTED = STACK + "-expected";
  private static final String V1 = "CREATE TABLE users (id int PRIMARY KEY);\n";

  @TempDir
  Path project;

  private DockerOps docker;

  @BeforeEach
  void docker() throws Exception {
    docker = TestStacks.docker();
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__users.sql"), V1);
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      docker.removeAll(Map.of(StackLabels.STACK, EXPECTED));
      docker.removeVolumes(Map.of(StackLabels.STACK, EXPECTED));
    }
  }

  @ParameterizedTest(name = "{0} while the throwaway database is {1}")
  @CsvSource({"INT, starting", "TERM, starting", "INT, migrating", "TERM, migrating"})
  void anInterruptedSchemaGateLeavesNothingOfItsThrowawayDatabase(String signal, String phase) throws Exception {
    try (RunningStack live = startLive()) {
      if (phase.equals("migrating")) {
        // The live history has V1; the throwaway applies the repository's V1, which now takes five minutes.
        Files.writeString(project.resolve("db/migrations/V1__users.sql"), V1 + "SELECT pg_sleep(300);\n");
      }
      try (ChildCli gate = ChildCli.start(project, "drift", "schema", "--spec", HistorySpecs.Interrupted.class.getName(),
          "--project-dir", project.toString(), "--env", "local", "--to", live.jdbcUrl("db"))) {
        gate.awaitLine(l -> l.matches("throwaway \\[ *[0-9.]+s\\] db +" + phase + " .*"), 240);
        if (phase.equals("migrating")) {
          assertThat(TestStacks.containers(docker, EXPECTED)).as("the throwaway container runs").isOne();
        }

        gate.signal(signal);

        assertThat(gate.await(240)).isEqualTo(signal.equals("INT") ? 130 : 143);
        assertThat(gate.lines()).anyMatch(l -> l.matches("Interrupted: interrupted while starting stack '" + EXPECTED
            + "' \\(local\\): removed everything this run started \\([1-9][0-9]* containers and networks\\)"
            + " \\(the throwaway database of `drift schema --spec`\\)\\."));
      }
      assertNothingLeft();
      assertThat(TestStacks.containers(docker, STACK)).as("the live database is not touched").isOne();
    }
  }

  @Test
  void aKilledSchemaGateLeavesWhatDownRemoves() throws Exception {
    try (RunningStack live = startLive()) {
      Files.writeString(project.resolve("db/migrations/V1__users.sql"), V1 + "SELECT pg_sleep(300);\n");
      try (ChildCli gate = ChildCli.start(project, "drift", "schema", "--spec", HistorySpecs.Interrupted.class.getName(),
          "--project-dir", project.toString(), "--env", "local", "--to", live.jdbcUrl("db"))) {
        gate.awaitLine(l -> l.matches("throwaway \\[ *[0-9.]+s\\] db +migrating .*"), 240);
        gate.signal("KILL");
        assertThat(gate.await(60)).isEqualTo(137);
      }
      assertThat(TestStacks.containers(docker, EXPECTED)).isOne();
    }

    StringWriter out = new StringWriter();
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "down",
        "--spec", HistorySpecs.Interrupted.class.getName(), "--project-dir", project.toString())).isZero();

    assertThat(out.toString()).contains("Removed 2 containers and networks and 1 volumes of stack '" + EXPECTED
        + "' (the throwaway database an interrupted `drift schema --spec` left).");
    assertNothingLeft();
  }

  private RunningStack startLive() {
    return LocalStack.of(HistorySpecs.interrupted()).start(StackOptions.defaults().fixedPorts(false).keepVolumes(false)
        .projectFolder(project));
  }

  private void assertNothingLeft() {
    assertThat(docker.containers(Map.of(StackLabels.STACK, EXPECTED))).as("containers left").isEmpty();
    assertThat(docker.volumes(Map.of(StackLabels.STACK, EXPECTED))).as("volumes left").isEmpty();
    assertThat(docker.removeAll(Map.of(StackLabels.STACK, EXPECTED))).as("networks left").isZero();
  }
}
