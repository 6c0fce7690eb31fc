package dev.parity.core;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks PostgreSQL, MySQL/MariaDB and Redis: image and version, SQL names, migrations, and
 * passwords — a deployed database always has one, a local-only one opts out explicitly.
 */
final class DatabaseChecks {

  private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
  /** Flyway's MigrationVersion: digits separated by '.' or '_' (it reads '_' as '.'). */
  private static final Pattern FLYWAY_VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");
  private static final String MIGRATIONS_FIX = ".migrations(\"db/migrations\")";

  private final ValidationContext context;
  private final ImageChecks images;

  DatabaseChecks(ValidationContext context, ImageChecks images) {
    this.context = context;
    this.images = images;
  }

  void check(String element, Database db) {
    images.checkDatabaseImage(element, db);
    checkPlaceholders(element, db);
    checkBaseline(element, db);
    if (db instanceof Postgres p) {
      checkSqlName(element, "database", p.database());
      checkSqlName(element, "user", p.user());
      checkSqlName(element, "schema", p.schema());
      ReservedSqlNames.postgres(p).forEach(r -> context.problem(element, r.message(), r.fix()));
      p.migrations().ifPresent(m -> context.checkRelativePath(element, "migrations folder", m, MIGRATIONS_FIX));
      p.passwordKey().ifPresent(k -> context.checkSecretKey(element, "takes its password from", k));
      checkPasswordRequired(element, p.name(), p.passwordKey().isPresent(), p.trustsLocalConnections(),
          ".trustLocalConnections()");
    } else if (db instanceof MySql m) {
      checkSqlName(element, "database", m.database());
      checkSqlName(element, "user", m.user());
      ReservedSqlNames.mysql(m).forEach(r -> context.problem(element, r.message(), r.fix()));
      m.migrations().ifPresent(f -> context.checkRelativePath(element, "migrations folder", f, MIGRATIONS_FIX));
      m.passwordKey().ifPresent(k -> context.checkSecretKey(element, "takes its password from", k));
      m.rootPasswordKey().ifPresent(k -> context.checkSecretKey(element, "takes its root password from", k));
      checkPasswordRequired(element, m.name(), m.passwordKey().isPresent() || m.rootPasswordKey().isPresent(),
          m.allowsEmptyPassword(), ".allowEmptyPassword()");
    }
  }

  private void checkPlaceholders(String element, Database db) {
    List<String> names = db.placeholders().names();
    if (!names.isEmpty() && db.migrations().isEmpty()) {
      context.problem(element, "declares migration placeholders but no migrations",
          "add " + MIGRATIONS_FIX + ", or remove .placeholders(…)");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String name : names) {
      if (name == null || !PLACEHOLDER_NAME.matcher(name).matches() || name.startsWith("flyway:")) {
        context.problem(element, "migration placeholder name '" + name + "' is not a Flyway placeholder name",
            "use letters, digits, '_', '.' and '-' (names starting with 'flyway:' are Flyway's own)");
      } else if (!seen.add(name)) {
        context.problem(element, "migration placeholder '" + name + "' is declared twice",
            "keep one MigrationPlaceholders.of/and(\"" + name + "\", …)");
      }
    }
    db.placeholders().values().forEach((name, value) -> {
      if (value == null) {
        context.problem(element, "migration placeholder '" + name + "' has no value", "give it a value");
      }
    });
  }

  private void checkBaseline(String element, Database db) {
    MigrationBaseline baseline = db.baseline();
    if (!baseline.onMigrate()) {
      return;
    }
    if (db.migrations().isEmpty()) {
      context.problem(element, "declares a migration baseline but no migrations",
          "add " + MIGRATIONS_FIX + ", or remove .baseline(…)");
    }
    String version = baseline.version().orElseThrow();
    if (!FLYWAY_VERSION.matcher(version).matches()) {
      context.problem(element, "migration baseline version '" + version + "' is not a Flyway version",
          "use digits separated by '.' or '_', as in the file names: MigrationBaseline.atVersion(\"1\")");
    }
    if (baseline.description().orElseThrow().isBlank()) {
      context.problem(element, "migration baseline has a blank description",
          "describe what the baseline stands for, or leave out .describedAs(…) for Flyway's '"
              + MigrationBaseline.FLYWAY_DESCRIPTION + "'");
    }
  }

  private void checkSqlName(String element, String what, String value) {
    if (value == null || !SQL_NAME.matcher(value).matches()) {
      context.problem(element, what + " name '" + value + "' is not a valid SQL identifier",
          "use letters, digits and underscores, starting with a letter, at most 63 characters");
    }
  }

  /**
   * A deployed database always has a password; a local-only one without a password says so with
   * its opt-in ({@code optIn}), and an opt-in beside a password contradicts it.
   */
  private void checkPasswordRequired(String element, String name, boolean hasPassword, boolean optedIn, String optIn) {
    String key = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "_PASSWORD";
    String password = ".password(\"" + key + "\") with .config(ConfigKey.secret(\"" + key + "\"))";
    List<Environment> remote = context.stack().remoteEnvironments();
    if (hasPassword) {
      if (optedIn) {
        context.problem(element, "declares a password and " + optIn + ", which contradict each other",
            "remove " + optIn + ": with a password, connections need it");
      }
    } else if (!remote.isEmpty()) {
      String names = String.join("', '", remote.stream().map(Environment::name).toList());
      context.problem(element, "has no password, but runs in remote environment" + (remote.size() == 1 ? "" : "s")
          + " '" + names + "'", password + (optedIn ? ", and remove " + optIn + " (it is for local-only stacks)" : ""));
    } else if (!optedIn) {
      context.problem(element, "has no password", password + ", or let this local-only database accept connections"
          + " without one: " + optIn);
    }
  }
}
