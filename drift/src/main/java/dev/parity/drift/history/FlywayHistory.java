package dev.parity.drift.history;

import dev.parity.core.Database;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.Postgres;
import dev.parity.drift.schema.Jdbc;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Reads a live database's Flyway history against the repository's migrations by asking Flyway
 * itself ({@code info}), so states and checksums are exactly the ones {@code flyway migrate} and
 * {@code flyway validate} see. Nothing is written: the connection is read-only and {@code info}
 * creates no table.
 *
 * <pre>{@code
 * MigrationHistory history = FlywayHistory.read(database, specFolder, url, user, password);
 * history.appliedVersion();   // Optional[1]
 * history.pending();          // V2__add_name.sql, ...
 * }</pre>
 *
 * <p>The history table is Flyway's default, {@code flyway_schema_history}, in the database's schema
 * (PostgreSQL: {@link Postgres#schema()}; MySQL/MariaDB: the URL's database), as the generated
 * {@code flyway.toml} and {@code parity up} leave it: the DSL has no option to rename it.
 */
public final class FlywayHistory {

  /** Flyway's default history table; the spec cannot rename it. */
  public static final String TABLE = "flyway_schema_history";

  private FlywayHistory() {
  }

  /**
   * The history of the live database at {@code url} against the migrations of {@code database}.
   *
   * @param specFolder the folder the database's {@code migrations(...)} path is relative to
   * @throws ParityException {@link ErrorCode#UNREACHABLE} when the database cannot be read,
   *     {@link ErrorCode#USAGE} when the migrations folder does not exist
   */
  public static MigrationHistory read(Database database, Path specFolder, String url, String user, String password) {
    String folder = database.migrations().orElseThrow(() -> new IllegalArgumentException(database.name()
        + " has no migrations"));
    Path location = specFolder.resolve(folder).toAbsolutePath().normalize();
    if (!Files.isDirectory(location)) {
      throw new ParityException(ErrorCode.USAGE, "migrations of service '" + database.name() + "': folder '"
          + location + "' does not exist; create it or fix .migrations(\"" + folder + "\") in the spec");
    }
    FluentConfiguration config = Flyway.configure(FlywayHistory.class.getClassLoader())
        .dataSource(new ReadOnly(url, user, password))
        .locations("filesystem:" + location)
        .table(TABLE)
        // The same placeholder settings as parity up and the generated flyway.toml: checksums cover the file as written.
        .placeholderReplacement(database.placeholders().replacement())
        .placeholders(database.placeholders().values())
        .loggers("slf4j");
    // The same baseline as the runs that migrate: migrations at or below it are not pending.
    if (database.baseline().onMigrate()) {
      config = config.baselineOnMigrate(true).baselineVersion(database.baseline().version().orElseThrow())
          .baselineDescription(database.baseline().description().orElseThrow());
    }
    if (database instanceof Postgres db) {
      config = config.schemas(db.schema());
    }
    try (Connection connection = Jdbc.connect(url, user, password)) {
      String schema = database instanceof Postgres db ? db.schema() : connection.getCatalog();
      String table = schema + "." + TABLE;
      return new MigrationHistory(table, tableExists(connection, schema), migrations(config.load().info().all()));
    } catch (SQLException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "reading the migration history of " + Jdbc.mask(url)
          + " failed: " + e.getMessage(), e);
    } catch (FlywayException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "Flyway could not read the migration history of "
          + Jdbc.mask(url) + ": " + e.getMessage().strip().lines().findFirst().orElse(""), e);
    }
  }

  private static boolean tableExists(Connection connection, String schema) throws SQLException {
    boolean postgres = connection.getMetaData().getURL().startsWith("jdbc:postgresql:");
    // PostgreSQL keeps schemas; MySQL/MariaDB call their databases catalogs.
    try (ResultSet tables = postgres ? connection.getMetaData().getTables(null, schema, TABLE, null)
        : connection.getMetaData().getTables(schema, null, TABLE, null)) {
      return tables.next();
    }
  }

  private static List<AppliedMigration> migrations(MigrationInfo[] infos) {
    List<AppliedMigration> migrations = new ArrayList<>();
    for (MigrationInfo info : infos) {
      AppliedMigration.State state = state(info);
      if (state != null) {
        migrations.add(new AppliedMigration(info.getVersion() == null ? null : info.getVersion().toString(),
            info.getScript(), info.getDescription(), state, info.getAppliedChecksum(), info.getResolvedChecksum()));
      }
    }
    return migrations;
  }

  /** Flyway's state in the gate's terms; {@code null} for rows that mean nothing to it (baselines, undone, deleted). */
  private static AppliedMigration.State state(MigrationInfo info) {
    return switch (info.getState()) {
      case PENDING, OUTDATED -> AppliedMigration.State.PENDING;
      case SUCCESS, OUT_OF_ORDER -> info.isChecksumMatching() ? AppliedMigration.State.APPLIED
          : AppliedMigration.State.CHECKSUM_MISMATCH;
      case MISSING_SUCCESS, FUTURE_SUCCESS -> AppliedMigration.State.UNKNOWN;
      case FAILED, MISSING_FAILED, FUTURE_FAILED -> AppliedMigration.State.FAILED;
      case IGNORED -> AppliedMigration.State.OUT_OF_ORDER;
      default -> null;
    };
  }

  /** Flyway's connections, each opened read-only by {@link Jdbc#connect}. */
  private record ReadOnly(String url, String user, String password) implements DataSource {

    @Override
    public Connection getConnection() {
      return Jdbc.connect(url, user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) {
      return Jdbc.connect(url, username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
