package dev.parity.runtime.internal;

import java.sql.SQLException;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * What a failed Flyway migration tells the user: the script, the line and the statement that
 * failed, and the database's own error with its SQL state, instead of Flyway's advice to rerun
 * Flyway with {@code -X} (Parity has no such option).
 */
final class MigrationFailure {

  private MigrationFailure() {
  }

  /** The failure's lines, without Flyway's hints about its own command line. */
  static String describe(FlywayException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FlywaySqlScriptException script) {
        return "  script:    " + script.getResource().getFilename() + ", line " + script.getLineNumber()
            + "\n  error:     " + databaseError(script)
            + "\n  statement: " + script.getStatement().strip().lines().collect(Collectors.joining("\n             "));
      }
    }
    return failure.getMessage().strip().lines()
        .filter(line -> !line.contains("-X option") && !line.contains("Flyway Desktop"))
        .map(line -> "  " + line.strip()).filter(line -> !line.isBlank())
        .collect(Collectors.joining("\n"));
  }

  private static String databaseError(FlywaySqlScriptException script) {
    Throwable cause = script.getCause();
    while (cause != null && !(cause instanceof SQLException)) {
      cause = cause.getCause();
    }
    String message = cause == null || cause.getMessage() == null ? "(the database gave no message)"
        : cause.getMessage().strip().lines().findFirst().orElse("");
    return message + (script.getSqlState() == null ? "" : " (SQL state " + script.getSqlState() + ")");
  }
}
