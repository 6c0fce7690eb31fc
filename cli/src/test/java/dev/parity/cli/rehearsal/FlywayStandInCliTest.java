package dev.parity.cli.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.extensibility.ConfigurationExtension;
import org.junit.jupiter.api.Test;

/** The rehearsal's Flyway stand-in reads the generated flyway.toml as Flyway's command line does. */
class FlywayStandInCliTest {

  private static final File FLYWAY_TOML = new File("../examples/java-service/deploy/db/orders-db/flyway.toml");

  @Test
  void aNestedTableOfTheGeneratedFlywayTomlBecomesTheDottedPropertyThePostgresqlPluginReads() throws Exception {
    Map<String, String> settings = FlywayStandInCli.fromToml(FLYWAY_TOML, "production");

    assertThat(settings)
        .containsEntry("flyway.postgresql.transactional.lock", "false")
        .containsEntry("flyway.url",
            "jdbc:postgresql://orders-production.c9akciq32.eu-central-1.rds.amazonaws.com:5432/orders")
        .containsEntry("flyway.locations", "filesystem:../../../db/migrations")
        .doesNotContainKey("flyway.postgresql");
    var configuration = Flyway.configure().configuration(settings);
    assertThat(configuration.getPluginRegister().getPlugins(ConfigurationExtension.class))
        .as("Flyway accepts every property (an unknown one throws) and its PostgreSQL plugin took the lock setting")
        .anySatisfy(extension -> assertThat(extension.toString()).contains("lock=false"));
  }
}
