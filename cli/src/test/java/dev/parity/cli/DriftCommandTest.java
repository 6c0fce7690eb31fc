package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity drift}: usage errors, credentials never echoed, config drift end to end (no Docker needed). */
class DriftCommandTest {

  private static final String SPEC = Path.of("../examples/java-service/JavaService.java").toString();

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void schemaNeedsEitherFromOrSpec() {
    assertThat(run("drift", "schema", "--to", "jdbc:postgresql://db/shop")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: pass either --from <jdbc-url> or --spec <Spec.java> --env <name>,"
        + " to say what the live schema is compared with\n");
  }

  @Test
  void anUnsupportedUrlIsAUsageError() {
    assertThat(run("drift", "schema", "--from", "jdbc:oracle:thin:@db:1521/x", "--to", "jdbc:postgresql://db/x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("is not a PostgreSQL, MySQL or MariaDB URL");
  }

  @Test
  void anUnreachableDatabaseExitsTwoWithoutEchoingThePassword() {
    assertThat(run("drift", "schema", "--from", "jdbc:postgresql://127.0.0.1:1/shop?user=shop&password=s3cret",
        "--to", "jdbc:postgresql://127.0.0.1:1/other")).isEqualTo(2);
    assertThat(err.toString()).startsWith("parity: cannot connect to jdbc:postgresql://127.0.0.1:1/shop?user=shop"
        + "&password=***: the server cannot be reached (").doesNotContain("s3cret");
  }

  @Test
  void aMissingPasswordVariableIsNamed() {
    assertThat(run("drift", "schema", "--from", "jdbc:postgresql://127.0.0.1:1/a", "--from-password-env",
        "PARITY_TEST_SURELY_UNSET", "--to", "jdbc:postgresql://127.0.0.1:1/b")).isEqualTo(2);
    assertThat(err.toString()).contains("environment variable PARITY_TEST_SURELY_UNSET (--from-password-env) is not set");
  }

  @Test
  void configDriftExitsOneWithAReportAndZeroWhenTheVariablesFit() throws IOException {
    Path bad = dir.resolve("bad.env");
    Files.writeString(bad, "ORDERS_DB_HOST=orders-production.c9akciq32.eu-central-1.rds.amazonaws.com\n"
        + "ORDERS_DB_PORT=five\nORDERS_DB_PASSWORD=changeme\nREDIS_URL=redis://orders-production.abc123.cache."
        + "amazonaws.com:6379\nSERVER_PORT=8080\nJAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=80\n"
        + "FEATURE_FAST_CHECKOUT=false\nDEBUG_HOTFIX=1\n");
    assertThat(run("drift", "config", "--spec", SPEC, "--env", "production", "--from-env-file", bad.toString(),
        "--format", "json")).isEqualTo(1);
    assertThat(out.toString()).contains("\"kind\" : \"config\"", "\"object\" : \"key ORDERS_DB_PORT\"",
        "\"object\" : \"key ORDERS_DB_PASSWORD\"", "\"object\" : \"key DEBUG_HOTFIX\"").doesNotContain("changeme");

    Path good = dir.resolve("good.env");
    Files.writeString(good, Files.readString(bad).replace("five", "5432").replace("changeme", "Zq8!vR2#pL")
        .replace("DEBUG_HOTFIX=1\n", ""));
    out.getBuffer().setLength(0);
    assertThat(run("drift", "config", "--spec", SPEC, "--env", "production", "--from-env-file", good.toString()))
        .isEqualTo(0);
    assertThat(out.toString()).endsWith("No drift.\n");
  }

  @Test
  void anEnvFileIsReadAsComposeReadsItSoQuotingIsNotDrift() throws IOException {
    Path file = dir.resolve("compose.env");
    Files.writeString(file, "\uFEFF# written for docker compose\r\n"
        + "export ORDERS_DB_HOST='orders-production.c9akciq32.eu-central-1.rds.amazonaws.com'\r\n"
        + "ORDERS_DB_PORT=\"5432\" # the engine's port\r\n"
        + "ORDERS_DB_PASSWORD=\"Zq8!vR2#pL \\\"x\\\"\"\r\n"
        + "REDIS_URL=redis://${REDIS_HOST:-orders-production.abc123.cache.amazonaws.com}:6379\r\n"
        + "SERVER_PORT=8080\r\nJAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=80\"\r\nFEATURE_FAST_CHECKOUT=false\r\n");
    assertThat(run("drift", "config", "--spec", SPEC, "--env", "production", "--from-env-file", file.toString()))
        .isEqualTo(0);
    assertThat(out.toString()).endsWith("No drift.\n");

    Files.writeString(file, "ORDERS_DB_PORT=5432\nORDERS_DB_PASSWORD=\"Zq8!vR2#pL\n");
    assertThat(run("drift", "config", "--spec", SPEC, "--env", "production", "--from-env-file", file.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: env file '" + file + "' line 2: the quoted value is not closed;"
        + " end it with \"; Docker Compose would refuse it too\n");
  }

  @Test
  void anUnknownEnvironmentListsTheDeclaredOnes() {
    assertThat(run("drift", "config", "--spec", SPEC, "--env", "prod", "--from-process")).isEqualTo(2);
    assertThat(err.toString()).contains("--env 'prod' is not an environment of stack 'orders'; declared: local,"
        + " staging, production");
  }

  @Test
  void configDriftOfAnAppThatIsNotDeclaredNamesTheApps() {
    assertThat(run("drift", "config", "--spec", SPEC, "--env", "production", "--app", "web", "--from-process"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--app: stack 'orders' has no app 'web'; its apps: api");
  }
}
