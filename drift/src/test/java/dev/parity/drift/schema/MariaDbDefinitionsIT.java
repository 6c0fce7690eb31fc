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
 * Whole definitions on a real MariaDB: index attributes (prefix length, order, type, ignored,
 * comment), unique keys likewise, routine characteristics, table options, partitioning and column
 * collations, each case asserting the exact report lines; the forms MariaDB keeps apart but that
 * mean the same report nothing.
 */
class MariaDbDefinitionsIT {

  static final String[] BASE = {
      "CREATE TABLE users (id int NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, name varchar(255),"
          + " code varchar(20), created_at timestamp NOT NULL DEFAULT current_timestamp(),"
          + " updated_at timestamp NULL DEFAULT NULL ON UPDATE current_timestamp(), UNIQUE KEY users_code (code))"
          + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
      "CREATE INDEX users_name_idx ON users (name)",
      "CREATE INDEX users_email_idx ON users (email)",
      "CREATE TABLE sales (id int NOT NULL, year int NOT NULL, PRIMARY KEY (id, year))"
          + " PARTITION BY RANGE (year) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026))",
      "CREATE FUNCTION answer() RETURNS int DETERMINISTIC RETURN 42"};

  static final String[] SAME_OTHER_FORMS = {
      "CREATE TABLE users (id int(11) NOT NULL, email varchar(255) COLLATE utf8mb4_general_ci NOT NULL,"
          + " name varchar(255) CHARACTER SET utf8mb4 DEFAULT NULL, code varchar(20),"
          + " created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,"
          + " updated_at timestamp NULL ON UPDATE now(), PRIMARY KEY (id))"
          + " ENGINE=InnoDB ROW_FORMAT=DYNAMIC CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
      "ALTER TABLE users ADD CONSTRAINT users_code UNIQUE (code)",
      "CREATE INDEX idx_users_name USING BTREE ON users (name ASC)",
      "ALTER TABLE users ADD KEY idx_users_email (email)",
      "CREATE TABLE sales (id int NOT NULL, year int NOT NULL, PRIMARY KEY (id, year))"
          + " PARTITION BY RANGE (year) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026))",
      "CREATE FUNCTION answer() RETURNS int(11) DETERMINISTIC CONTAINS SQL SQL SECURITY DEFINER RETURN 42"};

  static Databases databases;
  static SchemaModel base;

  @BeforeAll
  static void start() {
    databases = Databases.mariadb();
    base = read(BASE);
  }

  @AfterAll
  static void stop() {
    Databases.stop(databases);
  }

  static SchemaModel read(String[] scripts, String... more) {
    List<String> all = new ArrayList<>(List.of(scripts));
    all.addAll(List.of(more));
    return databases.model(all.toArray(String[]::new));
  }

  @Test
  void the_same_definitions_in_other_forms_have_no_drift() {
    assertThat(MariaDbCorpusIT.drift(base, read(SAME_OTHER_FORMS))).isEmpty();
    assertThat(MariaDbCorpusIT.drift(read(SAME_OTHER_FORMS), base)).isEmpty();
  }

  static Stream<Arguments> indexes() {
    return Stream.of(
        drift("prefix length", "DROP INDEX users_name_idx ON users", "CREATE INDEX users_name_idx ON users (name(10))",
            "table users: index users_name_idx on (name) exists only in --from",
            "table users: index users_name_idx on (name(10)) exists only in --to"),
        drift("descending key part", "DROP INDEX users_name_idx ON users", "CREATE INDEX users_name_idx ON users (name DESC)",
            "table users: index users_name_idx on (name) exists only in --from",
            "table users: index users_name_idx on (name DESC) exists only in --to"),
        drift("fulltext instead of btree", "DROP INDEX users_name_idx ON users",
            "CREATE FULLTEXT INDEX users_name_idx ON users (name)",
            "table users: index users_name_idx on (name): method btree vs fulltext"),
        drift("ignored index", "ALTER TABLE users ALTER INDEX users_email_idx IGNORED",
            "table users: index users_email_idx on (email): visibility none vs ignored"),
        drift("index comment", "DROP INDEX users_email_idx ON users",
            "CREATE INDEX users_email_idx ON users (email) COMMENT 'login lookups'",
            "table users: index users_email_idx on (email): comment none vs login lookups"),
        drift("unique key prefix", "ALTER TABLE users DROP INDEX users_code", "ALTER TABLE users ADD UNIQUE KEY users_code (code(5))",
            "table users: unique constraint users_code on (code) exists only in --from",
            "table users: unique constraint users_code on (code(5)) exists only in --to"),
        drift("unique key ignored", "ALTER TABLE users ALTER INDEX users_code IGNORED",
            "table users: unique constraint users_code on (code): visibility none vs ignored"));
  }

  static Stream<Arguments> routinesAndTables() {
    return Stream.of(
        drift("function not deterministic", "DROP FUNCTION answer", "CREATE FUNCTION answer() RETURNS int NOT DETERMINISTIC RETURN 42",
            "function answer(): deterministic deterministic vs not deterministic"),
        drift("function security invoker", "ALTER FUNCTION answer SQL SECURITY INVOKER",
            "function answer(): security definer vs invoker"),
        drift("function data access", "ALTER FUNCTION answer READS SQL DATA",
            "function answer(): data access contains sql vs reads sql data"),
        drift("partitioned vs plain table", "ALTER TABLE sales REMOVE PARTITIONING",
            "table sales: partitioned by RANGE (`year`) vs none",
            "table sales: partition p2024 exists only in --from",
            "table sales: partition p2025 exists only in --from"),
        drift("partition added", "ALTER TABLE sales ADD PARTITION (PARTITION p2026 VALUES LESS THAN (2027))",
            "table sales: partition p2026 exists only in --to"),
        drift("partition bound", "ALTER TABLE sales REORGANIZE PARTITION p2025 INTO (PARTITION p2025 VALUES LESS THAN (2030))",
            "table sales: partition p2025: bound VALUES LESS THAN (2026) vs VALUES LESS THAN (2030)"),
        drift("column collation", "ALTER TABLE users MODIFY name varchar(255) COLLATE utf8mb4_bin",
            "table users: column name: collation none vs utf8mb4_bin"),
        drift("table collation", "ALTER TABLE users COLLATE utf8mb4_unicode_ci",
            // Existing columns keep their collation, which now differs from the table's default.
            "table users: collation utf8mb4_general_ci vs utf8mb4_unicode_ci",
            "table users: column code: collation none vs utf8mb4_general_ci",
            "table users: column email: collation none vs utf8mb4_general_ci",
            "table users: column name: collation none vs utf8mb4_general_ci"),
        drift("table engine", "ALTER TABLE sales ENGINE=Aria",
            "table sales: engine InnoDB vs Aria",
            "table sales: row format Dynamic vs Page"),
        drift("table row format", "ALTER TABLE sales ROW_FORMAT=COMPACT",
            "table sales: row format Dynamic vs Compact"),
        drift("table options", "ALTER TABLE users STATS_PERSISTENT=0",
            "table users: options none vs stats_persistent=0"));
  }

  static Stream<Arguments> equivalences() {
    return Stream.of(
        drift("now() and CURRENT_TIMESTAMP", "ALTER TABLE users MODIFY created_at timestamp NOT NULL DEFAULT now()"),
        drift("display width of int", "ALTER TABLE users MODIFY id int(5) NOT NULL"),
        drift("a literal default that looks like a function is a value", "ALTER TABLE users MODIFY code varchar(20) DEFAULT 'now'",
            "table users: column code: default none vs 'now'"));
  }

  static Arguments drift(String name, String... changesThenExpected) {
    return MariaDbCorpusIT.drift(name, changesThenExpected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"indexes", "routinesAndTables", "equivalences"})
  void exactly_the_drift_made_is_reported(String name, List<String> changes, List<String> expected) {
    assertThat(MariaDbCorpusIT.drift(base, read(BASE, changes.toArray(String[]::new))))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
