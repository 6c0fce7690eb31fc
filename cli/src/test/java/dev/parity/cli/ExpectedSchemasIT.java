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
        .start(StackOptions.defaults().fixedPorts(false).projectFolder(project))) {
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

  private static SchemaModel live(RunningStack stack) throws Exception {
    try (Connection c = Jdbc.connect(stack.jdbcUrl("db"), null, null)) {
      return SchemaReader.read(c, List.of("public"));
    }
  }
}
