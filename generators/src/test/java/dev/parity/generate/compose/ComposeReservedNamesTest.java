package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ConfigKey;
import dev.parity.core.InvalidSpecException;
import dev.parity.generate.Fixtures;
import dev.parity.generate.RealTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 5: a config key named as a setting docker-compose reads from {@code local/.env} is refused, because
 * the real docker-compose 1.29 takes the key's value for its own setting instead of passing it to the app.
 */
class ComposeReservedNamesTest {

  @Test
  void aSecretKeyNamedComposeFileWouldBeOpenedByDockerComposeAsItsFileAndPrinted(@TempDir Path root) throws Exception {
    assertThatThrownBy(() -> Fixtures.shop().config(ConfigKey.secret("COMPOSE_FILE")).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).first()
            .hasToString("config key 'COMPOSE_FILE': is a variable docker-compose reads from local/.env as its own"
                + " setting, so the local stack would change instead of the app receiving it;"
                + " fix: rename the key, e.g. 'SHOP_COMPOSE_FILE'"));
    RealTool.require("docker-compose");
    Path compose = LocalProject.write(root, Fixtures.shop().build());
    Path local = compose.getParent();
    // local/.env as Parity writes it for a secret key, had the key been accepted.
    Files.writeString(local.resolve(".env"), "DB_PASSWORD=s3cret\nCOMPOSE_FILE=s3cret-token-value\n");

    RealTool.Result config = RealTool.run(local, "env", "-u", "COMPOSE_FILE", "docker-compose", "config", "-q");

    assertThat(config.exitCode()).isEqualTo(1);
    assertThat(config.output()).contains("No such file or directory: './s3cret-token-value'");
    // Without the key, the same folder is a valid project.
    Files.writeString(local.resolve(".env"), "DB_PASSWORD=s3cret\n");
    assertThat(RealTool.run(local, "env", "-u", "COMPOSE_FILE", "docker-compose", "config", "-q").exitCode()).isZero();
  }
}
