package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.ImageRef;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate end to end, as a user runs it: `parity up` boots the stack, then `parity drift` checks
 * the running schema against the spec's migrations, the running containers against the
 * declaration, and the app's env file against the config schema; a hand-made hotfix and a
 * removed container are each reported with exit code 1.
 */
class GateIT {

  private static final String STACK = "it-gate";

  @TempDir
  Path project;

  private DockerOps docker;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void docker() throws IOException {
    docker = TestStacks.docker();
    Files.createDirectories(project.resolve("db"));
    Files.writeString(project.resolve("db/V1__users.sql"),
        "CREATE TABLE users (id BIGSERIAL PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE);");
    Files.writeString(project.resolve("GateSpec.java"), spec());
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      docker.removeVolumes(Map.of(StackLabels.STACK, STACK));
    }
  }

  private static String spec() {
    String postgres = System.getenv().getOrDefault("PARITY_CI_POSTGRES_IMAGE", "postgres:16.4");
    String version = ImageRef.parse(postgres).tagVersion().orElseThrow();
    String deviation = ImageRef.parse(postgres).tag().orElseThrow().equals(version) ? ""
        : ".deviation(Deviation.of(\"db\").in(\"local\").differs(\"runs " + postgres + "\").because(\"CI stand-in\"))";
    return """
        import dev.parity.core.*;
        import static dev.parity.core.ConfigValue.*;

        public final class GateSpec implements ParitySpec {
          @Override
          public Stack stack() {
            return Stack.named("%s")
                .service(Postgres.of("db", "%s").image("%s").database("shop").user("shop")
                    .password("DB_PASSWORD").migrations("db"))
                .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
                .config(ConfigKey.integer("DB_PORT").value(portOf("db")))
                .config(ConfigKey.string("DB_NAME").defaultValue("shop"))
                .config(ConfigKey.secret("DB_PASSWORD"))
                .environment(Environment.local())
                %s
                .build();
          }
        }
        """.formatted(STACK, version, postgres, deviation);
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void driftFindsAHotfixAndAMissingContainerInAStackThatUpStarted() throws Exception {
    String spec = project.resolve("GateSpec.java").toString();
    Path envFile = project.resolve("app.env");
    assertThat(run("up", "--spec", spec, "--detach", "--random-ports", "--env-file", envFile.toString()))
        .as("up: %s", err).isZero();
    Properties env = new Properties();
    try (var reader = Files.newBufferedReader(envFile)) {
      env.load(reader);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + env.getProperty("DB_PORT") + "/shop";
    String urlWithCredentials = url + "?user=shop&password=" + env.getProperty("DB_PASSWORD");

    assertThat(run("drift", "schema", "--spec", spec, "--env", "local", "--to", urlWithCredentials))
        .as("schema drift right after up: %s%s", out, err).isZero();
    assertThat(out.toString()).contains("No drift.").doesNotContain(env.getProperty("DB_PASSWORD"));
    assertThat(run("drift", "containers", "--spec", spec, "--env", "local")).as("%s%s", out, err).isZero();
    assertThat(run("drift", "config", "--spec", spec, "--env", "local", "--from-env-file", envFile.toString()))
        .as("the env file up wrote matches the schema: %s%s", out, err).isZero();

    hotfix(url, env.getProperty("DB_PASSWORD"), "ALTER TABLE users ADD COLUMN phone VARCHAR(20)");
    assertThat(run("drift", "schema", "--spec", spec, "--env", "local", "--to", urlWithCredentials,
        "--format", "json")).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.path("drift").asBoolean()).isTrue();
    assertThat(report.path("findings")).hasSize(1);
    assertThat(report.path("findings").get(0).path("object").asText()).isEqualTo("table users");
    assertThat(report.path("findings").get(0).path("message").asText()).isEqualTo("column phone exists only in --to");
    assertThat(out.toString()).doesNotContain(env.getProperty("DB_PASSWORD"));

    docker.removeAll(Map.of(StackLabels.STACK, STACK, StackLabels.SERVICE, "db"));
    assertThat(run("drift", "containers", "--spec", spec, "--env", "local")).isEqualTo(1);
    assertThat(out.toString()).contains("service db");

    assertThat(run("down", "--spec", spec)).isZero();
    assertThat(docker.containers(Map.of(StackLabels.STACK, STACK))).isEmpty();
  }

  private static void hotfix(String url, String password, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "shop", password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
