package dev.parity.drift.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole definitions on a real PostgreSQL: every attribute the server keeps on an index, a
 * constraint, a function, a table (partitioning, row-level security, collations, storage) and the
 * database's extensions is compared, each case asserting the exact report lines; and the forms the
 * server keeps apart but that mean the same (the no-drift corpus) report nothing.
 */
class PostgresDefinitionsIT {

  static final String BASE = """
      CREATE EXTENSION pg_trgm VERSION '1.3';
      CREATE TABLE users (
        id int PRIMARY KEY,
        email text NOT NULL,
        name text,
        org int,
        status varchar(20) DEFAULT 'new',
        created_at timestamptz DEFAULT now(),
        CONSTRAINT users_org_key UNIQUE (org));
      CREATE INDEX users_email_idx ON users (email);
      CREATE INDEX users_name_idx ON users (name);
      CREATE INDEX users_created_idx ON users (created_at DESC);
      CREATE TABLE teams (id int PRIMARY KEY, lead int REFERENCES users (id));
      CREATE TABLE docs (id int PRIMARY KEY, owner text NOT NULL, body text);
      ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
      CREATE POLICY docs_owner ON docs USING (owner = current_user);
      CREATE TABLE bookings (room int, during tsrange);
      CREATE TABLE measurement (city_id int NOT NULL, logdate date NOT NULL, peaktemp int) PARTITION BY RANGE (logdate);
      CREATE TABLE measurement_y2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
      """;

  /** The same schema written in the other forms the server keeps apart but that mean the same. */
  static final String SAME_OTHER_FORMS = """
      CREATE EXTENSION pg_trgm WITH VERSION '1.3';
      CREATE TABLE users (
        id integer NOT NULL,
        email text COLLATE "default" NOT NULL,
        name text,
        org int4,
        status character varying(20) DEFAULT 'new'::text,
        created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP);
      ALTER TABLE users ADD CONSTRAINT pk_users PRIMARY KEY (id) NOT DEFERRABLE;
      ALTER TABLE users ADD CONSTRAINT uq_users_org UNIQUE NULLS DISTINCT (org);
      CREATE INDEX idx_users_email ON users USING btree (email ASC NULLS LAST);
      CREATE INDEX idx_users_name ON users (name text_ops);
      CREATE INDEX idx_users_created ON users (created_at DESC NULLS FIRST);
      CREATE TABLE teams (id int PRIMARY KEY, lead int);
      ALTER TABLE teams ADD FOREIGN KEY (lead) REFERENCES users MATCH SIMPLE ON UPDATE NO ACTION ON DELETE NO ACTION;
      CREATE TABLE docs (id int PRIMARY KEY, owner text NOT NULL, body text);
      CREATE POLICY docs_owner ON docs AS PERMISSIVE FOR ALL TO PUBLIC USING (owner = CURRENT_USER);
      ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
      CREATE TABLE bookings (room int, during tsrange) WITH (autovacuum_enabled = true);
      ALTER TABLE bookings RESET (autovacuum_enabled);
      CREATE TABLE measurement (city_id int NOT NULL, logdate date NOT NULL, peaktemp int) PARTITION BY RANGE (logdate);
      CREATE TABLE measurement_y2024 (city_id int NOT NULL, logdate date NOT NULL, peaktemp int);
      ALTER TABLE measurement ATTACH PARTITION measurement_y2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql VOLATILE CALLED ON NULL INPUT
        SECURITY INVOKER PARALLEL UNSAFE AS 'SELECT a + b';
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

  @Test
  void the_same_definitions_in_other_forms_have_no_drift() {
    assertThat(PostgresCorpusIT.drift(base, read(SAME_OTHER_FORMS))).isEmpty();
    assertThat(PostgresCorpusIT.drift(read(SAME_OTHER_FORMS), base)).isEmpty();
  }

  /** Issue 11: nothing was compared, so exit 2, and the message says which of the usual causes it is. */
  @Test
  void bad_credentials_and_an_unknown_database_are_not_drift_and_say_which() {
    String url = databases.server().getJdbcUrl();
    assertThatThrownBy(() -> Jdbc.connect(url, databases.server().getUsername(), "wrong-password"))
        .isInstanceOfSatisfying(ParityException.class, e -> assertThat(e.code().exitCode()).isEqualTo(2))
        .hasMessageStartingWith("cannot connect to " + Jdbc.mask(url) + ": the server refused the user or password (")
        .hasMessageEndingWith("); check the user and the password variable")
        .message().doesNotContain("wrong-password");
    String missing = databases.url("no_such_database");
    assertThatThrownBy(() -> Jdbc.connect(missing, databases.server().getUsername(), databases.server().getPassword()))
        .hasMessageStartingWith("cannot connect to " + missing + ": the database does not exist on that server (")
        .hasMessageEndingWith("); check the database name in the URL");
  }

  static Stream<Arguments> indexes() {
    return Stream.of(
        drift("INCLUDE columns (issue 11)", "DROP INDEX users_email_idx; CREATE INDEX users_email_idx ON users (email) INCLUDE (name)",
            "table users: index users_email_idx on (email): include none vs (name)"),
        drift("operator class (issue 11)", "DROP INDEX users_name_idx; CREATE INDEX users_name_idx ON users (name text_pattern_ops)",
            "table users: index users_name_idx on (name) exists only in --from",
            "table users: index users_name_idx on (name text_pattern_ops) exists only in --to"),
        drift("index collation", "DROP INDEX users_name_idx; CREATE INDEX users_name_idx ON users (name COLLATE \"C\")",
            "table users: index users_name_idx on (name) exists only in --from",
            "table users: index users_name_idx on (name COLLATE \"C\") exists only in --to"),
        drift("NULLS placement", "DROP INDEX users_created_idx; CREATE INDEX users_created_idx ON users (created_at DESC NULLS LAST)",
            "table users: index users_created_idx on (created_at DESC) exists only in --from",
            "table users: index users_created_idx on (created_at DESC NULLS LAST) exists only in --to"),
        drift("index storage parameters", "ALTER INDEX users_email_idx SET (fillfactor = 70)",
            "table users: index users_email_idx on (email): storage none vs fillfactor=70"),
        drift("unique NULLS NOT DISTINCT", "ALTER TABLE users DROP CONSTRAINT users_org_key;"
                + " ALTER TABLE users ADD CONSTRAINT users_org_key UNIQUE NULLS NOT DISTINCT (org)",
            "table users: unique constraint users_org_key on (org): nulls distinct vs not distinct"),
        drift("unique constraint INCLUDE", "ALTER TABLE users DROP CONSTRAINT users_org_key;"
                + " ALTER TABLE users ADD CONSTRAINT users_org_key UNIQUE (org) INCLUDE (name)",
            "table users: unique constraint users_org_key on (org): include none vs (name)"),
        drift("unique constraint deferrable", "ALTER TABLE users DROP CONSTRAINT users_org_key;"
                + " ALTER TABLE users ADD CONSTRAINT users_org_key UNIQUE (org) DEFERRABLE INITIALLY DEFERRED",
            "table users: unique constraint users_org_key on (org): deferrable not deferrable vs deferrable initially"
                + " deferred"),
        drift("foreign key MATCH FULL", "ALTER TABLE teams DROP CONSTRAINT teams_lead_fkey;"
                + " ALTER TABLE teams ADD FOREIGN KEY (lead) REFERENCES users (id) MATCH FULL",
            "table teams: foreign key teams_lead_fkey (lead) references users(id): match simple vs full"));
  }

  static Stream<Arguments> objects() {
    return Stream.of(
        drift("extension created (issue 11)", "CREATE EXTENSION citext",
            "extension citext: extension citext exists only in --to"),
        drift("extension updated (issue 11)", "ALTER EXTENSION pg_trgm UPDATE TO '1.4'",
            "extension pg_trgm: version 1.3 vs 1.4"),
        drift("extension dropped", "DROP EXTENSION pg_trgm",
            "extension pg_trgm: extension pg_trgm exists only in --from"),
        drift("row level security disabled (issue 11)", "ALTER TABLE docs DISABLE ROW LEVEL SECURITY",
            "table docs: row level security enabled vs disabled"),
        drift("row level security forced", "ALTER TABLE docs FORCE ROW LEVEL SECURITY",
            "table docs: row level security enabled vs enabled, forced"),
        drift("policy restrictive (issue 11)", "DROP POLICY docs_owner ON docs;"
                + " CREATE POLICY docs_owner ON docs AS RESTRICTIVE USING (owner = current_user)",
            "table docs: policy docs_owner: type permissive vs restrictive"),
        drift("policy command", "DROP POLICY docs_owner ON docs;"
                + " CREATE POLICY docs_owner ON docs FOR SELECT USING (owner = current_user)",
            "table docs: policy docs_owner: command all vs select"),
        drift("policy roles", "ALTER POLICY docs_owner ON docs TO " + "test",
            "table docs: policy docs_owner: roles (public) vs (test)"),
        drift("policy expressions", "ALTER POLICY docs_owner ON docs USING (true) WITH CHECK (owner = current_user)",
            "table docs: policy docs_owner: using owner = CURRENT_USER vs true",
            "table docs: policy docs_owner: with check none vs owner = CURRENT_USER"),
        drift("policy added", "CREATE POLICY docs_read ON docs FOR SELECT USING (true)",
            "table docs: policy docs_read exists only in --to"),
        drift("exclusion constraint (issue 11)", "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap"
                + " EXCLUDE USING gist (during WITH &&)",
            "table bookings: exclusion constraint bookings_no_overlap EXCLUDE USING gist (during WITH &&) exists only"
                + " in --to"),
        drift("exclusion constraint changed", "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap"
                + " EXCLUDE USING gist (during WITH &&) WHERE (room > 0)",
            "table bookings: exclusion constraint bookings_no_overlap EXCLUDE USING gist (during WITH &&) WHERE"
                + " (room > 0) exists only in --to"),
        drift("function volatility (issue 11)", "ALTER FUNCTION add(int, int) IMMUTABLE",
            "function add(a integer, b integer): volatility volatile vs immutable"),
        drift("function strictness", "ALTER FUNCTION add(int, int) STRICT",
            "function add(a integer, b integer): null input called on null input vs returns null on null input"
                + " (strict)"),
        drift("function security definer", "ALTER FUNCTION add(int, int) SECURITY DEFINER",
            "function add(a integer, b integer): security invoker vs definer"),
        drift("function settings", "ALTER FUNCTION add(int, int) SET search_path = public",
            "function add(a integer, b integer): settings none vs search_path=public"),
        drift("function parallel safety", "ALTER FUNCTION add(int, int) PARALLEL SAFE",
            "function add(a integer, b integer): parallel unsafe vs safe"));
  }

  static Stream<Arguments> tables() {
    return Stream.of(
        drift("partitioned vs plain table (issue 11)", "DROP TABLE measurement;"
                + " CREATE TABLE measurement (city_id int NOT NULL, logdate date NOT NULL, peaktemp int)",
            "table measurement: partitioned by RANGE (logdate) vs none",
            "table measurement: partition measurement_y2024 exists only in --from"),
        drift("partition key", "DROP TABLE measurement; CREATE TABLE measurement (city_id int NOT NULL,"
                + " logdate date NOT NULL, peaktemp int) PARTITION BY LIST (city_id)",
            "table measurement: partitioned by RANGE (logdate) vs LIST (city_id)",
            "table measurement: partition measurement_y2024 exists only in --from"),
        drift("partition added", "CREATE TABLE measurement_y2025 PARTITION OF measurement"
                + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
            "table measurement: partition measurement_y2025 exists only in --to"),
        drift("partition bound", "ALTER TABLE measurement DETACH PARTITION measurement_y2024;"
                + " ALTER TABLE measurement ATTACH PARTITION measurement_y2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01')",
            "table measurement: partition measurement_y2024: bound FOR VALUES FROM ('2024-01-01') TO"
                + " ('2025-01-01') vs FOR VALUES FROM ('2024-01-01') TO ('2024-07-01')"),
        drift("default partition", "CREATE TABLE measurement_other PARTITION OF measurement DEFAULT",
            "table measurement: partition measurement_other exists only in --to"),
        drift("column collation (issue 11)", "ALTER TABLE users ALTER COLUMN name TYPE text COLLATE \"C\"",
            "table users: column name: collation none vs C"),
        drift("unlogged table", "ALTER TABLE bookings SET UNLOGGED",
            "table bookings: persistence logged vs unlogged"),
        drift("table storage parameters", "ALTER TABLE bookings SET (fillfactor = 80)",
            "table bookings: storage none vs fillfactor=80"));
  }

  static Stream<Arguments> equivalences() {
    return Stream.of(
        drift("a default fixed at creation is not the current time", "ALTER TABLE users ALTER COLUMN created_at"
            + " SET DEFAULT '2024-01-01 00:00:00+00'",
            "table users: column created_at: default CURRENT_TIMESTAMP vs '2024-01-01 00:00:00+00'::timestamp with"
                + " time zone"),
        drift("now() and CURRENT_TIMESTAMP (issue 11)", "ALTER TABLE users ALTER COLUMN created_at SET DEFAULT CURRENT_TIMESTAMP"),
        drift("transaction_timestamp()", "ALTER TABLE users ALTER COLUMN created_at SET DEFAULT transaction_timestamp()"),
        drift("a character literal cast to text on a varchar column", "ALTER TABLE users ALTER COLUMN status SET DEFAULT 'new'::text"),
        drift("IN list and = ANY", "ALTER TABLE users ADD CHECK (org IN (1, 2))",
            "table users: check constraint users_org_check CHECK (org = ANY (ARRAY[1, 2])) exists only in --to"));
  }

  static Arguments drift(String name, String change, String... expected) {
    return Arguments.of(name, change, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"indexes", "objects", "tables", "equivalences"})
  void exactly_the_drift_made_is_reported(String name, String change, List<String> expected) {
    assertThat(PostgresCorpusIT.drift(base, read(BASE, change))).containsExactlyInAnyOrderElementsOf(expected);
  }
}
