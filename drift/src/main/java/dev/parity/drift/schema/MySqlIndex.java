package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One MySQL/MariaDB index as {@code information_schema.STATISTICS} describes it, with every attribute
 * the engine keeps: each column's prefix length ({@code name(10)}) and order ({@code DESC}), or the
 * expression of a functional key part (MySQL), the index type ({@code btree}, {@code hash},
 * {@code fulltext}, {@code spatial}), whether it is ignored (MariaDB) or invisible (MySQL), and its comment.
 */
final class MySqlIndex {

  final String table;
  final String name;
  final boolean unique;
  final String method;
  final List<String> columns = new ArrayList<>();
  private final String visibility;
  private final String comment;

  private MySqlIndex(String table, String name, boolean unique, String method, String visibility, String comment) {
    this.table = table;
    this.name = name;
    this.unique = unique;
    this.method = method;
    this.visibility = visibility;
    this.comment = comment;
  }

  /** Every index of {@code schema}, by table and name. */
  static Map<String, MySqlIndex> read(Connection connection, String sql, String schema) throws SQLException {
    Map<String, MySqlIndex> indexes = new LinkedHashMap<>();
    Sql.query(connection, sql, schema, row -> {
      Set<String> present = columns(row.getMetaData());
      String table = row.getString("TABLE_NAME");
      String name = row.getString("INDEX_NAME");
      MySqlIndex index = indexes.computeIfAbsent(table + "\u0000" + name, k -> {
        try {
          return new MySqlIndex(table, name, "0".equals(row.getString("NON_UNIQUE")),
              row.getString("INDEX_TYPE").toLowerCase(Locale.ROOT), visibility(row, present),
              emptyAsNull(row.getString("INDEX_COMMENT")));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      String expression = present.contains("EXPRESSION") ? row.getString("EXPRESSION") : null;
      String column = row.getString("COLUMN_NAME") != null ? row.getString("COLUMN_NAME") : "(" + expression + ")";
      String prefix = row.getString("SUB_PART") == null ? "" : "(" + row.getString("SUB_PART") + ")";
      String order = "D".equals(row.getString("COLLATION")) ? " DESC" : "";
      index.columns.add(column + prefix + order);
    });
    return indexes;
  }

  /** The attributes beside columns, uniqueness and method; a unique constraint shows its method too. */
  Map<String, String> properties(boolean withMethod) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (withMethod) {
      properties.put("method", method);
    }
    properties.put("visibility", visibility);
    properties.put("comment", comment);
    return properties;
  }

  private static String visibility(ResultSet row, Set<String> present) throws SQLException {
    if (present.contains("IGNORED") && "YES".equals(row.getString("IGNORED"))) {
      return "ignored";
    }
    if (present.contains("IS_VISIBLE") && "NO".equals(row.getString("IS_VISIBLE"))) {
      return "invisible";
    }
    return null;
  }

  private static Set<String> columns(ResultSetMetaData meta) throws SQLException {
    Set<String> names = new HashSet<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
    }
    return names;
  }

  private static String emptyAsNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
