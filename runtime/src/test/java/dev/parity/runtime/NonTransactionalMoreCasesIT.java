package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.DockerOps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 2, further cases: statements PostgreSQL refuses inside a transaction block ({@code CREATE
 * DATABASE}, {@code ALTER SYSTEM}), a new enum value that a transaction cannot use before it commits, and MariaDB,
 * where every DDL statement commits by itself, so a failed migration leaves what ran before it. Each finishes (or
 * fails with its exact message) well inside its deadline under {@code parity up}.
 */
class NonTransactionalMoreCasesIT {

  private static final String STACK = "it-nontx-more";
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir
  Path project;

  private DockerOps docker;

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
    }
  }

  private StackOptions options() {
    return StackOptions.defaults().fixedPorts(false).keepVolumes(false).projectFolder(project);
  }

  @Test
  void create_database_and_alter_system_which_postgres_refuses_in_a_transaction_block_finish() throws Exception {
    TestStacks.migrations(project.resolve("db"),
        "CREATE TABLE users (id int PRIMARY KEY);",
        "CREATE DATABASE reports;",
        "ALTER SYSTEM SET log_min_duration_statement = '250ms';");
    Stack stack = TestStacks.shop(STACK, "db");

    List<String> rows = new ArrayList<>();
    try (RunningStack running = assertTimeoutPreemptively(DEADLINE, () -> LocalStack.of(stack).start(options()))) {
      assertThat(running.migrations()).containsExactly(Map.entry("db", List.of("1", "2", "3")));
      try (Connection c = DriverManager.getConnection(running.jdbcUrl("db"));
          ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname = 'reports'"
              + " UNION ALL SELECT setting FROM pg_file_settings WHERE name = 'log_min_duration_statement'")) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
    }
    assertThat(rows).containsExactly("reports", "250ms");
  }

  @Test
  void a_new_enum_value_is_usable_from_the_next_migration_on() throws Exception {
    TestStacks.migrations(project.resolve("db"),
        "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE people (name text, mood mood);",
        "ALTER TYPE mood ADD VALUE 'calm' AFTER 'sad';",
        "INSERT INTO people VALUES ('ann', 'calm');");
    Stack stack = TestStacks.shop(STACK, "db");

    try (RunningStack running = assertTimeoutPreemptively(DEADLINE, () -> LocalStack.of(stack).start(options()));
        Connection c = DriverManager.getConnection(running.jdbcUrl("db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT enum_range(NULL::mood)::text, (SELECT mood::text"
            + " FROM people)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("{sad,calm,happy} calm");
    }
  }

  @Test
  void a_new_enum_value_used_in_its_own_migration_fails_with_postgres_message() throws Exception {
    TestStacks.migrations(project.resolve("db"),
        "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE people (name text, mood mood);",
        "ALTER TYPE mood ADD VALUE 'calm';\nINSERT INTO people VALUES ('ann', 'calm');");
    Stack stack = TestStacks.shop(STACK, "db");

    ParityException e = assertTimeoutPreemptively(DEADLINE, () -> catchThrowableOfType(ParityException.class,
        () -> LocalStack.of(stack).start(options())));

    assertThat(e.getMessage()).isEqualTo("migration of service 'db' failed at version 2 (" + project.resolve("db")
        + "):\n"
        + "  script:    V2__step2.sql, line 2\n"
        + "  error:     ERROR: unsafe use of new value \"calm\" of enum type mood (SQL state 55P04)\n"
        + "  statement: INSERT INTO people VALUES ('ann', 'calm')\n"
        + "Fix the migration, then start the stack again.\n"
        + "Everything this run started was removed.");
  }

  @Test
  void on_mariadb_what_ran_before_a_failing_statement_stays_because_each_ddl_statement_commits() throws Exception {
    TestStacks.migrations(project.resolve("db"),
        "CREATE TABLE users (id int PRIMARY KEY);",
        "CREATE TABLE audit (id int);\nINSERT INTO audit VALUES (1);\nALTER TABLE users ADD COLUMN id int;");
    Stack stack = TestStacks.variant(Stack.named(STACK)
        .service(MySql.mariadb("db", TestStacks.version(TestStacks.MARIADB)).image(TestStacks.MARIADB)
            .database("shop").user("shop").password("DB_PASSWORD").migrations("db"))
        .config(ConfigKey.secret("DB_PASSWORD")).environment(Environment.local()), "db", TestStacks.MARIADB).build();

    ParityException e = assertTimeoutPreemptively(DEADLINE, () -> catchThrowableOfType(ParityException.class,
        () -> LocalStack.of(stack).start(options())));

    // The connection's id in MariaDB's message differs from run to run.
    assertThat(e.getMessage().replaceFirst("\\(conn=[0-9]+\\) ", "")).isEqualTo("migration of service 'db' failed at version 2 (" + project.resolve("db")
        + "):\n"
        + "  script:    V2__step2.sql, line 3\n"
        + "  error:     Duplicate column name 'id' (SQL state 42S21)\n"
        + "  statement: ALTER TABLE users ADD COLUMN id int\n"
        + "  MariaDB commits each DDL statement by itself, so what V2 ran before the failing statement stays applied"
        + " and its history row says failed: undo that part by hand and delete the row (DELETE FROM"
        + " flyway_schema_history WHERE version = '2'), or remove the database's volume (parity down --volumes) to"
        + " start over.\n"
        + "Fix the migration, then start the stack again.\n"
        + "Everything this run started was removed.");
  }
}
