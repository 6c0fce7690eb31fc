package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MySQL/MariaDB views with their options, functions and procedures with their characteristics, triggers, events. */
final class MySqlObjects {

  private static final String VIEWS = """
      SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition, CHECK_OPTION AS check_option,
             SECURITY_TYPE AS security, %s AS algorithm
      FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
      """;

  /** Events with their schedule and state; a disabled event never runs. */
  private static final String EVENTS = """
      SELECT EVENT_NAME AS name, EVENT_DEFINITION AS body, EVENT_TYPE AS type, INTERVAL_VALUE AS interval_value,
             INTERVAL_FIELD AS interval_field, ENDS AS ends,
             ON_COMPLETION AS on_completion, STATUS AS status, SQL_MODE AS sql_mode
      FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
      """;

  private static final String ROUTINES = """
      SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS kind, DTD_IDENTIFIER AS returns, ROUTINE_DEFINITION AS body,
             SPECIFIC_NAME AS specific_name, IS_DETERMINISTIC AS is_deterministic, SQL_DATA_ACCESS AS data_access,
             SECURITY_TYPE AS security, SQL_MODE AS sql_mode
      FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
      """;

  private static final String PARAMETERS = """
      SELECT SPECIFIC_NAME AS specific_name, PARAMETER_MODE AS mode, DTD_IDENTIFIER AS type
      FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0
      ORDER BY SPECIFIC_NAME, ORDINAL_POSITION
      """;

  private static final String TRIGGERS = """
      SELECT TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS table_name, ACTION_TIMING AS timing,
             EVENT_MANIPULATION AS event, ACTION_ORIENTATION AS orientation, ACTION_STATEMENT AS statement,
             ACTION_ORDER AS action_order, SQL_MODE AS sql_mode
      FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
      """;

  private MySqlObjects() {
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Reads the views, routines, triggers and events of {@code schema}; {@code mariadb} adds what only MariaDB keeps
   * in {@code information_schema} (a view's {@code ALGORITHM}).
   */
  static void read(Connection connection, String schema, boolean mariadb, ModelBuilder model) throws SQLException {
    // View definitions name tables as `schema`.`table`: without the schema, databases named apart compare.
    String qualifier = "`" + schema + "`.";
    Sql.query(connection, VIEWS.formatted(mariadb ? "ALGORITHM" : "NULL"), schema, row -> model.schema(schema).views
        .add(new View(row.getString("name"), false, row.getString("definition").replace(qualifier, ""),
            Attributes.of("check option", "NONE".equals(row.getString("check_option")) ? null
                : lower(row.getString("check_option")), "security", lower(row.getString("security")),
                "algorithm", lower(row.getString("algorithm"))))));
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
              "security", lower(row.getString("security")), "sql mode", sqlMode(row))));
    });
    Sql.query(connection, TRIGGERS, schema, row -> model.table(schema, row.getString("table_name")).triggers.add(
        new Trigger(row.getString("name"), row.getString("timing") + " " + row.getString("event") + " ON "
            + row.getString("table_name") + " FOR EACH " + row.getString("orientation") + " "
            + row.getString("statement"), Attributes.of("order", row.getString("action_order"), "sql mode", sqlMode(row)))));
    Sql.query(connection, EVENTS, schema, row -> model.schema(schema).others.add(new NamedObject("event",
        row.getString("name"), Attributes.of("schedule", schedule(row), "on completion",
            lower(row.getString("on_completion")), "status", lower(row.getString("status")),
            "body", Attributes.flat(row.getString("body")), "sql mode", sqlMode(row)))));
  }

  /**
   * The {@code sql_mode} a routine, trigger or event was created under, which it runs with whatever the session's
   * is: {@code STRICT_TRANS_TABLES} decides whether a value too long for its column fails or is cut,
   * {@code ERROR_FOR_DIVISION_BY_ZERO} whether dividing by zero fails or gives NULL, {@code ANSI_QUOTES} what
   * {@code "x"} means, and so on. {@code IGNORE_SPACE} is left out: it only lets a space follow a function's name
   * when the body is parsed, and MariaDB Connector/J adds it to every session, so a migration run through JDBC
   * (Flyway) and the same one run with the {@code mariadb} client would otherwise always differ. {@code none} when
   * no mode is left.
   */
  static String sqlMode(String mode) {
    if (mode == null) {
      return null;
    }
    String kept = String.join(",", java.util.Arrays.stream(mode.split(","))
        .filter(m -> !m.isEmpty() && !"IGNORE_SPACE".equals(m)).toList());
    return kept.isEmpty() ? null : kept;
  }

  private static String sqlMode(java.sql.ResultSet row) throws SQLException {
    return sqlMode(row.getString("sql_mode"));
  }

  /**
   * {@code ONE TIME} or {@code EVERY 1 DAY [ENDS '…']}. The start and one-time instants are not compared: without
   * {@code STARTS}, and with {@code CURRENT_TIMESTAMP + INTERVAL …}, the server fixes them when the event is created,
   * so two databases built apart would always differ.
   */
  private static String schedule(java.sql.ResultSet row) throws SQLException {
    if ("ONE TIME".equals(row.getString("type"))) {
      return "ONE TIME";
    }
    String schedule = "EVERY " + row.getString("interval_value") + " " + row.getString("interval_field");
    if (row.getString("ends") != null) {
      schedule += " ENDS '" + row.getString("ends") + "'";
    }
    return schedule;
  }
}
