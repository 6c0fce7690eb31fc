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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity drift services} end to end on the real PostgreSQL, MariaDB and Redis stand-ins, reached
 * through {@code --endpoint} as through a tunnel; and {@code drift schema}'s own case for a server version.
 */
class DriftServicesIT {

  @TempDir
  static Path project;

  static DockerOps docker;
  static RunningStack live;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() {
    docker = TestStacks.docker();
    live = LocalStack.of(ServiceSpecs.running()).start(StackOptions.defaults().fixedPorts(false).keepVolumes(false)
        .projectFolder(project));
  }

  @AfterAll
  static void stop() {
    if (live != null) {
      live.close();
    }
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, ServiceSpecs.STACK));
    }
  }

  private int run(String spec, String... more) {
    List<String> args = new ArrayList<>(List.of("drift", "services", "--spec", spec, "--env", "staging",
        "--endpoint", "db=" + live.jdbcUrl("db"), "--endpoint", "orders=" + live.jdbcUrl("orders"),
        "--endpoint", "cache=" + live.host() + ":" + live.port("cache")));
    args.addAll(List.of(more));
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
  }

  @Test
  void theVersionsTheStandInsRunDeclaredAreNoDrift() {
    assertThat(run(ServiceSpecs.AsRunning.class.getName())).as("%s%s", out, err).isZero();
    assertThat(out.toString()).isEqualTo("Services drift: ServiceSpecs$AsRunning"
        + " (staging) (from) vs environment staging (to)\nNo drift.\n");
  }

  @Test
  void otherDeclaredVersionsAreDriftOneLinePerService() {
    String pg = TestStacks.version(TestStacks.POSTGRES);
    String maria = TestStacks.version(TestStacks.MARIADB);
    String redis = TestStacks.version(TestStacks.REDIS);
    assertThat(run(ServiceSpecs.Older.class.getName())).as("%s%s", out, err).isEqualTo(1);
    assertThat(out.toString().lines().skip(1).toList()).containsExactly(
        "3 differences in 3 objects:",
        "service db",
        "  PostgreSQL version: 14.9 declared, the server runs " + pg + "; move the managed engine to 14.9, or declare"
            + " the version it runs",
        "service orders",
        "  MariaDB version: 10.6.16 declared, the server runs " + maria + "; move the managed engine to 10.6.16, or"
            + " declare the version it runs",
        "service cache",
        "  Redis version: 7.2.3 declared, the server runs " + redis + "; move the managed engine to 7.2.3, or declare"
            + " the version it runs");

    out.getBuffer().setLength(0);
    assertThat(run(ServiceSpecs.Older.class.getName(), "--format", "json")).isEqualTo(1);
    assertThat(out.toString()).contains("\"kind\" : \"services\"", "\"category\" : \"service\"",
        "\"object\" : \"service db\"", "\"from\" : \"14.9\"", "\"to\" : \"" + pg + "\"");
  }

  @Test
  void aServiceThatDoesNotAnswerIsNamedAndExitsTwoWhileTheOthersAreStillReported() {
    int exit = ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "drift", "services", "--spec",
        ServiceSpecs.Older.class.getName(), "--env", "staging", "--endpoint", "db=" + live.jdbcUrl("db"),
        "--endpoint", "orders=" + live.jdbcUrl("orders"), "--endpoint", "cache=127.0.0.1:1");
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).contains("2 differences in 2 objects:", "service db", "service orders");
    assertThat(err.toString()).startsWith("parity: 1 of 3 services could not be asked for their version:\n"
        + "  service 'cache' (Redis at 127.0.0.1:1): the server cannot be reached (");
  }
}
