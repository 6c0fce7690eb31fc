package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB sequences ({@code CREATE SEQUENCE}, 10.3+). {@code information_schema} lists them as tables of type
 * {@code SEQUENCE} without their options (before 11.5), so each is read by selecting its one row, all of them in a
 * single {@code UNION ALL} query; selecting a sequence's row does not advance it. Its next value is data, not
 * compared.
 */
final class MariaDbSequences {

  private static final String NAMES = """
      SELECT TABLE_NAME AS name FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME
      """;

  private MariaDbSequences() {
  }

  static void read(Connection connection, String schema, ModelBuilder model) throws SQLException {
    List<String> names = new ArrayList<>();
    Sql.query(connection, NAMES, schema, row -> names.add(row.getString("name")));
    if (names.isEmpty()) {
      return;
    }
    List<String> selects = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      selects.add("SELECT " + i + " AS n, start_value, increment, minimum_value, maximum_value, cycle_option,"
          + " cache_size FROM " + quoted(schema) + "." + quoted(names.get(i)));
    }
    // A plain statement: a quoted name may hold a question mark, which a prepared one would take for a parameter.
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(String.join(" UNION ALL ", selects))) {
      while (row.next()) {
        model.schema(schema).sequences.add(new Sequence(names.get(row.getInt("n")), "bigint",
            row.getLong("start_value"), row.getLong("increment"), row.getLong("minimum_value"),
            row.getLong("maximum_value"), row.getBoolean("cycle_option"), row.getLong("cache_size")));
      }
    }
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
