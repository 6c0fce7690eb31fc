package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.DockerOps;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackIT {

  @TempDir
  Path project;

  private DockerOps docker;
  private final List<ServiceProgress> events = new ArrayList<>();

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
  }

  @AfterEach
  void removeEverything() {
    if (docker == null) {
      return;
    }
    for (String stack : List.of("it-shop", "it-maria", "it-mirror")) {
      docker.removeAll(Map.of(StackLabels.STACK, stack));
    }
  }

  private StackOptions options() {
    return StackOptions.defaults().fixedPorts(false).keepVolumes(false).projectFolder(project).progress(events::add);
  }

  @Test
  void upMigratesAnswersJdbcAndPingAndCloseLeavesNoLabelledContainer() throws Exception {
    TestStacks.migrations(project.resolve("db"),
        "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);",
        "ALTER TABLE users ADD COLUMN email text;");
    Stack stack = TestStacks.shop("it-shop", "db");

    try (RunningStack running = LocalStack.of(stack).start(options())) {
      assertThat(running.migrations()).containsExactly(Map.entry("db", List.of("1", "2")));
      try (Connection c = DriverManager.getConnection(running.jdbcUrl("db"))) {
        c.createStatement().execute("INSERT INTO users (name, email) VALUES ('ada', 'ada@example.com')");
        ResultSet rs = c.createStatement().executeQuery("SELECT email FROM users WHERE name = 'ada'");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ada@example.com");
      }
      assertThat(ping(running.port("cache"))).isEqualTo("+PONG");
      Map<String, String> config = running.config();
      assertThat(config).containsEntry("DB_HOST", "127.0.0.1")
          .containsEntry("DB_PORT", Integer.toString(running.port("db")))
          .containsEntry("REDIS_URL", "redis://127.0.0.1:" + running.port("cache"))
          .containsEntry("LOG_LEVEL", "info");
      assertThat(config.get("DB_PASSWORD")).hasSize(24).matches("[A-Za-z0-9]+");
      assertThat(running.printableConfig()).contains("DB_PASSWORD=<generated, in the env file>");
      assertThat(TestStacks.containers(docker, "it-shop")).isEqualTo(2);
      assertThat(docker.containers(StackLabels.forService("it-shop", "local", "db"))).hasSize(1);
    }

    assertThat(TestStacks.containers(docker, "it-shop")).isZero();
    assertThat(events).extracting(e -> e.service() + " " + e.phase())
        .contains("db HEALTHY", "db MIGRATED", "cache HEALTHY");
  }

  @Test
  void mariadbIsMigratedAndReachedOverJdbc() throws Exception {
    TestStacks.migrations(project.resolve("sql"), "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20));");
    Stack.Builder b = Stack.named("it-maria")
        .service(MySql.mariadb("store", TestStacks.version(TestStacks.MARIADB)).image(TestStacks.MARIADB)
            .password("STORE_PASSWORD").migrations("sql"))
        .config(dev.parity.core.ConfigKey.secret("STORE_PASSWORD"))
        .environment(Environment.local());
    Stack stack = TestStacks.variant(b, "store", TestStacks.MARIADB).build();

    try (RunningStack running = LocalStack.of(stack).start(options())) {
      assertThat(running.migrations()).containsExactly(Map.entry("store", List.of("1")));
      try (Connection c = DriverManager.getConnection(running.jdbcUrl("store"))) {
        c.createStatement().execute("INSERT INTO items VALUES (1, 'x')");
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM items");
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
    assertThat(TestStacks.containers(docker, "it-maria")).isZero();
  }

  @Test
  void aRegistryMirrorIsPulledFromKeepingTheDeclaredTag() {
    String mirrored = TestStacks.REGISTRY + "/library/" + TestStacks.REDIS;
    if (docker.hasImage(mirrored)) {
      docker.untag(mirrored);   // force a real pull from the mirror
    }
    Stack.Builder b = Stack.named("it-mirror")
        .service(Redis.of("cache", TestStacks.version(TestStacks.REDIS)).image(TestStacks.REDIS))
        .environment(Environment.local());
    Stack stack = TestStacks.variant(b, "cache", TestStacks.REDIS).build();

    try (RunningStack running = LocalStack.of(stack).start(options().registryMirror(TestStacks.REGISTRY))) {
      assertThat(docker.containers(Map.of(StackLabels.STACK, "it-mirror"))).singleElement()
          .satisfies(c -> assertThat(c.getImage()).isEqualTo(mirrored));
      assertThat(events).extracting(e -> e.service() + " " + e.phase() + " " + e.detail())
          .contains("cache PULLING " + mirrored);
    }
  }

  static String ping(int port) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(5), StandardCharsets.US_ASCII);
    }
  }
}
