package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PostgreSQL tables and their columns, with serial columns told apart from plain defaults. */
final class PgTables {

  private static final String COLUMNS = """
      SELECT n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name,
             format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
             pg_get_expr(d.adbin, d.adrelid) AS default_value, a.attidentity AS identity, a.attgenerated AS generated
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
      ORDER BY n.nspname, c.relname, a.attnum
      """;

  /** Columns that own a sequence through {@code serial} (dependency type 'a'). */
  private static final String SERIALS = """
      SELECT n.nspname AS schema_name, t.relname AS table_name, a.attname AS column_name
      FROM pg_depend d
      JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
        AND n.nspname = ANY (?)
      """;

  private PgTables() {
  }

  static void read(Connection connection, List<String> schemas, ModelBuilder model) throws SQLException {
    Set<String> serials = new HashSet<>();
    Sql.query(connection, SERIALS, schemas, row -> serials.add(row.getString("schema_name") + "."
        + row.getString("table_name") + "." + row.getString("column_name")));
    Sql.query(connection, COLUMNS, schemas, row -> {
      String schema = row.getString("schema_name");
      String table = row.getString("table_name");
      ModelBuilder.TableParts parts = model.table(schema, table);
      String name = row.getString("column_name");
      if (name == null) {
        return; // a table without columns
      }
      String defaultValue = row.getString("default_value");
      String identity = switch (row.getString("identity")) {
        case "a" -> "always";
        case "d" -> "by default";
        default -> null;
      };
      if ("s".equals(row.getString("generated"))) {
        identity = "generated " + defaultValue;
        defaultValue = null;
      } else if (serials.contains(schema + "." + table + "." + name) && defaultValue != null
          && defaultValue.startsWith("nextval(")) {
        identity = "serial";
        defaultValue = null;
      }
      parts.columns.add(new Column(name, row.getString("type"), !row.getBoolean("not_null"), defaultValue, identity));
    });
  }
}
