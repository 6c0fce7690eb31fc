package dev.parity.drift.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 22, class 1: changes on a real MariaDB that alter what a statement does without touching a table's columns
 * (a view's CHECK OPTION, SQL SECURITY and ALGORITHM, the order triggers fire in, events and their state, system
 * versioning, invisible columns, the sql_mode routines, triggers and events run with, sequences). Each was reported
 * as "No drift." before; each case asserts the exact report lines.
 */
class MariaDbBehaviourIT {

  static final String[] BASE = {
      "CREATE TABLE docs (id int NOT NULL PRIMARY KEY, owner varchar(50) NOT NULL, hits int NOT NULL DEFAULT 0)",
      "CREATE TABLE counters (name varchar(20) NOT NULL PRIMARY KEY, n int NOT NULL DEFAULT 0)",
      "CREATE VIEW big_docs AS SELECT id, owner, hits FROM docs WHERE hits > 10",
      "CREATE TRIGGER docs_count BEFORE INSERT ON docs FOR EACH ROW UPDATE counters SET n = n + 1 WHERE name = 'docs'",
      "CREATE TRIGGER docs_clamp BEFORE INSERT ON docs FOR EACH ROW SET NEW.hits = GREATEST(NEW.hits, 0)",
      "CREATE EVENT purge_counters ON SCHEDULE EVERY 1 DAY DO UPDATE counters SET n = 0",
      "CREATE FUNCTION ratio(a int, b int) RETURNS int DETERMINISTIC RETURN a / b",
      "CREATE SEQUENCE ticket_no START WITH 1000"};

  /**
   * The stand-in's default sql_mode, which every routine, trigger and event of {@link #BASE} is created under (less
   * the IGNORE_SPACE that the JDBC driver adds to it, which is not compared).
   */
  static final String MODE = "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION";

  static Databases databases;
  static SchemaModel base;

  @BeforeAll
  static void start() {
    databases = Databases.mariadb();
    base = read();
  }

  @AfterAll
  static void stop() {
    Databases.stop(databases);
  }

  static SchemaModel read(String... changes) {
    List<String> all = new ArrayList<>(List.of(BASE));
    all.addAll(List.of(changes));
    return databases.model(all.toArray(String[]::new));
  }

  @Test
  void the_same_schema_built_again_has_no_drift() {
    assertThat(MariaDbCorpusIT.drift(base, read())).isEmpty();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        drift("view WITH CASCADED CHECK OPTION", List.of("CREATE OR REPLACE VIEW big_docs AS"
                + " SELECT id, owner, hits FROM docs WHERE hits > 10 WITH CASCADED CHECK OPTION"),
            "view big_docs: check option none vs cascaded"),
        drift("view WITH LOCAL CHECK OPTION", List.of("CREATE OR REPLACE VIEW big_docs AS"
                + " SELECT id, owner, hits FROM docs WHERE hits > 10 WITH LOCAL CHECK OPTION"),
            "view big_docs: check option none vs local"),
        drift("view SQL SECURITY INVOKER", List.of("CREATE OR REPLACE SQL SECURITY INVOKER VIEW big_docs AS"
                + " SELECT id, owner, hits FROM docs WHERE hits > 10"),
            "view big_docs: security definer vs invoker"),
        drift("view ALGORITHM=TEMPTABLE", List.of("CREATE OR REPLACE ALGORITHM=TEMPTABLE VIEW big_docs AS"
                + " SELECT id, owner, hits FROM docs WHERE hits > 10"),
            // TEMPTABLE views are not updatable: inserts and updates through it fail.
            "view big_docs: algorithm undefined vs temptable"),
        drift("trigger order changed with PRECEDES", List.of("DROP TRIGGER docs_clamp",
                "CREATE TRIGGER docs_clamp BEFORE INSERT ON docs FOR EACH ROW PRECEDES docs_count"
                    + " SET NEW.hits = GREATEST(NEW.hits, 0)"),
            "table docs: trigger docs_clamp: order 2 vs 1",
            "table docs: trigger docs_count: order 1 vs 2"),
        drift("trigger dropped", List.of("DROP TRIGGER docs_count"),
            "table docs: trigger docs_count exists only in --from",
            "table docs: trigger docs_clamp: order 2 vs 1"),
        drift("event disabled", List.of("ALTER EVENT purge_counters DISABLE"),
            "event purge_counters: status enabled vs disabled"),
        drift("event schedule", List.of("ALTER EVENT purge_counters ON SCHEDULE EVERY 1 HOUR"),
            "event purge_counters: schedule EVERY 1 DAY vs EVERY 1 HOUR"),
        drift("event body", List.of("ALTER EVENT purge_counters DO DELETE FROM counters"),
            "event purge_counters: body UPDATE counters SET n = 0 vs DELETE FROM counters"),
        drift("event on completion preserve", List.of("ALTER EVENT purge_counters ON COMPLETION PRESERVE"),
            "event purge_counters: on completion not preserve vs preserve"));
  }

  static Stream<Arguments> tablesModesAndSequences() {
    return Stream.of(
        // Was not read at all: information_schema lists such a table as SYSTEM VERSIONED, not BASE TABLE.
        drift("table given system versioning", List.of("ALTER TABLE counters ADD SYSTEM VERSIONING"),
            "table counters: system versioning off vs on"),
        drift("system-versioned table added", List.of("CREATE TABLE docs_history (id int NOT NULL PRIMARY KEY)"
                + " WITH SYSTEM VERSIONING"),
            "table docs_history: table docs_history exists only in --to"),
        // SELECT * and INSERT INTO docs VALUES (…) then leave the column out.
        drift("column made invisible", List.of("ALTER TABLE docs MODIFY hits int NOT NULL DEFAULT 0 INVISIBLE"),
            "table docs: column hits: visibility visible vs invisible"),
        // Without STRICT_TRANS_TABLES the trigger's writes cut too-long values instead of failing.
        drift("trigger recreated under an empty sql_mode", List.of("SET SESSION sql_mode = ''",
                "DROP TRIGGER docs_count", "CREATE TRIGGER docs_count BEFORE INSERT ON docs FOR EACH ROW"
                    + " PRECEDES docs_clamp UPDATE counters SET n = n + 1 WHERE name = 'docs'"),
            "table docs: trigger docs_count: sql mode " + MODE + " vs none"),
        // Without ERROR_FOR_DIVISION_BY_ZERO, ratio(1, 0) gives NULL instead of failing an INSERT that uses it.
        drift("function recreated under another sql_mode", List.of(
                "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'", "DROP FUNCTION ratio",
                "CREATE FUNCTION ratio(a int, b int) RETURNS int DETERMINISTIC RETURN a / b"),
            "function ratio(int(11), int(11)): sql mode differs [" + MODE + " -> STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION]"),
        drift("event recreated under ANSI_QUOTES", List.of("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')",
                "DROP EVENT purge_counters",
                "CREATE EVENT purge_counters ON SCHEDULE EVERY 1 DAY DO UPDATE counters SET n = 0"),
            "event purge_counters: sql mode differs [" + MODE + " -> ANSI_QUOTES," + MODE + "]"),
        drift("sequence increment", List.of("ALTER SEQUENCE ticket_no INCREMENT BY 10"),
            "sequence ticket_no: increment 1 vs 10"),
        drift("sequence cycles", List.of("ALTER SEQUENCE ticket_no CYCLE"),
            "sequence ticket_no: cycle no cycle vs cycle"),
        drift("sequence cache", List.of("ALTER SEQUENCE ticket_no CACHE 1"),
            "sequence ticket_no: cache 1000 vs 1"),
        drift("sequence added", List.of("CREATE SEQUENCE `odd?name` START WITH 5"),
            "sequence odd?name: sequence odd?name exists only in --to"),
        drift("sequence values drawn are data, not drift", List.of("SELECT NEXTVAL(ticket_no)",
            "SELECT NEXTVAL(ticket_no)")));
  }

  static Arguments drift(String name, List<String> changes, String... expected) {
    return Arguments.of(name, changes, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"cases", "tablesModesAndSequences"})
  void exactly_the_drift_made_is_reported(String name, List<String> changes, List<String> expected) {
    assertThat(MariaDbCorpusIT.drift(base, read(changes.toArray(String[]::new))))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
