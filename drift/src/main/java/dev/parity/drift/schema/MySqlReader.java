package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads a MySQL or MariaDB database from {@code information_schema}: one bulk query per kind of
 * object. Enum types are part of their column's type there; MariaDB sequences are read by {@link MariaDbSequences}.
 */
final class MySqlReader {

  private final Connection connection;
  private final boolean mariadb;

  MySqlReader(Connection connection, boolean mariadb) {
    this.connection = connection;
    this.mariadb = mariadb;
  }

  SchemaModel read(List<String> requested) throws SQLException {
    String schema = requested.isEmpty() ? connection.getCatalog() : requested.get(0);
    if (requested.size() > 1) {
      throw new dev.parity.core.ParityException(dev.parity.core.ErrorCode.USAGE, "MySQL and MariaDB compare one"
          + " database at a time, but " + requested.size() + " schemas were given; pass one --schema");
    }
    ModelBuilder model = new ModelBuilder(mariadb ? "mariadb" : "mysql", List.of(schema));
    MySqlTables.read(connection, schema, model);
    MySqlConstraints.read(connection, schema, mariadb, model);
    MySqlObjects.read(connection, schema, mariadb, model);
    if (mariadb) {
      MariaDbSequences.read(connection, schema, model);
    }
    return model.build();
  }
}
