package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code parity drift envs}: the usage errors, said before anything is contacted (exit 2). */
class DriftEnvsUsageTest {

  private static final String SPEC = Path.of("../examples/node-postgres-redis/NodePostgresRedis.java")
      .toAbsolutePath().normalize().toString();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void anUndeclaredEnvironmentIsNamedWithTheDeclaredOnes() {
    assertThat(run("drift", "envs", "--spec", SPEC, "staging", "prod")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: environment 'prod' is not declared; declared: local, staging,"
        + " production\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void theSameEnvironmentTwiceIsAUsageError() {
    assertThat(run("drift", "envs", "--spec", SPEC, "staging", "staging")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: drift envs staging staging: name two different environments,"
        + " for example staging production\n");
  }

  @Test
  void anEndpointOfNeitherEnvironmentSaysHowToWriteIt() {
    assertThat(run("drift", "envs", "--spec", SPEC, "staging", "production", "--endpoint", "db=localhost:5432"))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: --endpoint db=…: write <env>.<service>, with <env> staging or"
        + " production, for example staging.db=localhost:15432\n");
  }

  @Test
  void aMissingPasswordVariableNamesTheEnvironmentsOwn() {
    assertThat(run("drift", "envs", "--spec", SPEC, "staging", "production")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: environment variable STAGING_DB_PASSWORD (db's password) is not"
        + " set; export it with the database password, for example from a CI secret\n");
  }
}
