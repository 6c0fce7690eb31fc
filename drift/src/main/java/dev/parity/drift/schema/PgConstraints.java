package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL constraints (primary, unique, check, exclusion, foreign) and the indexes that back none
 * of them, each with its whole definition: included columns, operator classes, collations, order,
 * {@code NULLS NOT DISTINCT}, storage options, deferrability, match type.
 */
final class PgConstraints {

  /** {@code indnullsnotdistinct} exists from PostgreSQL 15 on; read through JSON, it is null before. */
  private static final String CONSTRAINTS = """
      SELECT n.nspname AS schema_name, t.relname AS table_name, con.conname AS name, con.contype AS type,
             pg_get_constraintdef(con.oid, true) AS definition,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
             rn.nspname AS ref_schema, rt.relname AS ref_table,
             ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
             con.confupdtype AS on_update, con.confdeltype AS on_delete, con.confmatchtype AS match_type,
             con.condeferrable AS deferrable, con.condeferred AS deferred,
             ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM pg_index x,
                          generate_series(x.indnkeyatts + 1, x.indnatts) k
                   WHERE x.indexrelid = con.conindid AND con.contype IN ('p', 'u') ORDER BY k) AS include,
             (SELECT to_jsonb(x) ->> 'indnullsnotdistinct' FROM pg_index x
              WHERE x.indexrelid = con.conindid AND con.contype = 'u') AS nulls_not_distinct
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      LEFT JOIN pg_class rt ON rt.oid = con.confrelid
      LEFT JOIN pg_namespace rn ON rn.oid = rt.relnamespace
      WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND t.relkind IN ('r', 'p') AND NOT t.relispartition
        AND con.conparentid = 0 AND n.nspname = ANY (?)
      """;

  private static final String INDEXES = """
      SELECT n.nspname AS schema_name, t.relname AS table_name, i.relname AS name, ix.indisunique AS is_unique,
             am.amname AS method, pg_get_expr(ix.indpred, ix.indrelid, true) AS predicate,
             pg_get_indexdef(ix.indexrelid, 0, true) AS definition,
             ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true)
                   FROM generate_series(ix.indnkeyatts + 1, ix.indnatts) k ORDER BY k) AS include,
             to_jsonb(ix) ->> 'indnullsnotdistinct' AS nulls_not_distinct,
             array_to_string(i.reloptions, ', ') AS storage
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_am am ON am.oid = i.relam
      WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition AND n.nspname = ANY (?)
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
      String deferrable = row.getBoolean("deferrable")
          ? row.getBoolean("deferred") ? "deferrable initially deferred" : "deferrable initially immediate"
          : "not deferrable";
      String include = Attributes.listOrNone(Sql.strings(row, "include"));
      switch (row.getString("type")) {
        case "p" -> parts.primaryKey = new PrimaryKey(name, columns,
            Attributes.of("include", include, "deferrable", deferrable));
        case "u" -> parts.constraints.add(new UniqueConstraint(name, columns, Attributes.of("include", include,
            "nulls", nulls(row.getString("nulls_not_distinct")), "deferrable", deferrable)));
        case "c" -> parts.constraints.add(new CheckConstraint(name, row.getString("definition")));
        case "x" -> parts.constraints.add(new ExclusionConstraint(name, row.getString("definition")));
        default -> {
          String refSchema = row.getString("ref_schema");
          String refTable = (refSchema.equals(schema) ? "" : refSchema + ".") + row.getString("ref_table");
          parts.constraints.add(new ForeignKey(name, columns, refTable, Sql.strings(row, "ref_columns"),
              action(row.getString("on_update")), action(row.getString("on_delete")),
              Attributes.of("match", switch (row.getString("match_type")) {
                case "f" -> "full";
                case "p" -> "partial";
                default -> "simple";
              },
                  "deferrable", deferrable)));
        }
      }
    });
    Sql.query(connection, INDEXES, schemas, row -> {
      String method = row.getString("method");
      Map<String, String> properties = Attributes.of("include", Attributes.listOrNone(Sql.strings(row, "include")),
          // Only the non-default is named, so that making an index unique is one difference, not two.
          "nulls", "true".equals(row.getString("nulls_not_distinct")) ? "not distinct" : null,
          "storage", emptyAsNull(row.getString("storage")));
      model.table(row.getString("schema_name"), row.getString("table_name")).indexes.add(new Index(
          row.getString("name"), IndexColumns.of(row.getString("definition"), method), row.getBoolean("is_unique"),
          method, row.getString("predicate"), properties));
    });
  }

  /** Whether NULLs count as distinct in a unique index; always so before PostgreSQL 15. */
  private static String nulls(String notDistinct) {
    return "true".equals(notDistinct) ? "not distinct" : "distinct";
  }

  private static String emptyAsNull(String text) {
    return text == null || text.isEmpty() ? null : text;
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
