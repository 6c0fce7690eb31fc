package dev.parity.cli;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.drift.DriftCase;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import dev.parity.drift.services.LiveService;
import dev.parity.drift.services.ServerVersions;
import dev.parity.drift.services.ServiceVersions;
import dev.parity.drift.history.FlywayHistory;
import dev.parity.drift.history.HistoryGate;
import dev.parity.drift.history.MigrationHistory;
import dev.parity.drift.schema.Jdbc;
import dev.parity.drift.schema.SchemaDrift;
import dev.parity.drift.schema.SchemaModel;
import dev.parity.drift.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The history-aware schema gate of {@code drift schema --spec} and {@code promote --check-live}: the
 * live database's Flyway history first, then its schema against what the repository's migrations
 * produce up to the version it has applied (migrated on a throwaway database with Flyway's
 * {@code target}), so pending migrations are information and only what was changed by hand,
 * edited, unknown or failed is drift.
 */
final class LiveSchemaGate {

  private LiveSchemaGate() {
  }

  /** Where the live database is and how to log in; see {@link #of}. */
  record Target(Environment environment, Database database, String url, String user, String password,
      List<String> schemas) {
  }

  /**
   * The live database of {@code database} in {@code environment}: {@code url} or the declared endpoint,
   * {@code user} or the spec's user, the password from {@code passwordEnv} or else from the variable named
   * after the database's password key (unless the URL carries one), {@code schema} or the spec's.
   */
  static Target of(Environment environment, dev.parity.core.Stack stack, Database database, String url, String user,
      String passwordEnv, String schema) {
    String live = url != null ? url : SpecDatabases.url(stack, environment, database);
    // A password in the URL is used as given; otherwise the spec's password key names the variable.
    boolean urlHasPassword = live.matches("(?i).*[?&;]password=.*");
    String variable = passwordEnv != null ? passwordEnv : urlHasPassword ? null : SpecDatabases.passwordKey(database);
    String schemaName = schema != null ? schema : SpecDatabases.schema(database);
    return new Target(environment, database, live, user != null ? user : SpecDatabases.user(database),
        password(variable, "--to-password-env"), schemaName == null ? List.of() : List.of(schemaName));
  }

  /**
   * The gate's report on {@code target}, with the server's version against the declared one (case
   * {@code service_version}); exit 1 exactly when it has drift.
   */
  static DriftReport check(LoadedSpec loaded, Target target) {
    DriftReport schema = checkSchema(loaded, target);
    Database database = target.database();
    LiveService service = new LiveService(((dev.parity.core.Service) database).name(), database.engine(),
        database.version(), target.url(), target.user(), target.password());
    return ServiceVersions.finding(service, ServerVersions.read(service)).map(f -> {
      List<Finding> findings = new java.util.ArrayList<>(schema.findings());
      findings.add(f.as(DriftCase.SERVICE_VERSION));
      return new DriftReport(schema.kind(), schema.from(), schema.to(), findings, schema.migrations());
    }).orElse(schema);
  }

  private static DriftReport checkSchema(LoadedSpec loaded, Target target) {
    Database database = target.database();
    String from = "migrations of " + database.name() + " in " + loaded.name() + " (" + database.image() + ")";
    String to = target.environment().name() + " " + Jdbc.mask(target.url());
    MigrationHistory history = FlywayHistory.read(database, loaded.folder(), target.url(), target.user(),
        target.password());
    if (!history.exists()) {
      SchemaModel live = read(target);
      List<String> tables = live.schemas().stream().flatMap(s -> s.tables().stream())
          .map(dev.parity.drift.schema.Table::name).toList();
      return HistoryGate.withoutHistory(history, tables, from, to);
    }
    String applied = history.appliedVersion().orElse(null);
    if (applied == null) {
      // Nothing of the repository ran successfully: no schema to rebuild; the history's own findings say why.
      return HistoryGate.report(history, new DriftReport("schema", from, to, List.of()));
    }
    // The live database is read while the throwaway container starts and migrates up to the applied version.
    return Concurrently.both(() -> read(target),
        () -> ExpectedSchemas.of(loaded.stack(), database, loaded.folder(), target.schemas(), applied),
        (actual, expected) -> HistoryGate.report(history, SchemaDrift.compare(expected, actual, from, to)));
  }

  static SchemaModel read(String url, String user, String password, List<String> schemas) {
    try (Connection connection = Jdbc.connect(url, user, password)) {
      return SchemaReader.read(connection, schemas);
    } catch (SQLException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "closing the connection to " + Jdbc.mask(url) + " failed: "
          + e.getMessage(), e);
    }
  }

  private static SchemaModel read(Target target) {
    return read(target.url(), target.user(), target.password(), target.schemas());
  }

  static String password(String variable, String option) {
    if (variable == null) {
      return null;
    }
    String value = System.getenv(variable);
    if (value == null) {
      throw new ParityException(ErrorCode.USAGE, "environment variable " + variable + " (" + option
          + ") is not set; export it with the database password, for example from a CI secret");
    }
    return value;
  }
}
