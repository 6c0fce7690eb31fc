package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** MySQL/MariaDB tables and columns. */
final class MySqlTables {

  private static final String COLUMNS = """
      SELECT t.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.COLUMN_TYPE AS type,
             c.IS_NULLABLE AS nullable, c.COLUMN_DEFAULT AS default_value, c.EXTRA AS extra,
             c.GENERATION_EXPRESSION AS generation
      FROM information_schema.TABLES t
      LEFT JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
      WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'
      ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION
      """;

  private MySqlTables() {
  }

  static void read(Connection connection, String schema, ModelBuilder model) throws SQLException {
    Sql.query(connection, COLUMNS, schema, row -> {
      ModelBuilder.TableParts parts = model.table(schema, row.getString("table_name"));
      String name = row.getString("column_name");
      if (name == null) {
        return;
      }
      String extra = row.getString("extra") == null ? "" : row.getString("extra").toLowerCase(Locale.ROOT);
      String generation = row.getString("generation");
      String identity = null;
      String defaultValue = row.getString("default_value");
      if (extra.contains("auto_increment")) {
        identity = "auto_increment";
      } else if (generation != null && !generation.isEmpty()) {
        identity = "generated " + generation + (extra.contains("stored") || extra.contains("persistent")
            ? " stored" : " virtual");
        defaultValue = null;
      }
      // MariaDB reports "no default" of a nullable column as the text NULL.
      if ("NULL".equals(defaultValue)) {
        defaultValue = null;
      }
      if (extra.contains("on update")) {
        String onUpdate = extra.substring(extra.indexOf("on update"));
        defaultValue = (defaultValue == null ? "" : defaultValue + " ") + onUpdate;
      }
      parts.columns.add(new Column(name, row.getString("type"), "YES".equals(row.getString("nullable")),
          defaultValue, identity));
    });
  }
}
