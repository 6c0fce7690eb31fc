package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs test classes that use {@link ParityStack} and checks what they saw and what they left. */
class ParityStackExtensionIT {

  static final Set<String> RUNS = ConcurrentHashMap.newKeySet();

  private DockerOps docker;

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
    RUNS.clear();
  }

  @AfterEach
  void removeEverything() {
    if (docker == null) {
      return;
    }
    docker.removeAll(Map.of(StackLabels.STACK, ItSpec.STACK));
  }

  private int containers() {
    return docker.containers(Map.of(StackLabels.STACK, ItSpec.STACK)).size();
  }

  @Test
  void aClassGetsItsStackInjectedAndItIsRemovedAfterTheClass() {
    run(selectClass(Booted.class)).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(RUNS).hasSize(1);
    assertThat(containers()).isZero();
  }

  @Test
  void withReuseTwoClassesShareOneStackThatIsRemovedWhenTheRunEnds() {
    run(selectClass(ReusedA.class), selectClass(ReusedB.class)).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(RUNS).hasSize(1);
    assertThat(containers()).isZero();
  }

  /** Runs the classes; prints why any class or test failed, so that a failed statistic explains itself. */
  private static Events run(DiscoverySelector... selectors) {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectors).execute();
    results.allEvents().failed().stream().forEach(e -> e.getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .ifPresent(t -> System.err.println(e.getTestDescriptor().getDisplayName() + " failed: " + t)));
    return results.testEvents();
  }

  static String ping(String redisUri) throws Exception {
    URI uri = URI.create(redisUri);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(5), StandardCharsets.US_ASCII);
    }
  }

  @ParityStack(spec = ItSpec.class)
  static class Booted {

    @JdbcUrl("db")
    String jdbcUrl;

    @RedisUri("cache")
    static String redis;

    @ParityConfig
    Map<String, String> config;

    @Test
    void fieldsHoldTheRunningStack() throws Exception {
      try (Connection c = DriverManager.getConnection(jdbcUrl)) {
        ResultSet rs = c.createStatement().executeQuery("SELECT body FROM notes WHERE id = 1");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("seeded");
      }
      assertThat(ping(redis)).isEqualTo("+PONG");
      assertThat(config).containsEntry("DB_HOST", "127.0.0.1").containsKey("DB_PASSWORD");
    }

    @Test
    void parametersToo(RunningStack stack, @ParityConfig("DB_PORT") String port) {
      assertThat(port).isEqualTo(Integer.toString(stack.port("db")));
      assertThat(stack.migrations()).containsEntry("db", java.util.List.of("1", "2"));
      RUNS.add(stack.labels().get(StackLabels.RUN));
    }
  }

  @ParityStack(spec = ItSpec.class, reuse = true)
  static class ReusedA {
    @Test
    void one(RunningStack stack) {
      RUNS.add(stack.labels().get(StackLabels.RUN));
    }
  }

  /** The explicit folder, relative to the working directory, overrides the spec's source folder. */
  @ParityStack(spec = ItSpec.class, projectFolder = "src/test/java/dev/parity/junit", reuse = true)
  static class ReusedB {
    @Test
    void two(RunningStack stack) {
      RUNS.add(stack.labels().get(StackLabels.RUN));
    }
  }
}
