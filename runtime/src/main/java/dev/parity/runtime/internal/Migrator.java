package dev.parity.runtime.internal;

import dev.parity.core.Database;
import dev.parity.core.ErrorCode;
import dev.parity.core.MigrationBaseline;
import dev.parity.core.ParityException;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Applies a database's Flyway migrations from the spec's migrations folder. */
final class Migrator {

  private Migrator() {
  }

  /**
   * Migrates {@code service} and returns the versions applied to it, oldest first.
   *
   * @param target the newest version to apply (Flyway's {@code target}), or {@code null} for all
   *
   * @throws ParityException {@link ErrorCode#MIGRATION_FAILED} with Flyway's message, which names the
   *     file and version that failed
   */
  static List<String> migrate(Service service, Path projectFolder, String jdbcUrl, String user, String password,
      String target) {
    String folder = ((Database) service).migrations().orElseThrow();
    Path location = projectFolder.resolve(folder).toAbsolutePath().normalize();
    if (!Files.isDirectory(location)) {
      throw new ParityException(ErrorCode.MIGRATION_FAILED, "migrations of service '" + service.name()
          + "': folder '" + location + "' does not exist; create it or fix .migrations(\"" + folder + "\") in the spec");
    }
    FluentConfiguration config = Flyway.configure(Migrator.class.getClassLoader())
        .dataSource(jdbcUrl, user, password)
        .locations("filesystem:" + location)
        .failOnMissingLocations(true)
        // Migrations are applied as written unless the spec declares placeholders.
        .placeholderReplacement(((Database) service).placeholders().replacement())
        .placeholders(((Database) service).placeholders().values())
        .loggers("slf4j");
    MigrationBaseline baseline = ((Database) service).baseline();
    if (baseline.onMigrate()) {
      // The generated flyway.toml, migrations image, compose service and Job set the same (MigrationBaseline).
      config = config.baselineOnMigrate(true).baselineVersion(baseline.version().orElseThrow())
          .baselineDescription(baseline.description().orElseThrow());
    }
    if (service instanceof Postgres db) {
      config = config.schemas(db.schema());
      // Flyway's postgresql.transactional.lock=false: a session lock instead of an advisory lock held by an open
      // transaction, which a migration holding CREATE INDEX CONCURRENTLY (or DROP INDEX / REINDEX … CONCURRENTLY)
      // would wait for forever. The generated flyway.toml, migrations image, compose service and Job set the same.
      config.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }
    if (target != null) {
      config = config.target(target);
    }
    Flyway flyway = config.load();
    try {
      flyway.migrate();
      return Arrays.stream(flyway.info().applied()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
          .map(Object::toString).toList();
    } catch (FlywayException e) {
      if (e.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
        throw new ParityException(ErrorCode.MIGRATION_FAILED, withoutBaseline(service), e);
      }
      String version = failedVersion(flyway);
      throw new ParityException(ErrorCode.MIGRATION_FAILED, "migration of service '" + service.name()
          + "' failed" + (version.isEmpty() ? "" : " at version " + version) + " (" + location + "):\n"
          + MigrationFailure.describe(e) + "\n" + (service instanceof MySql && !version.isEmpty()
              ? nonTransactional(service, version) : "") + "Fix the migration, then start the stack again.", e);
    }
  }

  /**
   * Flyway refuses a schema that has tables but no history table: something other than the migrations created them,
   * typically the image's init scripts. Flyway's own advice ({@code baselineOnMigrate}) becomes the spec's option.
   */
  static String withoutBaseline(Service service) {
    String schema = service instanceof Postgres db ? "schema '" + db.schema() + "'" : "database '"
        + ((MySql) service).database() + "'";
    return "migrations of service '" + service.name() + "': " + schema + " already has tables but no Flyway history"
        + " table (flyway_schema_history), so Flyway will not migrate it; tables made by the image's init scripts"
        + " (/docker-entrypoint-initdb.d) need a baseline: add .baseline(MigrationBaseline.atVersion(\"1\")) to '"
        + service.name() + "' (the migrations above version 1 are then applied on top of them), or remove the"
        + " database's volume (parity down --volumes) if the tables are left over";
  }

  /**
   * The version that failed: the one Flyway recorded as failed (MySQL and MariaDB, which cannot roll a migration
   * back, keep such a row), else the first migration not applied; empty when Flyway cannot tell.
   */
  private static String failedVersion(Flyway flyway) {
    try {
      MigrationInfo[] all = flyway.info().all();
      for (MigrationInfo info : all) {
        if (info.getState() == MigrationState.FAILED && info.getVersion() != null) {
          return info.getVersion().toString();
        }
      }
      MigrationInfo[] pending = flyway.info().pending();
      return pending.length > 0 && pending[0].getVersion() != null ? pending[0].getVersion().toString() : "";
    } catch (FlywayException e) {
      return "";
    }
  }

  /**
   * What a failed migration leaves on MySQL and MariaDB: each DDL statement commits by itself (MariaDB's
   * "Statements that cause an implicit commit"), so nothing of the migration is rolled back, and the next start
   * refuses the failed history row.
   */
  private static String nonTransactional(Service service, String version) {
    return "  " + service.kindLabel() + " commits each DDL statement by itself, so what V" + version + " ran before"
        + " the failing statement stays applied and its history row says failed: undo that part by hand and delete"
        + " the row (DELETE FROM flyway_schema_history WHERE version = '" + version + "'), or remove the"
        + " database's volume (parity down --volumes) to start over.\n";
  }
}
