package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** MySQL/MariaDB tables with their options and partitions, and their columns. */
final class MySqlTables {

  private static final String TABLES = """
      SELECT TABLE_NAME AS table_name, ENGINE AS engine, TABLE_COLLATION AS collation, ROW_FORMAT AS row_format,
             CREATE_OPTIONS AS options, TABLE_TYPE = 'SYSTEM VERSIONED' AS versioned
      FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
      ORDER BY TABLE_NAME
      """;

  private static final String PARTITIONS = """
      SELECT TABLE_NAME AS table_name, PARTITION_NAME AS name, PARTITION_METHOD AS method,
             PARTITION_EXPRESSION AS expression, PARTITION_DESCRIPTION AS description,
             SUBPARTITION_METHOD AS sub_method, SUBPARTITION_EXPRESSION AS sub_expression
      FROM information_schema.PARTITIONS
      WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL AND (SUBPARTITION_ORDINAL_POSITION IS NULL
        OR SUBPARTITION_ORDINAL_POSITION = 1)
      ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION
      """;

  private static final String COLUMNS = """
      SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.COLUMN_TYPE AS type,
             c.IS_NULLABLE AS nullable, c.COLUMN_DEFAULT AS default_value, c.EXTRA AS extra,
             c.GENERATION_EXPRESSION AS generation, c.COLLATION_NAME AS collation, t.TABLE_COLLATION AS table_collation
      FROM information_schema.COLUMNS c
      JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
      WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
      ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
      """;

  /**
   * The display width of integer types ({@code int(11)}) changes nothing a column holds, and MySQL 8.0.19+
   * no longer prints it; {@code tinyint(1)} is kept, since it is how BOOLEAN is spelled there.
   */
  private static final Pattern DISPLAY_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\((\\d+)\\)");

  /** Options that say nothing about the table's behaviour, or that other columns already show. */
  private static final Pattern IGNORED_OPTIONS = Pattern.compile("(?i)^(row_format=.*|partitioned)$");

  private MySqlTables() {
  }

  static void read(Connection connection, String schema, ModelBuilder model) throws SQLException {
    Sql.query(connection, TABLES, schema, row -> {
      ModelBuilder.TableParts parts = model.table(schema, row.getString("table_name"));
      parts.properties.put("engine", row.getString("engine"));
      parts.properties.put("collation", row.getString("collation"));
      parts.properties.put("row format", row.getString("row_format"));
      parts.properties.put("options", options(row.getString("options")));
      parts.properties.put("partitioned by", null);
      // MariaDB's WITH SYSTEM VERSIONING: an UPDATE or DELETE keeps the old row as history, which
      // FOR SYSTEM_TIME queries read, and DELETE HISTORY needs its own privilege.
      parts.properties.put("system versioning", row.getBoolean("versioned") ? "on" : "off");
    });
    Map<String, String> partitioning = new HashMap<>();
    Sql.query(connection, PARTITIONS, schema, row -> {
      String table = row.getString("table_name");
      ModelBuilder.TableParts parts = model.table(schema, table);
      partitioning.putIfAbsent(table, row.getString("method") + " (" + row.getString("expression") + ")");
      String description = row.getString("description");
      String bound = description == null ? null : row.getString("method").startsWith("RANGE")
          ? "VALUES LESS THAN (" + description + ")" : "VALUES IN (" + description + ")";
      String sub = row.getString("sub_method") == null ? null
          : row.getString("sub_method") + " (" + row.getString("sub_expression") + ")";
      parts.partitions.add(new Partition(row.getString("name"), bound, sub));
    });
    partitioning.forEach((table, by) -> model.table(schema, table).properties.put("partitioned by", by));
    Sql.query(connection, COLUMNS, schema, row -> {
      ModelBuilder.TableParts parts = model.table(schema, row.getString("table_name"));
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
      defaultValue = Defaults.mysql(defaultValue);
      if (extra.contains("on update")) {
        String onUpdate = Defaults.mysql(extra.substring(extra.indexOf("on update")));
        defaultValue = (defaultValue == null ? "" : defaultValue + " ") + onUpdate;
      }
      String collation = row.getString("collation");
      if (collation != null && collation.equals(row.getString("table_collation"))) {
        collation = null;
      }
      parts.columns.add(new Column(row.getString("column_name"), type(row.getString("type")),
          "YES".equals(row.getString("nullable")), defaultValue, identity, collation, null,
          invisible(extra) ? "invisible" : "visible"));
    });
  }

  /**
   * An {@code INVISIBLE} column (MariaDB 10.3+, MySQL 8.0.23+) is left out of {@code SELECT *} and of an
   * {@code INSERT} without a column list, so the same statement reads or writes other columns.
   */
  private static boolean invisible(String extra) {
    return java.util.Arrays.asList(extra.split("\\s+")).contains("invisible");
  }

  private static String type(String type) {
    var width = DISPLAY_WIDTH.matcher(type);
    if (width.find() && !("tinyint".equals(width.group(1)) && "1".equals(width.group(2)))) {
      return width.group(1) + type.substring(width.end());
    }
    return type;
  }

  private static String options(String options) {
    if (options == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder();
    for (String option : options.trim().split("\\s+")) {
      if (!option.isEmpty() && !IGNORED_OPTIONS.matcher(option).matches()) {
        kept.append(kept.length() == 0 ? "" : " ").append(option.toLowerCase(Locale.ROOT));
      }
    }
    return kept.length() == 0 ? null : kept.toString();
  }
}
