package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MySQL/MariaDB views, functions and procedures with their characteristics, triggers. */
final class MySqlObjects {

  private static final String VIEWS = """
      SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
      """;

  private static final String ROUTINES = """
      SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS kind, DTD_IDENTIFIER AS returns, ROUTINE_DEFINITION AS body,
             SPECIFIC_NAME AS specific_name, IS_DETERMINISTIC AS is_deterministic, SQL_DATA_ACCESS AS data_access,
             SECURITY_TYPE AS security
      FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
      """;

  private static final String PARAMETERS = """
      SELECT SPECIFIC_NAME AS specific_name, PARAMETER_MODE AS mode, DTD_IDENTIFIER AS type
      FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0
      ORDER BY SPECIFIC_NAME, ORDINAL_POSITION
      """;

  private static final String TRIGGERS = """
      SELECT TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS table_name, ACTION_TIMING AS timing,
             EVENT_MANIPULATION AS event, ACTION_ORIENTATION AS orientation, ACTION_STATEMENT AS statement
      FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
      """;

  private MySqlObjects() {
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
  }

  static void read(Connection connection, String schema, ModelBuilder model) throws SQLException {
    // View definitions name tables as `schema`.`table`: without the schema, databases named apart compare.
    String qualifier = "`" + schema + "`.";
    Sql.query(connection, VIEWS, schema, row -> model.schema(schema).views.add(new View(row.getString("name"), false,
        row.getString("definition").replace(qualifier, ""))));
    Map<String, List<String>> parameters = new HashMap<>();
    Sql.query(connection, PARAMETERS, schema, row -> parameters.computeIfAbsent(row.getString("specific_name"),
        k -> new ArrayList<>()).add((row.getString("mode") == null || "IN".equals(row.getString("mode")) ? ""
            : row.getString("mode") + " ") + row.getString("type")));
    Sql.query(connection, ROUTINES, schema, row -> {
      String kind = row.getString("kind").toLowerCase(java.util.Locale.ROOT);
      String signature = row.getString("name") + "(" + String.join(", ",
          parameters.getOrDefault(row.getString("specific_name"), List.of())) + ")";
      model.schema(schema).routines.add(new Routine(kind, signature, row.getString("returns"), "sql",
          row.getString("body"), Attributes.of("deterministic", "YES".equals(row.getString("is_deterministic"))
              ? "deterministic" : "not deterministic", "data access", lower(row.getString("data_access")),
              "security", lower(row.getString("security")))));
    });
    Sql.query(connection, TRIGGERS, schema, row -> model.table(schema, row.getString("table_name")).triggers.add(
        new Trigger(row.getString("name"), row.getString("timing") + " " + row.getString("event") + " ON "
            + row.getString("table_name") + " FOR EACH " + row.getString("orientation") + " "
            + row.getString("statement"))));
  }
}
