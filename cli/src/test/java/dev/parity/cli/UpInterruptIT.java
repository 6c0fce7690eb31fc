package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.runtime.StackLabels;
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
 * {@code parity up} in a child JVM, stopped with a real signal in each phase of its start: Ctrl-C
 * (SIGINT) and SIGTERM remove everything the start created and say so; {@code kill -9} leaves what
 * {@code parity down} removes. Each test ends with no container, network or volume of its stack.
 */
class UpInterruptIT {

  @TempDir
  Path project;

  private DockerOps docker;
  private String stack;

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
  }

  @AfterEach
  void removeEverything() {
    if (docker != null && stack != null) {
      ParityCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "down", "--volumes",
          "--spec", specOf(stack), "--project-dir", project.toString());
      assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isEmpty();
      assertThat(docker.volumes(Map.of(StackLabels.STACK, stack))).isEmpty();
    }
  }

  private static String specOf(String stack) {
    return stack.equals("crash-stuck") ? UpSpecs.Stuck.class.getName() : UpSpecs.Interrupted.class.getName();
  }

  @ParameterizedTest(name = "{1} while {0} {2}")
  @CsvSource({
      "starting,  INT,  crash-stuck, stuck",
      "waiting,   INT,  crash-stuck, stuck",
      "waiting,   TERM, crash-stuck, stuck",
      "migrating, INT,  crash-intr,  db",
      "migrating, TERM, crash-intr,  db"})
  void anInterruptedStartRemovesEverythingItStartedAndSaysSo(String phase, String signal, String stackName,
      String service) throws Exception {
    stack = stackName;
    Files.createDirectories(project.resolve("db"));
    Files.writeString(project.resolve("db/V1__slow.sql"), "SELECT pg_sleep(300);\n");
    try (ChildCli up = ChildCli.start(project, "up", "--spec", specOf(stack), "--project-dir", project.toString(),
        "--random-ports", "--timeout", "600")) {
      up.awaitLine(l -> l.matches("\\[ *[0-9.]+s\\] " + service + " +" + phase + " .*"), 240);

      up.signal(signal);

      int exit = up.await(240);
      assertThat(exit).isEqualTo(signal.equals("INT") ? 130 : 143);
      assertThat(up.lines()).anyMatch(l -> l.matches("Interrupted: interrupted while starting stack '" + stack
          + "' \\(local\\): removed everything this run started \\([1-9][0-9]* containers and networks\\)\\."));
    }
    assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isEmpty();
    assertThat(docker.removeAll(Map.of(StackLabels.STACK, stack))).as("networks left").isZero();
  }

  @Test
  void sigtermOnAForegroundUpRemovesTheEnvFileHoldingTheGeneratedPassword() throws Exception {
    stack = "crash-intr";
    Files.createDirectories(project.resolve("db"));
    try (ChildCli up = ChildCli.start(project, "up", "--spec", specOf(stack), "--project-dir", project.toString(),
        "--random-ports")) {
      up.awaitLine(l -> l.equals("Running. Press Ctrl-C to stop and remove the stack."), 240);
      Path envFile = project.resolve(".parity/local.env");
      assertThat(Files.readString(envFile)).contains("DB_PASSWORD=");

      up.signal("TERM");

      assertThat(up.await(120)).isEqualTo(143);
      assertThat(up.lines()).contains("Removed stack 'crash-intr' (local).");
      assertThat(envFile).as("the env file with the generated password").doesNotExist();
    }
    assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isEmpty();
  }

  @Test
  void aKilledStartLeavesWhatDownRemoves() throws Exception {
    stack = "crash-stuck";
    Files.createDirectories(project.resolve("db"));
    try (ChildCli up = ChildCli.start(project, "up", "--spec", specOf(stack), "--project-dir", project.toString(),
        "--random-ports", "--timeout", "600")) {
      up.awaitLine(l -> l.matches("\\[ *[0-9.]+s\\] stuck +waiting .*"), 240);
      up.signal("KILL");
      assertThat(up.await(60)).isEqualTo(137);
    }
    assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isNotEmpty();

    StringWriter out = new StringWriter();
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "down",
        "--spec", specOf(stack), "--project-dir", project.toString())).isZero();

    assertThat(out.toString()).startsWith("Removed 3 containers and networks of stack 'crash-stuck' (local).");
    assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isEmpty();
    assertThat(docker.removeAll(Map.of(StackLabels.STACK, stack))).as("networks left").isZero();
  }
}
