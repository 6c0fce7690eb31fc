package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/** PostgreSQL views, free-standing sequences, enum types, functions and procedures, triggers. */
final class PgObjects {

  private static final String VIEWS = """
      SELECT n.nspname AS schema_name, c.relname AS name, c.relkind = 'm' AS materialized,
             pg_get_viewdef(c.oid, true) AS definition
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)
      """;

  /** Sequences not owned by a serial ('a') or identity ('i') column: those show on their column. */
  private static final String SEQUENCES = """
      SELECT n.nspname AS schema_name, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
             s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS minimum, s.seqmax AS maximum,
             s.seqcycle AS cycle
      FROM pg_sequence s
      JOIN pg_class c ON c.oid = s.seqrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
      """;

  private static final String ENUMS = """
      SELECT n.nspname AS schema_name, t.typname AS name,
             ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND n.nspname = ANY (?)
      """;

  /** Functions and procedures, leaving out those an extension installed. */
  private static final String ROUTINES = """
      SELECT n.nspname AS schema_name, p.prokind AS kind,
             p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS signature,
             pg_get_function_result(p.oid) AS returns, l.lanname AS language, p.prosrc AS body
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_language l ON l.oid = p.prolang
      WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      """;

  private static final String TRIGGERS = """
      SELECT n.nspname AS schema_name, c.relname AS table_name, t.tgname AS name,
             pg_get_triggerdef(t.oid, true) AS definition
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
      """;

  /** {@code CREATE [CONSTRAINT] TRIGGER name }: the name is compared as the key, not twice. */
  private static final Pattern TRIGGER_PREFIX = Pattern.compile("^CREATE (CONSTRAINT )?TRIGGER (\"(?:[^\"]|\"\")+\"|\\S+) ");

  private PgObjects() {
  }

  static void read(Connection connection, List<String> schemas, ModelBuilder model) throws SQLException {
    Sql.query(connection, VIEWS, schemas, row -> model.schema(row.getString("schema_name")).views.add(
        new View(row.getString("name"), row.getBoolean("materialized"), row.getString("definition"))));
    Sql.query(connection, SEQUENCES, schemas, row -> model.schema(row.getString("schema_name")).sequences.add(
        new Sequence(row.getString("name"), row.getString("type"), row.getLong("start"), row.getLong("increment"),
            row.getLong("minimum"), row.getLong("maximum"), row.getBoolean("cycle"))));
    Sql.query(connection, ENUMS, schemas, row -> model.schema(row.getString("schema_name")).enums.add(
        new EnumType(row.getString("name"), Sql.strings(row, "labels"))));
    Sql.query(connection, ROUTINES, schemas, row -> model.schema(row.getString("schema_name")).routines.add(
        new Routine("p".equals(row.getString("kind")) ? "procedure" : "function", row.getString("signature"),
            row.getString("returns"), row.getString("language"), row.getString("body"))));
    Sql.query(connection, TRIGGERS, schemas, row -> {
      String schema = row.getString("schema_name");
      String definition = TRIGGER_PREFIX.matcher(row.getString("definition")).replaceFirst("")
          .replace(" ON " + schema + ".", " ON ");
      model.table(schema, row.getString("table_name")).triggers.add(new Trigger(row.getString("name"), definition));
    });
  }
}
