package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL tables with their table-level properties and partitions, and their columns, with
 * serial columns told apart from plain defaults.
 */
final class PgTables {

  private static final String TABLES = """
      SELECT n.nspname AS schema_name, c.relname AS table_name, pg_get_partkeydef(c.oid) AS partitioned_by,
             c.relrowsecurity AS rls, c.relforcerowsecurity AS rls_forced, c.relpersistence AS persistence,
             array_to_string(c.reloptions, ', ') AS storage, am.amname AS access_method,
             c.relreplident AS replica_identity,
             (SELECT '(' || string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) || ')'
              FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisreplident) AS replica_index,
             (SELECT string_agg(CASE WHEN pc.relnamespace = c.relnamespace THEN quote_ident(pc.relname)
                                     ELSE quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) END,
                                ', ' ORDER BY h.inhseqno)
              FROM pg_inherits h JOIN pg_class pc ON pc.oid = h.inhparent
              JOIN pg_namespace pn ON pn.oid = pc.relnamespace
              WHERE h.inhrelid = c.oid AND pc.relkind = 'r') AS inherits
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_am am ON am.oid = c.relam
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
      ORDER BY n.nspname, c.relname
      """;

  /** Partitions, under the partitioned table they belong to (its root, for partitions of partitions). */
  private static final String PARTITIONS = """
      WITH RECURSIVE tree AS (
        SELECT i.inhrelid AS oid, i.inhparent AS root FROM pg_inherits i
        JOIN pg_class p ON p.oid = i.inhparent WHERE p.relkind = 'p' AND NOT p.relispartition
        UNION ALL
        SELECT i.inhrelid, tree.root FROM pg_inherits i JOIN tree ON i.inhparent = tree.oid)
      SELECT n.nspname AS schema_name, r.relname AS table_name, c.relname AS name,
             pg_get_expr(c.relpartbound, c.oid) AS bound,
             CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partitioned_by
      FROM tree
      JOIN pg_class c ON c.oid = tree.oid
      JOIN pg_class r ON r.oid = tree.root
      JOIN pg_namespace n ON n.oid = r.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
      """;

  private static final String COLUMNS = """
      SELECT n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name,
             format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
             pg_get_expr(d.adbin, d.adrelid) AS default_value, a.attidentity AS identity, a.attgenerated AS generated,
             CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN co.collname END AS collation
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_type ty ON ty.oid = a.atttypid
      LEFT JOIN pg_collation co ON co.oid = a.attcollation
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
      ORDER BY n.nspname, c.relname, a.attnum
      """;

  /**
   * Columns that own a sequence through {@code serial} (dependency type 'a') or identity ('i'), with that
   * sequence's options.
   */
  private static final String SERIALS = """
      SELECT n.nspname AS schema_name, t.relname AS table_name, a.attname AS column_name, d.deptype AS how,
             format_type(q.seqtypid, NULL) AS type, q.seqstart AS start, q.seqincrement AS increment, q.seqmin AS minimum, q.seqmax AS maximum,
             q.seqcycle AS cycle, q.seqcache AS cache
      FROM pg_depend d
      JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      JOIN pg_sequence q ON q.seqrelid = s.oid
      JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        AND n.nspname = ANY (?)
      """;

  private PgTables() {
  }

  /**
   * The options of a column's sequence that differ from the defaults {@code CREATE SEQUENCE} documents for its
   * type: an ascending sequence starts at its minimum 1 and ends at the type's maximum, a descending one starts at
   * its maximum -1 and ends at the type's minimum; neither cycles; each caches 1 value. {@code null} when all are the
   * defaults.
   */
  static String sequenceOptions(String type, long start, long increment, long minimum, long maximum, boolean cycle,
      long cache) {
    long typeMax = switch (type) {
      case "smallint" -> Short.MAX_VALUE;
      case "integer" -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    long typeMin = -typeMax - 1;
    long defaultMin = increment > 0 ? 1 : typeMin;
    long defaultMax = increment > 0 ? typeMax : -1;
    List<String> parts = new java.util.ArrayList<>();
    if (start != (increment > 0 ? minimum : maximum)) {
      parts.add("start " + start);
    }
    if (increment != 1) {
      parts.add("increment " + increment);
    }
    if (minimum != defaultMin) {
      parts.add("minimum " + minimum);
    }
    if (maximum != defaultMax) {
      parts.add("maximum " + maximum);
    }
    if (cycle) {
      parts.add("cycle");
    }
    if (cache != 1) {
      parts.add("cache " + cache);
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /**
   * {@code pg_class.relreplident} in the words of {@code ALTER TABLE … REPLICA IDENTITY}: what an {@code UPDATE} or
   * {@code DELETE} writes to the WAL for logical decoding, and whether it is allowed at all on a table whose
   * publication publishes updates or deletes ({@code NOTHING}, or {@code DEFAULT} without a primary key, makes it
   * fail with "cannot update table … because it does not have a replica identity"). An index is shown by its
   * columns, since index names may be generated.
   */
  static String replicaIdentity(String code, String indexColumns) {
    return switch (code) {
      case "n" -> "nothing";
      case "f" -> "full";
      case "i" -> "using index " + indexColumns;
      default -> "default";
    };
  }

  static void read(Connection connection, List<String> schemas, ModelBuilder model) throws SQLException {
    Sql.query(connection, TABLES, schemas, row -> {
      ModelBuilder.TableParts parts = model.table(row.getString("schema_name"), row.getString("table_name"));
      parts.properties.put("partitioned by", row.getString("partitioned_by"));
      parts.properties.put("row level security", (row.getBoolean("rls") ? "enabled" : "disabled")
          + (row.getBoolean("rls_forced") ? ", forced" : ""));
      parts.properties.put("persistence", "u".equals(row.getString("persistence")) ? "unlogged" : "logged");
      String storage = row.getString("storage");
      parts.properties.put("storage", storage == null || storage.isEmpty() ? null : storage);
      String accessMethod = row.getString("access_method");
      parts.properties.put("access method", accessMethod == null || "heap".equals(accessMethod) ? null : accessMethod);
      parts.properties.put("replica identity", replicaIdentity(row.getString("replica_identity"),
          row.getString("replica_index")));
      String inherits = row.getString("inherits");
      parts.properties.put("inherits", inherits == null ? null : "(" + inherits + ")");
    });
    Sql.query(connection, PARTITIONS, schemas, row -> model.table(row.getString("schema_name"),
        row.getString("table_name")).partitions.add(new Partition(row.getString("name"), row.getString("bound"),
            row.getString("partitioned_by"))));
    Set<String> serials = new HashSet<>();
    Map<String, String> sequences = new HashMap<>();
    Sql.query(connection, SERIALS, schemas, row -> {
      String column = row.getString("schema_name") + "." + row.getString("table_name") + "."
          + row.getString("column_name");
      if ("a".equals(row.getString("how"))) {
        serials.add(column);
      }
      String options = sequenceOptions(row.getString("type"), row.getLong("start"), row.getLong("increment"),
          row.getLong("minimum"), row.getLong("maximum"), row.getBoolean("cycle"), row.getLong("cache"));
      if (options != null) {
        sequences.put(column, options);
      }
    });
    Sql.query(connection, COLUMNS, schemas, row -> {
      String schema = row.getString("schema_name");
      String table = row.getString("table_name");
      ModelBuilder.TableParts parts = model.table(schema, table);
      String name = row.getString("column_name");
      String defaultValue = Defaults.postgres(row.getString("default_value"));
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
      parts.columns.add(new Column(name, row.getString("type"), !row.getBoolean("not_null"), defaultValue, identity,
          row.getString("collation"), sequences.get(schema + "." + table + "." + name)));
    });
  }
}
