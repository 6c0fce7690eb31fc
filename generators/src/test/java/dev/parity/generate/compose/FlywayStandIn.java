package dev.parity.generate.compose;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The command line of the stand-in {@code flyway/flyway} image that {@link ComposeMigrateIT}
 * builds (no Flyway image can be pulled on these machines): {@code flyway migrate} with Flyway's
 * library from the test class path, configured as the official command line is, from the
 * {@code FLYWAY_*} environment variables. Any other command is refused.
 */
public final class FlywayStandIn {

  private FlywayStandIn() {
  }

  public static void main(String[] args) {
    if (args.length != 1 || !args[0].equals("migrate")) {
      System.err.println("flyway stand-in: only `migrate` is supported, got " + String.join(" ", args));
      System.exit(2);
    }
    MigrateResult result = Flyway.configure().envVars().load().migrate();
    System.out.println("Successfully applied " + result.migrationsExecuted + " migrations, now at version "
        + result.targetSchemaVersion);
  }
}
