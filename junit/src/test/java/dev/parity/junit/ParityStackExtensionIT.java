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
import org.junit.platform.testkit.engine.EngineTestKit;

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
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(Booted.class)).execute()
        .testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(RUNS).hasSize(1);
    assertThat(containers()).isZero();
  }

  @Test
  void withReuseTwoClassesShareOneStackThatIsRemovedWhenTheRunEnds() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(ReusedA.class), selectClass(ReusedB.class)).execute()
        .testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(RUNS).hasSize(1);
    assertThat(containers()).isZero();
  }

  static String ping(String redisUri) throws Exception {
    URI uri = URI.create(redisUri);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(5), StandardCharsets.US_ASCII);
    }
  }

  @ParityStack(spec = ItSpec.class, projectFolder = "src/test/resources/it")
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

  @ParityStack(spec = ItSpec.class, projectFolder = "src/test/resources/it", reuse = true)
  static class ReusedA {
    @Test
    void one(RunningStack stack) {
      RUNS.add(stack.labels().get(StackLabels.RUN));
    }
  }

  @ParityStack(spec = ItSpec.class, projectFolder = "src/test/resources/it", reuse = true)
  static class ReusedB {
    @Test
    void two(RunningStack stack) {
      RUNS.add(stack.labels().get(StackLabels.RUN));
    }
  }
}
