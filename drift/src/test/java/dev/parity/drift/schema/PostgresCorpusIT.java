package dev.parity.drift.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.drift.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drift corpus on a real PostgreSQL: each case changes one thing on the {@code to} side and
 * asserts that exactly that is reported; schemas built in other orders and styles report nothing.
 */
class PostgresCorpusIT {

  static final String BASE = """
      CREATE TYPE mood AS ENUM ('happy', 'sad');
      CREATE SEQUENCE invoice_no START 1000 INCREMENT 1;
      CREATE TABLE users (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email varchar(255) NOT NULL UNIQUE,
        name varchar(255),
        mood mood DEFAULT 'happy',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (length(email) > 3));
      CREATE TABLE orders (
        id serial PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        total numeric(10, 2) NOT NULL CHECK (total >= 0),
        status text NOT NULL DEFAULT 'new');
      CREATE INDEX orders_user_idx ON orders (user_id);
      CREATE INDEX orders_open_idx ON orders (status) WHERE status <> 'done';
      CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.status := lower(NEW.status); RETURN NEW; END $$;
      CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
      """;

  /** The same schema in another order and style: constraints by ALTER, hand-made names, other layout. */
  static final String SAME_OTHER_STYLE = """
      CREATE FUNCTION touch()
        RETURNS trigger
        LANGUAGE plpgsql
      AS $$
      BEGIN
        NEW.status := lower(NEW.status);
        RETURN NEW;
      END $$;
      CREATE TYPE mood AS ENUM ('happy', 'sad');
      CREATE TABLE users (name varchar(255), id bigint GENERATED ALWAYS AS IDENTITY, mood mood DEFAULT 'happy'::mood,
        created_at timestamp with time zone DEFAULT now() NOT NULL, email character varying(255) NOT NULL);
      CREATE TABLE orders (status text DEFAULT 'new' NOT NULL, total numeric(10,2) NOT NULL, user_id bigint NOT NULL,
        id serial NOT NULL);
      CREATE INDEX idx_orders_open ON orders USING btree (status) WHERE (status <> 'done'::text);
      ALTER TABLE orders ADD CONSTRAINT pk_orders PRIMARY KEY (id);
      ALTER TABLE users ADD CONSTRAINT pk_users PRIMARY KEY (id);
      ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);
      ALTER TABLE users ADD CONSTRAINT chk_email CHECK (length(email)>3);
      ALTER TABLE orders ADD CONSTRAINT fk_orders_users FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
      ALTER TABLE orders ADD CONSTRAINT chk_total CHECK (total >= 0);
      CREATE INDEX idx_orders_user ON orders(user_id);
      CREATE TRIGGER orders_touch BEFORE UPDATE OR INSERT ON orders FOR EACH ROW EXECUTE PROCEDURE touch();
      CREATE VIEW big_orders AS
        SELECT id,
               total
        FROM orders
        WHERE total > 100;
      CREATE SEQUENCE invoice_no INCREMENT BY 1 START WITH 1000;
      """;

  static Databases databases;
  static SchemaModel base;

  @BeforeAll
  static void start() {
    databases = Databases.postgres();
    base = read(BASE);
  }

  @AfterAll
  static void stop() {
    Databases.stop(databases);
  }

  static SchemaModel read(String... scripts) {
    return databases.model(scripts);
  }

  static List<String> drift(SchemaModel from, SchemaModel to) {
    return SchemaComparator.compare(from, to, "--from", "--to").stream()
        .map(PostgresCorpusIT::line).toList();
  }

  static String line(Finding f) {
    return f.object() + ": " + f.message() + (f.message().endsWith(" differs") ? " [" + f.from() + " -> " + f.to() + "]" : "");
  }

  @Test
  void the_same_schema_built_in_another_order_and_style_has_no_drift() {
    assertThat(drift(base, read(SAME_OTHER_STYLE))).isEmpty();
    assertThat(drift(read(SAME_OTHER_STYLE), base)).isEmpty();
  }

  @Test
  void a_schema_built_twice_the_same_way_has_no_drift() {
    assertThat(drift(base, read(BASE))).isEmpty();
  }

  @Test
  void every_user_schema_is_read_when_none_is_named_and_an_extra_schema_is_drift() throws Exception {
    SchemaModel from = databases.read(databases.create(BASE), List.of());
    SchemaModel to = databases.read(databases.create(BASE, "CREATE SCHEMA reporting; CREATE TABLE reporting.daily (day date);"),
        List.of());
    assertThat(drift(from, to)).containsExactly("schema reporting: schema reporting exists only in --to");
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        drift("column added", "ALTER TABLE users ADD COLUMN phone text",
            "table users: column phone exists only in --to"),
        drift("column dropped", "ALTER TABLE users DROP COLUMN name",
            "table users: column name exists only in --from"),
        drift("varchar length", "ALTER TABLE users ALTER COLUMN name TYPE varchar(100)",
            "table users: column name: type character varying(255) vs character varying(100)"),
        drift("timestamp precision", "ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz(3)",
            "table users: column created_at: type timestamp with time zone vs timestamp(3) with time zone"),
        drift("nullability", "ALTER TABLE users ALTER COLUMN name SET NOT NULL",
            "table users: column name: nullability null vs not null"),
        drift("default changed", "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open'",
            "table orders: column status: default 'new' vs 'open'"),
        drift("default dropped", "ALTER TABLE users ALTER COLUMN created_at DROP DEFAULT",
            "table users: column created_at: default CURRENT_TIMESTAMP vs none"),
        drift("identity kind", "ALTER TABLE users ALTER COLUMN id SET GENERATED BY DEFAULT",
            "table users: column id: generated always vs by default"),
        drift("serial replaced by a plain column", "ALTER TABLE orders ALTER COLUMN id DROP DEFAULT; DROP SEQUENCE orders_id_seq",
            "table orders: column id: generated serial vs none"),
        drift("primary key columns", "ALTER TABLE orders DROP CONSTRAINT orders_pkey; ALTER TABLE orders ADD PRIMARY KEY (id, user_id)",
            "table orders: primary key: columns (id) vs (id, user_id)"),
        drift("unique dropped", "ALTER TABLE users DROP CONSTRAINT users_email_key",
            "table users: unique constraint users_email_key on (email) exists only in --from"),
        drift("check changed", "ALTER TABLE orders DROP CONSTRAINT orders_total_check; ALTER TABLE orders ADD CHECK (total > 0)",
            "table orders: check constraint orders_total_check CHECK (total >= 0::numeric) exists only in --from",
            "table orders: check constraint orders_total_check CHECK (total > 0::numeric) exists only in --to"),
        drift("foreign key action", "ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;"
                + " ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT",
            "table orders: foreign key orders_user_id_fkey (user_id) references users(id): on delete cascade vs restrict"),
        drift("foreign key dropped", "ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey",
            "table orders: foreign key orders_user_id_fkey (user_id) references users(id) exists only in --from"),
        drift("index added by hand", "CREATE INDEX users_name_idx ON users (name)",
            "table users: index users_name_idx on (name) exists only in --to"),
        drift("index made unique", "DROP INDEX orders_user_idx; CREATE UNIQUE INDEX orders_user_idx ON orders (user_id)",
            "table orders: index orders_user_idx on (user_id): uniqueness not unique vs unique"),
        drift("index method", "DROP INDEX orders_user_idx; CREATE INDEX orders_user_idx ON orders USING hash (user_id)",
            "table orders: index orders_user_idx on (user_id): method btree vs hash"),
        drift("partial index predicate", "DROP INDEX orders_open_idx; CREATE INDEX orders_open_idx ON orders (status) WHERE status <> 'cancelled'",
            "table orders: index orders_open_idx on (status): predicate status <> 'done'::text vs status <> 'cancelled'::text"),
        drift("index column order", "DROP INDEX orders_user_idx; CREATE INDEX orders_user_idx ON orders (user_id DESC)",
            "table orders: index orders_user_idx on (user_id) exists only in --from",
            "table orders: index orders_user_idx on (user_id DESC) exists only in --to"),
        drift("view definition", "CREATE OR REPLACE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 500",
            "view big_orders: definition differs [SELECT orders.id, orders.total FROM orders WHERE orders.total > 100::numeric;"
                + " -> SELECT orders.id, orders.total FROM orders WHERE orders.total > 500::numeric;]"),
        drift("view added", "CREATE VIEW active_users AS SELECT id FROM users",
            "view active_users: view active_users exists only in --to"),
        drift("sequence increment", "ALTER SEQUENCE invoice_no INCREMENT BY 10",
            "sequence invoice_no: increment 1 vs 10"),
        drift("sequence start", "ALTER SEQUENCE invoice_no START WITH 5000",
            "sequence invoice_no: start 1000 vs 5000"),
        drift("enum value added", "ALTER TYPE mood ADD VALUE 'meh'",
            "enum type mood: values ('happy', 'sad') vs ('happy', 'sad', 'meh')"),
        drift("function body", "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN NEW.status := upper(NEW.status); RETURN NEW; END $$",
            "function touch(): body BEGIN NEW.status := lower(NEW.status); RETURN NEW; END vs BEGIN NEW.status :="
                + " upper(NEW.status); RETURN NEW; END"),
        drift("function added", "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42'",
            "function answer(): function answer() exists only in --to"),
        drift("trigger dropped", "DROP TRIGGER orders_touch ON orders",
            "table orders: trigger orders_touch exists only in --from"),
        drift("trigger events", "DROP TRIGGER orders_touch ON orders;"
                + " CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch()",
            "table orders: trigger orders_touch: definition differs [BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE"
                + " FUNCTION touch() -> BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch()]"),
        drift("table added by hand", "CREATE TABLE audit (id int)",
            "table audit: table audit exists only in --to"),
        drift("table dropped", "DROP VIEW big_orders; DROP TABLE orders",
            "table orders: table orders exists only in --from",
            "view big_orders: view big_orders exists only in --from"));
  }

  static Arguments drift(String name, String change, String... expected) {
    return Arguments.of(name, change, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void exactly_the_drift_made_is_reported(String name, String change, List<String> expected) {
    assertThat(drift(base, read(BASE, change))).containsExactlyInAnyOrderElementsOf(expected);
  }
}
