package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.drift.DriftReport;
import dev.parity.drift.schema.Jdbc;
import dev.parity.drift.schema.SchemaDrift;
import dev.parity.drift.schema.SchemaModel;
import dev.parity.drift.schema.SchemaReader;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec mode of schema drift: the schema the migrations produce, computed on a throwaway database,
 * against a "production" that got hand-made hotfixes.
 */
class ExpectedSchemasIT {

  @TempDir
  Path project;

  /** Every test here starts a database: without Docker each skips with the reason, never fails. */
  @org.junit.jupiter.api.BeforeEach
  void dockerIsReachable() {
    TestStacks.docker();
  }

  @Test
  void aHotfixMadeByHandIsReportedAndTheThrowawayDatabaseIsGone() throws Exception {
    DockerOps docker = TestStacks.docker();
    TestStacks.migrations(project.resolve("db/migrations"),
        "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);",
        "CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),"
            + " total numeric(10,2) NOT NULL);");
    Stack.Builder builder = Stack.named("it-expected")
        .service(Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .database("shop").user("shop").password("DB_PASSWORD").migrations("db/migrations"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local());
    Stack stack = TestStacks.variant(builder, "db", TestStacks.POSTGRES).build();
    Postgres db = (Postgres) stack.service("db").orElseThrow();

    try (RunningStack production = LocalStack.of(stack)
        .start(StackOptions.defaults().fixedPorts(false).keepVolumes(false).projectFolder(project))) {
      SchemaModel expected = ExpectedSchemas.of(stack, db, project, List.of("public"));
      assertThat(docker.containers(Map.of(StackLabels.STACK, "it-expected-expected"))).isEmpty();
      assertThat(SchemaDrift.compare(expected, live(production), "spec", "production").hasDrift()).isFalse();

      try (Connection c = Jdbc.connect(production.jdbcUrl("db"), null, null); Statement s = c.createStatement()) {
        s.execute("CREATE INDEX orders_total_hotfix ON orders (total)");
        s.execute("ALTER TABLE users ADD COLUMN phone text");
      }
      DriftReport report = SchemaDrift.compare(expected, live(production), "spec", "production");
      assertThat(report.findings()).extracting(f -> f.object() + ": " + f.message()).containsExactlyInAnyOrder(
          "table orders: index orders_total_hotfix on (total) exists only in --to",
          "table users: column phone exists only in --to");
    }
    assertThat(TestStacks.containers(docker, "it-expected")).isZero();
  }

  /** Issue 11: {@code psql} applies this migration, so {@code parity up} and {@code drift schema --spec} must too. */
  @Test
  void aMigrationHoldingALiteralDollarBraceIsAppliedAsWritten() throws Exception {
    TestStacks.migrations(project.resolve("db/migrations"),
        "CREATE TABLE settings (name text PRIMARY KEY, value text NOT NULL);",
        "INSERT INTO settings VALUES ('greeting', 'Hello ${user.name}!');");
    Stack stack = stack("it-literal", dev.parity.core.MigrationPlaceholders.none());
    Postgres db = (Postgres) stack.service("db").orElseThrow();

    try (RunningStack up = LocalStack.of(stack).start(StackOptions.defaults().fixedPorts(false).keepVolumes(false).projectFolder(project));
        Connection c = Jdbc.connect(up.jdbcUrl("db"), null, null); Statement s = c.createStatement();
        java.sql.ResultSet row = s.executeQuery("SELECT value FROM settings")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("Hello ${user.name}!");
      SchemaModel expected = ExpectedSchemas.of(stack, db, project, List.of("public"));
      assertThat(SchemaDrift.compare(expected, live(up), "spec", "local").hasDrift()).isFalse();
    }
    assertThat(TestStacks.containers(TestStacks.docker(), "it-literal")).isZero();
  }

  @Test
  void declaredPlaceholdersAreReplaced() throws Exception {
    TestStacks.migrations(project.resolve("db/migrations"), "CREATE TABLE ${table} (id int);");
    Stack stack = stack("it-placeholders", dev.parity.core.MigrationPlaceholders.of("table", "audit"));

    SchemaModel expected = ExpectedSchemas.of(stack, (Postgres) stack.service("db").orElseThrow(), project,
        List.of("public"));

    assertThat(expected.schemas().get(0).tables()).extracting(dev.parity.drift.schema.Table::name)
        .containsExactly("audit");
  }

  /** Issue 11: nothing was compared, so exit 2 saying so, never 1 (drift). */
  @Test
  void aFailingMigrationWhilePreparingTheExpectedSchemaIsNotDrift() throws Exception {
    TestStacks.migrations(project.resolve("db/migrations"), "CREATE TABLE users (id int);", "CREATE TABLEX oops;");
    Stack stack = stack("it-failing", dev.parity.core.MigrationPlaceholders.none());

    dev.parity.core.ParityException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        dev.parity.core.ParityException.class,
        () -> ExpectedSchemas.of(stack, (Postgres) stack.service("db").orElseThrow(), project, List.of("public")));

    assertThat(e.code()).isEqualTo(dev.parity.core.ErrorCode.NOT_COMPARED);
    assertThat(e.code().exitCode()).isEqualTo(2);
    // What follows is the runtime's own message about the failed migration.
    assertThat(e.getMessage()).startsWith("the expected schema of 'db' could not be prepared, so nothing was compared: ")
        .contains("TABLEX");
    assertThat(TestStacks.containers(TestStacks.docker(), "it-failing-expected")).isZero();
  }

  private static Stack stack(String name, dev.parity.core.MigrationPlaceholders placeholders) {
    Stack.Builder builder = Stack.named(name)
        .service(Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .database("shop").user("shop").password("DB_PASSWORD").migrations("db/migrations")
            .placeholders(placeholders))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local());
    return TestStacks.variant(builder, "db", TestStacks.POSTGRES).build();
  }

  private static SchemaModel live(RunningStack stack) throws Exception {
    try (Connection c = Jdbc.connect(stack.jdbcUrl("db"), null, null)) {
      return SchemaReader.read(c, List.of("public"));
    }
  }
}
