package dev.parity.drift.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a catalog query and hands each row to a consumer. */
final class Sql {

  private Sql() {
  }

  /** A consumer of result rows that may throw {@link SQLException}. */
  @FunctionalInterface
  interface Row {
    void accept(ResultSet row) throws SQLException;
  }

  /** Runs {@code sql} with the schema names bound to its {@code ?} parameters (as an array on PostgreSQL). */
  static void query(Connection connection, String sql, Object parameter, Row row) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int count = (int) sql.chars().filter(c -> c == '?').count();
      for (int i = 1; i <= count; i++) {
        if (parameter instanceof List<?> names) {
          statement.setArray(i, connection.createArrayOf("text", names.toArray()));
        } else {
          statement.setObject(i, parameter);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          row.accept(rows);
        }
      }
    }
  }

  static List<String> strings(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return new ArrayList<>(Arrays.stream(values).map(String::valueOf).toList());
  }
}
