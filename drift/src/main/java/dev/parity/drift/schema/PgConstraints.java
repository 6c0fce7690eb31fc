package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL constraints (primary, unique, check, foreign) and the indexes that back none of them. */
final class PgConstraints {

  private static final String CONSTRAINTS = """
      SELECT n.nspname AS schema_name, t.relname AS table_name, con.conname AS name, con.contype AS type,
             pg_get_constraintdef(con.oid, true) AS definition,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
             rn.nspname AS ref_schema, rt.relname AS ref_table,
             ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
             con.confupdtype AS on_update, con.confdeltype AS on_delete
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      LEFT JOIN pg_class rt ON rt.oid = con.confrelid
      LEFT JOIN pg_namespace rn ON rn.oid = rt.relnamespace
      WHERE con.contype IN ('p', 'u', 'c', 'f') AND t.relkind IN ('r', 'p') AND n.nspname = ANY (?)
      """;

  private static final String INDEXES = """
      SELECT n.nspname AS schema_name, t.relname AS table_name, i.relname AS name, ix.indisunique AS is_unique,
             am.amname AS method, pg_get_expr(ix.indpred, ix.indrelid, true) AS predicate,
             ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true)
                          || CASE WHEN ix.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                   FROM generate_series(1, ix.indnkeyatts) k ORDER BY k) AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_am am ON am.oid = i.relam
      WHERE t.relkind IN ('r', 'p') AND n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                        WHERE c.conindid = ix.indexrelid AND c.conrelid = ix.indrelid AND c.contype IN ('p', 'u', 'x'))
      """;

  private PgConstraints() {
  }

  static void read(Connection connection, List<String> schemas, ModelBuilder model) throws SQLException {
    Sql.query(connection, CONSTRAINTS, schemas, row -> {
      String schema = row.getString("schema_name");
      ModelBuilder.TableParts parts = model.table(schema, row.getString("table_name"));
      String name = row.getString("name");
      List<String> columns = Sql.strings(row, "columns");
      switch (row.getString("type")) {
        case "p" -> parts.primaryKey = new PrimaryKey(name, columns);
        case "u" -> parts.uniques.add(new UniqueConstraint(name, columns));
        case "c" -> parts.checks.add(new CheckConstraint(name, row.getString("definition")));
        default -> {
          String refSchema = row.getString("ref_schema");
          String refTable = (refSchema.equals(schema) ? "" : refSchema + ".") + row.getString("ref_table");
          parts.foreignKeys.add(new ForeignKey(name, columns, refTable, Sql.strings(row, "ref_columns"),
              action(row.getString("on_update")), action(row.getString("on_delete"))));
        }
      }
    });
    Sql.query(connection, INDEXES, schemas, row -> model.table(row.getString("schema_name"), row.getString("table_name"))
        .indexes.add(new Index(row.getString("name"), Sql.strings(row, "columns"), row.getBoolean("is_unique"),
            row.getString("method"), row.getString("predicate"))));
  }

  private static String action(String code) {
    return switch (code) {
      case "r" -> "restrict";
      case "c" -> "cascade";
      case "n" -> "set null";
      case "d" -> "set default";
      default -> "no action";
    };
  }
}
