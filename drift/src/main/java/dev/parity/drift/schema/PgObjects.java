package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PostgreSQL views, free-standing sequences, enum types, functions and procedures with their attributes,
 * triggers, row-level security policies, extensions.
 */
final class PgObjects {

  private static final String VIEWS = """
      SELECT n.nspname AS schema_name, c.relname AS name, c.relkind = 'm' AS materialized,
             pg_get_viewdef(c.oid, true) AS definition, c.reloptions AS options, c.relispopulated AS populated
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)
      """;

  /** Sequences not owned by a serial ('a') or identity ('i') column: those show on their column. */
  private static final String SEQUENCES = """
      SELECT n.nspname AS schema_name, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
             s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS minimum, s.seqmax AS maximum,
             s.seqcycle AS cycle, s.seqcache AS cache
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
             pg_get_function_result(p.oid) AS returns, l.lanname AS language, p.prosrc AS body,
             p.provolatile AS volatility, p.proisstrict AS strict, p.prosecdef AS definer,
             p.proleakproof AS leakproof, p.proparallel AS parallel,
             array_to_string(p.proconfig, ', ') AS settings
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_language l ON l.oid = p.prolang
      WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      """;

  private static final String TRIGGERS = """
      SELECT n.nspname AS schema_name, c.relname AS table_name, c.relkind = 'v' AS on_view, t.tgname AS name,
             pg_get_triggerdef(t.oid, true) AS definition, t.tgenabled AS state
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p', 'v') AND n.nspname = ANY (?)
      """;

  /** Extensions are objects of the database, whatever schemas are compared. */
  private static final String EXTENSIONS = """
      SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema_name
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      """;

  private static final String POLICIES = """
      SELECT n.nspname AS schema_name, c.relname AS table_name, p.polname AS name, p.polpermissive AS permissive,
             p.polcmd AS command,
             array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END
                                   FROM unnest(p.polroles) r ORDER BY 1), ', ') AS roles,
             pg_get_expr(p.polqual, p.polrelid, true) AS using_expression,
             pg_get_expr(p.polwithcheck, p.polrelid, true) AS check_expression
      FROM pg_policy p
      JOIN pg_class c ON c.oid = p.polrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
      """;

  /** {@code CREATE [CONSTRAINT] TRIGGER name }: the name is compared as the key, not twice. */
  private static final Pattern TRIGGER_PREFIX = Pattern.compile("^CREATE (CONSTRAINT )?TRIGGER (\"(?:[^\"]|\"\")+\"|\\S+) ");

  private PgObjects() {
  }

  /** What changes how a function behaves, besides its body, in the words of {@code CREATE FUNCTION}. */
  private static Map<String, String> routineProperties(ResultSet row) throws SQLException {
    String volatility = switch (row.getString("volatility")) {
      case "i" -> "immutable";
      case "s" -> "stable";
      default -> "volatile";
    };
    String parallel = switch (row.getString("parallel")) {
      case "s" -> "safe";
      case "r" -> "restricted";
      default -> "unsafe";
    };
    String settings = row.getString("settings");
    return Attributes.of("volatility", volatility,
        "null input", row.getBoolean("strict") ? "returns null on null input (strict)" : "called on null input",
        "security", row.getBoolean("definer") ? "definer" : "invoker",
        "leakproof", row.getBoolean("leakproof") ? "leakproof" : "not leakproof",
        "parallel", parallel,
        "settings", settings == null || settings.isEmpty() ? null : settings);
  }

  /**
   * A view's {@code WITH (…)} options as they change its queries: {@code check_option} (inserts and updates through
   * it), {@code security_barrier} (predicate push-down past its conditions) and {@code security_invoker} (whose
   * privileges and row-level security apply, PostgreSQL 15+); a materialized view's storage parameters and whether
   * it holds data ({@code WITH NO DATA} makes every query fail until it is refreshed).
   */
  static Map<String, String> viewOptions(boolean materialized, List<String> options, boolean populated) {
    Map<String, String> byName = new java.util.TreeMap<>();
    for (String option : options) {
      int eq = option.indexOf('=');
      byName.put(eq < 0 ? option : option.substring(0, eq), eq < 0 ? "true" : option.substring(eq + 1));
    }
    if (materialized) {
      return Attributes.of("populated", populated ? "yes" : "no (WITH NO DATA)",
          "storage", byName.isEmpty() ? null : String.join(", ", byName.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    return Attributes.of("check option", byName.get("check_option"),
        "security barrier", onOff(byName.get("security_barrier")),
        "security invoker", onOff(byName.get("security_invoker")));
  }

  /** A boolean reloption as PostgreSQL parses it ({@code true}, {@code on}, {@code yes}, {@code 1}, prefixes). */
  private static String onOff(String value) {
    if (value == null) {
      return "off";
    }
    String v = value.toLowerCase(java.util.Locale.ROOT);
    boolean on = v.equals("1") || v.equals("on") || (!v.isEmpty() && ("true".startsWith(v) || "yes".startsWith(v)));
    return on ? "on" : "off";
  }

  /** {@code pg_trigger.tgenabled} (and {@code pg_rewrite.ev_enabled}) in the words of {@code ALTER TABLE}. */
  static String state(String code) {
    return switch (code) {
      case "D" -> "disabled";
      case "R" -> "enabled on replica only";
      case "A" -> "enabled always";
      default -> "enabled";
    };
  }

  private static String command(String code) {
    return switch (code) {
      case "r" -> "select";
      case "a" -> "insert";
      case "w" -> "update";
      case "d" -> "delete";
      default -> "all";
    };
  }

  static void read(Connection connection, List<String> schemas, ModelBuilder model) throws SQLException {
    Sql.query(connection, VIEWS, schemas, row -> model.schema(row.getString("schema_name")).views.add(
        new View(row.getString("name"), row.getBoolean("materialized"), row.getString("definition"),
            viewOptions(row.getBoolean("materialized"), Sql.strings(row, "options"), row.getBoolean("populated")))));
    Sql.query(connection, SEQUENCES, schemas, row -> model.schema(row.getString("schema_name")).sequences.add(
        new Sequence(row.getString("name"), row.getString("type"), row.getLong("start"), row.getLong("increment"),
            row.getLong("minimum"), row.getLong("maximum"), row.getBoolean("cycle"), row.getLong("cache"))));
    Sql.query(connection, ENUMS, schemas, row -> model.schema(row.getString("schema_name")).enums.add(
        new EnumType(row.getString("name"), Sql.strings(row, "labels"))));
    Sql.query(connection, ROUTINES, schemas, row -> model.schema(row.getString("schema_name")).routines.add(
        new Routine("p".equals(row.getString("kind")) ? "procedure" : "function", row.getString("signature"),
            row.getString("returns"), row.getString("language"), row.getString("body"), routineProperties(row))));
    Sql.query(connection, EXTENSIONS, null, row -> model.extensions.add(new Extension(row.getString("name"),
        row.getString("version"), row.getString("schema_name"))));
    Sql.query(connection, POLICIES, schemas, row -> model.table(row.getString("schema_name"),
        row.getString("table_name")).policies.add(new Policy(row.getString("name"),
            row.getBoolean("permissive") ? "permissive" : "restrictive", command(row.getString("command")),
            "(" + row.getString("roles") + ")", row.getString("using_expression"),
            row.getString("check_expression"))));
    PgTypesAndRules.read(connection, schemas, model);
    Sql.query(connection, TRIGGERS, schemas, row -> {
      String schema = row.getString("schema_name");
      String definition = TRIGGER_PREFIX.matcher(row.getString("definition")).replaceFirst("")
          .replace(" ON " + schema + ".", " ON ");
      Trigger trigger = new Trigger(row.getString("name"), definition, Attributes.of("state",
          state(row.getString("state"))));
      if (row.getBoolean("on_view")) {
        model.schema(schema).viewParts(row.getString("table_name")).add(trigger);
      } else {
        model.table(schema, row.getString("table_name")).triggers.add(trigger);
      }
    });
  }
}
