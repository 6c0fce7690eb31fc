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

/** The drift corpus on a real MariaDB: one change, exactly one report; other styles, nothing. */
class MariaDbCorpusIT {

  static final String[] BASE = {
      "CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(255) NOT NULL UNIQUE,"
          + " name varchar(255), mood enum('happy','sad') DEFAULT 'happy',"
          + " created_at timestamp NOT NULL DEFAULT current_timestamp(), CHECK (char_length(email) > 3))",
      "CREATE TABLE orders (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id bigint NOT NULL,"
          + " total decimal(10,2) NOT NULL CHECK (total >= 0), status varchar(20) NOT NULL DEFAULT 'new',"
          + " FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)",
      "CREATE INDEX orders_status_idx ON orders (status)",
      "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
      "CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW SET NEW.status = lower(NEW.status)",
      "CREATE FUNCTION answer() RETURNS int DETERMINISTIC RETURN 42"};

  static final String[] SAME_OTHER_STYLE = {
      "CREATE FUNCTION answer()\n  RETURNS int\n  DETERMINISTIC\n  RETURN 42",
      "CREATE TABLE users (name varchar(255) DEFAULT NULL, id bigint NOT NULL AUTO_INCREMENT,"
          + " email varchar(255) NOT NULL, mood enum('happy','sad') DEFAULT 'happy',"
          + " created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (id))",
      "CREATE TABLE orders (status varchar(20) NOT NULL DEFAULT 'new', total decimal(10,2) NOT NULL,"
          + " user_id bigint NOT NULL, id int NOT NULL AUTO_INCREMENT, PRIMARY KEY (id), KEY idx_status (status))",
      "CREATE UNIQUE INDEX uq_users_email ON users (email)",
      "ALTER TABLE users ADD CONSTRAINT chk_email CHECK (char_length(email) > 3)",
      "ALTER TABLE orders ADD CONSTRAINT chk_total CHECK (total >= 0)",
      "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE",
      "create view big_orders as select id,  total from orders where total > 100",
      "CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW SET NEW.status = lower(NEW.status)"};

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

  static List<String> drift(SchemaModel from, SchemaModel to) {
    return SchemaComparator.compare(from, to, "--from", "--to").stream().map(PostgresCorpusIT::line).toList();
  }

  @Test
  void the_same_schema_built_in_another_order_and_style_has_no_drift() {
    assertThat(drift(base, read(SAME_OTHER_STYLE))).isEmpty();
  }

  @Test
  void databases_of_different_names_compare_by_content() {
    assertThat(base.schemas()).hasSize(1);
    assertThat(drift(base, read(BASE))).isEmpty();
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        drift("column added", "ALTER TABLE users ADD COLUMN phone varchar(30)",
            "table users: column phone exists only in --to"),
        drift("varchar length", "ALTER TABLE users MODIFY name varchar(100)",
            "table users: column name: type varchar(255) vs varchar(100)"),
        drift("decimal precision", "ALTER TABLE orders MODIFY total decimal(12,2) NOT NULL",
            // MariaDB drops a column's own CHECK when the column is redefined: real drift, reported.
            "table orders: column total: type decimal(10,2) vs decimal(12,2)",
            "table orders: check constraint total `total` >= 0 exists only in --from"),
        drift("nullability", "ALTER TABLE users MODIFY name varchar(255) NOT NULL",
            "table users: column name: nullability null vs not null"),
        drift("default", "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open'",
            "table orders: column status: default 'new' vs 'open'"),
        drift("auto_increment removed", "ALTER TABLE orders MODIFY id int NOT NULL",
            "table orders: column id: generated auto_increment vs none"),
        drift("enum values", "ALTER TABLE users MODIFY mood enum('happy','sad','meh') DEFAULT 'happy'",
            "table users: column mood: type enum('happy','sad') vs enum('happy','sad','meh')"),
        drift("unique dropped", "ALTER TABLE users DROP INDEX email",
            "table users: unique constraint email on (email) exists only in --from"),
        drift("foreign key action", "ALTER TABLE orders DROP FOREIGN KEY orders_ibfk_1",
            "table orders: foreign key orders_ibfk_1 (user_id) references users(id) exists only in --from"),
        drift("index added by hand", "CREATE INDEX users_name_idx ON users (name)",
            "table users: index users_name_idx on (name) exists only in --to"),
        drift("index made unique", "DROP INDEX orders_status_idx ON orders",
            "table orders: index orders_status_idx on (status) exists only in --from"),
        drift("check changed", "ALTER TABLE users DROP CONSTRAINT CONSTRAINT_1",
            "ALTER TABLE users ADD CHECK (char_length(email) > 5)",
            "table users: check constraint CONSTRAINT_1 char_length(`email`) > 3 exists only in --from",
            "table users: check constraint CONSTRAINT_1 char_length(`email`) > 5 exists only in --to"),
        drift("view definition", "CREATE OR REPLACE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 500",
            "view big_orders: definition differs [select `orders`.`id` AS `id`,`orders`.`total` AS `total` from"
                + " `orders` where `orders`.`total` > 100 -> select `orders`.`id` AS `id`,`orders`.`total` AS `total`"
                + " from `orders` where `orders`.`total` > 500]"),
        drift("trigger body", "DROP TRIGGER orders_touch",
            "CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW SET NEW.status = upper(NEW.status)",
            "table orders: trigger orders_touch: definition differs [BEFORE INSERT ON orders FOR EACH ROW SET"
                + " NEW.status = lower(NEW.status) -> BEFORE INSERT ON orders FOR EACH ROW SET NEW.status ="
                + " upper(NEW.status)]"),
        drift("function body", "DROP FUNCTION answer", "CREATE FUNCTION answer() RETURNS int DETERMINISTIC RETURN 41",
            "function answer(): body RETURN 42 vs RETURN 41"),
        drift("table added by hand", "CREATE TABLE audit (id int)",
            "table audit: table audit exists only in --to"));
  }

  static Arguments drift(String name, String... changesThenExpected) {
    List<String> changes = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String s : changesThenExpected) {
      (s.startsWith("table ") || s.startsWith("view ") || s.startsWith("function ") ? expected : changes).add(s);
    }
    return Arguments.of(name, changes, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void exactly_the_drift_made_is_reported(String name, List<String> changes, List<String> expected) {
    assertThat(drift(base, read(BASE, changes.toArray(String[]::new)))).containsExactlyInAnyOrderElementsOf(expected);
  }
}
