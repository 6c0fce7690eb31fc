package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL rules (on tables and views), domains with their constraints, standalone composite types, collations,
 * aggregates and event triggers: objects matched by name whose every attribute changes what a statement does.
 */
final class PgTypesAndRules {

  /** Rules other than the {@code _RETURN} rule that makes a view a view. */
  private static final String RULES = """
      SELECT n.nspname AS schema_name, c.relname AS table_name, c.relkind IN ('v', 'm') AS on_view,
             r.rulename AS name, pg_get_ruledef(r.oid, true) AS definition, r.ev_enabled AS state
      FROM pg_rewrite r
      JOIN pg_class c ON c.oid = r.ev_class
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE r.rulename <> '_RETURN' AND c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY (?)
      """;

  private static final String DOMAINS = """
      SELECT n.nspname AS schema_name, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type,
             t.typnotnull AS not_null, t.typdefault AS default_value,
             CASE WHEN t.typcollation <> b.typcollation THEN co.collname END AS collation,
             array_to_string(ARRAY(SELECT pg_get_constraintdef(k.oid, true) FROM pg_constraint k
                                   WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY 1), ', ') AS checks
      FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace
      JOIN pg_type b ON b.oid = t.typbasetype
      LEFT JOIN pg_collation co ON co.oid = t.typcollation
      WHERE t.typtype = 'd' AND n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
      """;

  /** Types made by {@code CREATE TYPE … AS (…)}, not the row types every table has. */
  private static final String COMPOSITES = """
      SELECT n.nspname AS schema_name, t.typname AS name,
             array_to_string(ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                   FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0
                                     AND NOT a.attisdropped ORDER BY a.attnum), ', ') AS fields
      FROM pg_type t
      JOIN pg_class c ON c.oid = t.typrelid
      JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'c' AND c.relkind = 'c' AND n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
      """;

  /**
   * Collations made by {@code CREATE COLLATION}. The locale columns were renamed across versions
   * ({@code colliculocale} in 15 and 16, {@code colllocale} from 17; {@code collicurules} from 16), so they are read
   * by name from the row as JSON, which holds whichever the server has.
   */
  private static final String COLLATIONS = """
      SELECT n.nspname AS schema_name, co.collname AS name, co.collprovider AS provider,
             COALESCE(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale') AS locale,
             co.collcollate AS lc_collate, co.collctype AS lc_ctype, to_jsonb(co) ->> 'collicurules' AS rules,
             co.collisdeterministic AS deterministic
      FROM pg_collation co
      JOIN pg_namespace n ON n.oid = co.collnamespace
      WHERE n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = co.oid AND d.deptype = 'e')
      """;

  /** Aggregates made by {@code CREATE AGGREGATE}, by name and argument types; the functions they are made of. */
  private static final String AGGREGATES = """
      SELECT n.nspname AS schema_name, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS signature,
             a.aggkind AS kind, a.aggtransfn::regprocedure::text AS transition,
             format_type(a.aggtranstype, NULL) AS state_type,
             CASE WHEN a.aggfinalfn <> 0 THEN a.aggfinalfn::regprocedure::text END AS final,
             a.agginitval AS initial,
             CASE WHEN a.aggcombinefn <> 0 THEN a.aggcombinefn::regprocedure::text END AS combine,
             CASE WHEN a.aggsortop <> 0 THEN a.aggsortop::regoperator::text END AS sort_operator
      FROM pg_aggregate a
      JOIN pg_proc p ON p.oid = a.aggfnoid
      JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      """;

  /** Event triggers belong to the whole database, whatever schemas are compared. */
  private static final String EVENT_TRIGGERS = """
      SELECT e.evtname AS name, e.evtevent AS event, e.evtenabled AS state, e.evtfoid::regprocedure::text AS function,
             array_to_string(e.evttags, ', ') AS tags
      FROM pg_event_trigger e
      WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = e.oid AND d.deptype = 'e')
      """;

  /** {@code CREATE RULE name AS }: the name is compared as the key, not twice. */
  private static final Pattern RULE_PREFIX = Pattern.compile("^CREATE RULE (\"(?:[^\"]|\"\")+\"|\\S+) AS ");

  private PgTypesAndRules() {
  }

  static void read(Connection connection, List<String> schemas, ModelBuilder model) throws SQLException {
    Sql.query(connection, RULES, schemas, row -> {
      String schema = row.getString("schema_name");
      String definition = RULE_PREFIX.matcher(row.getString("definition")).replaceFirst("")
          .replace(" TO " + schema + ".", " TO ").replaceAll(";$", "");
      NamedObject rule = new NamedObject("rule", row.getString("name"), Attributes.of("definition",
          Attributes.flat(definition), "state", PgObjects.state(row.getString("state"))));
      if (row.getBoolean("on_view")) {
        model.schema(schema).viewParts(row.getString("table_name")).add(rule);
      } else {
        model.table(schema, row.getString("table_name")).rules.add(rule);
      }
    });
    Sql.query(connection, DOMAINS, schemas, row -> model.schema(row.getString("schema_name")).others.add(
        new NamedObject("domain", row.getString("name"), Attributes.of("type", row.getString("type"),
            "nullability", row.getBoolean("not_null") ? "not null" : "null",
            "default", row.getString("default_value"), "collation", row.getString("collation"),
            "checks", emptyAsNull(row.getString("checks"))))));
    Sql.query(connection, COMPOSITES, schemas, row -> model.schema(row.getString("schema_name")).others.add(
        new NamedObject("composite type", row.getString("name"),
            Attributes.of("fields", "(" + row.getString("fields") + ")"))));
    Sql.query(connection, COLLATIONS, schemas, row -> model.schema(row.getString("schema_name")).others.add(
        new NamedObject("collation", row.getString("name"), collation(row.getString("provider"),
            row.getString("locale"), row.getString("lc_collate"), row.getString("lc_ctype"), row.getString("rules"),
            row.getBoolean("deterministic")))));
    // What an aggregate returns: the function folding each row into its state, the state's type and first value
    // (INITCOND: without one, sum-like aggregates return NULL over no rows), the final and combining functions.
    Sql.query(connection, AGGREGATES, schemas, row -> model.schema(row.getString("schema_name")).others.add(
        new NamedObject("aggregate", row.getString("signature"), Attributes.of("kind", switch (row.getString("kind")) {
          case "o" -> "ordered-set";
          case "h" -> "hypothetical-set";
          default -> "normal";
        }, "transition function", row.getString("transition"), "state type", row.getString("state_type"),
            "initial value", row.getString("initial"), "final function", row.getString("final"),
            "combine function", row.getString("combine"), "sort operator", row.getString("sort_operator")))));
    Sql.query(connection, EVENT_TRIGGERS, null, row -> model.databaseObjects.add(new NamedObject("event trigger",
        row.getString("name"), Attributes.of("event", row.getString("event"),
            "tags", emptyAsNull(row.getString("tags")), "function", row.getString("function"),
            "state", PgObjects.state(row.getString("state"))))));
  }

  /**
   * What decides how a collation compares and sorts, in the words of {@code CREATE COLLATION}: its provider
   * ({@code libc}, {@code icu}, {@code builtin}), its locale ({@code LC_COLLATE}, with {@code LC_CTYPE} when that
   * differs, for libc), its ICU tailoring {@code RULES}, and whether it is deterministic: a nondeterministic one makes
   * strings that differ only in what it ignores ({@code 'a' = 'A'} with a case-insensitive locale) equal in
   * {@code =}, {@code DISTINCT}, {@code GROUP BY} and unique indexes.
   */
  static java.util.Map<String, String> collation(String provider, String locale, String collate, String ctype,
      String rules, boolean deterministic) {
    String shownLocale = locale != null ? locale
        : collate == null ? null : collate.equals(ctype) || ctype == null ? collate : collate + " (ctype " + ctype + ")";
    return Attributes.of("provider", switch (provider) {
      case "c" -> "libc";
      case "i" -> "icu";
      case "b" -> "builtin";
      default -> "default";
    }, "locale", shownLocale, "rules", emptyAsNull(rules),
        "deterministic", deterministic ? "yes" : "no");
  }

  private static String emptyAsNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
