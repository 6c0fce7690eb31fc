package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.ConfigKey;
import dev.parity.core.ConfigValue;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: a JVM app takes {@code jdbcUrlOf(db)} from the env file {@code parity up} writes and its
 * JDBC driver connects with it, on random ports, to PostgreSQL and MariaDB.
 */
class JdbcUrlIT {

  static final String STACK = "it-jdbc-url";

  @TempDir
  Path project;

  private DockerOps docker;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      docker.removeVolumes(Map.of(StackLabels.STACK, STACK));
    }
  }

  /** PostgreSQL and MariaDB, each with its JDBC URL, user and password keys in Spring Boot's spelling. */
  public static final class Spec implements ParitySpec {
    @Override
    public Stack stack() {
      Stack.Builder stack = Stack.named(STACK)
          .service(Postgres.of("pg", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
              .database("billing").user("billing").password("SPRING_DATASOURCE_PASSWORD"))
          .service(MySql.mariadb("maria", TestStacks.version(TestStacks.MARIADB)).image(TestStacks.MARIADB)
              .database("legacy").user("legacy").password("MARIA_PASSWORD"))
          .config(ConfigKey.url("SPRING_DATASOURCE_URL").value(ConfigValue.jdbcUrlOf("pg")))
          .config(ConfigKey.string("SPRING_DATASOURCE_USERNAME").value(ConfigValue.userOf("pg")))
          .config(ConfigKey.secret("SPRING_DATASOURCE_PASSWORD"))
          .config(ConfigKey.url("MARIA_URL").value(ConfigValue.jdbcUrlOf("maria")))
          .config(ConfigKey.string("MARIA_USER").value(ConfigValue.userOf("maria")))
          .config(ConfigKey.secret("MARIA_PASSWORD"))
          .environment(Environment.local());
      stack = TestStacks.variant(stack, "pg", TestStacks.POSTGRES);
      return TestStacks.variant(stack, "maria", TestStacks.MARIADB).build();
    }
  }

  @Test
  void theJdbcUrlsParityUpHandsOutConnectOnRandomPorts() throws Exception {
    Path envFile = project.resolve("app.env");
    int exit = ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "up", "--spec", Spec.class.getName(),
        "--project-dir", project.toString(), "--detach", "--random-ports", "--env-file", envFile.toString());
    assertThat(exit).as(out + "\n" + err).isZero();
    Map<String, String> env = read(envFile);

    assertThat(env.get("SPRING_DATASOURCE_URL")).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/billing");
    assertThat(env.get("SPRING_DATASOURCE_URL")).doesNotEndWith(":5432/billing");
    try (Connection c = DriverManager.getConnection(env.get("SPRING_DATASOURCE_URL"), env.get("SPRING_DATASOURCE_USERNAME"),
        env.get("SPRING_DATASOURCE_PASSWORD")); ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("billing");
    }

    assertThat(env.get("MARIA_URL")).matches("jdbc:mariadb://127\\.0\\.0\\.1:\\d+/legacy");
    try (Connection c = DriverManager.getConnection(env.get("MARIA_URL"), env.get("MARIA_USER"), env.get("MARIA_PASSWORD"));
        ResultSet rs = c.createStatement().executeQuery("SELECT DATABASE()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("legacy");
    }

    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "down", "--spec", Spec.class.getName(),
        "--project-dir", project.toString(), "--volumes")).isZero();
  }

  private static Map<String, String> read(Path envFile) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(envFile)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }
}
