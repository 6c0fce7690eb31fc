package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a PostgreSQL database: one bulk query per kind of object, across all selected schemas. */
final class PostgresReader {

  private static final String SCHEMAS = """
      SELECT nspname FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = pg_namespace.oid AND d.deptype = 'e')
      ORDER BY nspname
      """;

  private final Connection connection;

  PostgresReader(Connection connection) {
    this.connection = connection;
  }

  /**
   * Reads with the session's {@code search_path} set to {@code public} alone, then set back: the catalog functions
   * ({@code pg_get_viewdef}, {@code pg_get_triggerdef}, …) qualify every name outside the path, so a database whose
   * own {@code ALTER DATABASE … SET search_path} differs would otherwise show every definition as changed, besides
   * the setting itself.
   */
  SchemaModel read(List<String> requested) throws SQLException {
    List<String> schemas = requested.isEmpty() ? userSchemas() : requested;
    ModelBuilder model = new ModelBuilder("postgresql", schemas);
    String[] path = new String[1];
    Sql.query(connection, "SELECT current_setting('search_path'), set_config('search_path', 'public', false)", null,
        row -> path[0] = row.getString(1));
    try {
      PgTables.read(connection, schemas, model);
      PgConstraints.read(connection, schemas, model);
      PgObjects.read(connection, schemas, model);
      PgSettings.read(connection, model);
    } finally {
      Sql.query(connection, "SELECT set_config('search_path', ?, false)", path[0], row -> { });
    }
    return model.build();
  }

  private List<String> userSchemas() throws SQLException {
    List<String> names = new ArrayList<>();
    Sql.query(connection, SCHEMAS, null, row -> names.add(row.getString(1)));
    return names;
  }
}
