package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL/MariaDB keys, checks and indexes. A unique index is a unique constraint there, so both
 * read as {@link UniqueConstraint}; the indexes InnoDB adds for foreign keys read as indexes on
 * both sides alike.
 */
final class MySqlConstraints {

  private static final String KEYS = """
      SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS type,
             k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_SCHEMA AS ref_schema,
             k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column,
             rc.UPDATE_RULE AS on_update, rc.DELETE_RULE AS on_delete
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND rc.TABLE_NAME = tc.TABLE_NAME AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
      ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION
      """;

  private static final String MARIADB_CHECKS = """
      SELECT cc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause
      FROM information_schema.CHECK_CONSTRAINTS cc WHERE cc.CONSTRAINT_SCHEMA = ?
      """;

  private static final String MYSQL_CHECKS = """
      SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK'
      """;

  /** Read with {@code *}: MariaDB (IGNORED) and MySQL (IS_VISIBLE, EXPRESSION) keep different columns. */
  private static final String INDEXES = """
      SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
      """;

  private MySqlConstraints() {
  }

  static void read(Connection connection, String schema, boolean mariadb, ModelBuilder model) throws SQLException {
    Map<String, MySqlIndex> indexes = MySqlIndex.read(connection, INDEXES, schema);
    Map<String, Key> keys = new LinkedHashMap<>();
    Sql.query(connection, KEYS, schema, row -> {
      Key key = keys.computeIfAbsent(row.getString("table_name") + "\u0000" + row.getString("name"), k -> {
        try {
          return new Key(row.getString("table_name"), row.getString("name"), row.getString("type"),
              row.getString("ref_schema"), row.getString("ref_table"), row.getString("on_update"),
              row.getString("on_delete"));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      key.columns.add(row.getString("column_name"));
      if (row.getString("ref_column") != null) {
        key.refColumns.add(row.getString("ref_column"));
      }
    });
    for (Key key : keys.values()) {
      ModelBuilder.TableParts parts = model.table(schema, key.table);
      switch (key.type) {
        case "PRIMARY KEY" -> {
          MySqlIndex index = indexes.remove(key.table + "\u0000PRIMARY");
          parts.primaryKey = new PrimaryKey(key.name, index == null ? key.columns : index.columns, Map.of());
        }
        case "UNIQUE" -> {
          MySqlIndex index = indexes.remove(key.table + "\u0000" + key.name);
          parts.constraints.add(index == null ? new UniqueConstraint(key.name, key.columns, Map.of())
              : new UniqueConstraint(key.name, index.columns, index.properties(true)));
        }
        default -> parts.constraints.add(new ForeignKey(key.name, key.columns,
            (schema.equals(key.refSchema) ? "" : key.refSchema + ".") + key.refTable, key.refColumns,
            lower(key.onUpdate), lower(key.onDelete), Map.of()));
      }
    }
    Sql.query(connection, mariadb ? MARIADB_CHECKS : MYSQL_CHECKS, schema, row -> model.table(schema,
        row.getString("table_name")).constraints.add(new CheckConstraint(row.getString("name"),
            row.getString("clause"))));
    indexes.values().forEach(index -> model.table(schema, index.table).indexes.add(new Index(index.name,
        index.columns, index.unique, index.method, null, index.properties(false))));
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /** A key constraint while its column rows are collected. */
  private static final class Key {
    final String table;
    final String name;
    final String type;
    final String refSchema;
    final String refTable;
    final String onUpdate;
    final String onDelete;
    final List<String> columns = new ArrayList<>();
    final List<String> refColumns = new ArrayList<>();

    Key(String table, String name, String type, String refSchema, String refTable, String onUpdate, String onDelete) {
      this.table = table;
      this.name = name;
      this.type = type;
      this.refSchema = refSchema;
      this.refTable = refTable;
      this.onUpdate = onUpdate;
      this.onDelete = onDelete;
    }
  }
}
