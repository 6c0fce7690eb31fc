package dev.parity.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: with a data volume kept across {@code down}, the next {@code up} generated a new
 * password, which the database initialised on that volume did not know.
 */
class LocalSecretsTest {

  @TempDir
  Path project;

  private static Stack stack(String... secretKeys) {
    Stack.Builder b = Stack.named("keep").service(Postgres.of("db", "16.4").password("DB_PASSWORD"));
    for (String key : secretKeys) {
      b.config(ConfigKey.secret(key));
    }
    return b.environment(Environment.local()).build();
  }

  @Test
  void aKeptDataVolumeGetsThePasswordOfItsFirstStartUntilDownVolumes() throws Exception {
    Path file = LocalSecrets.file(project, "local");

    Map<String, String> first = LocalSecrets.keptIn(file, stack("DB_PASSWORD"));
    Map<String, String> second = LocalSecrets.keptIn(file, stack("DB_PASSWORD", "API_TOKEN"));

    assertThat(second.get("DB_PASSWORD")).isEqualTo(first.get("DB_PASSWORD")).matches("[A-Za-z0-9]{24}");
    assertThat(second.get("API_TOKEN")).matches("[A-Za-z0-9]{24}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(file).isEqualTo(project.resolve(".parity/local.secrets"));

    LocalSecrets.forget(project, "local");
    assertThat(file).doesNotExist();
    assertThat(LocalSecrets.keptIn(file, stack("DB_PASSWORD")).get("DB_PASSWORD")).isNotEqualTo(first.get("DB_PASSWORD"));
  }

  @Test
  void aValueEditedIntoSomethingElseIsReplaced() throws Exception {
    Path file = LocalSecrets.file(project, "local");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "DB_PASSWORD=changeme\n");

    assertThat(LocalSecrets.keptIn(file, stack("DB_PASSWORD")).get("DB_PASSWORD")).matches("[A-Za-z0-9]{24}");
  }
}
