package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
 * Issue 22, class 2: migrations that cannot run inside a transaction, applied by {@code parity up} on a real
 * PostgreSQL. With Flyway's default transactional lock a migration holding only {@code CREATE INDEX CONCURRENTLY}
 * waited forever for Flyway's own lock; each case here must finish well inside its timeout.
 */
class NonTransactionalMigrationsIT {

  private static final String STACK = "it-concurrently";

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
  void concurrently_built_rebuilt_and_dropped_indexes_and_vacuum_finish_under_parity_up() throws Exception {
    TestStacks.migrations(project.resolve("db"),
        "CREATE TABLE users (id int PRIMARY KEY, email text, name text);"
            + " INSERT INTO users SELECT g, 'u' || g || '@example.org', 'n' || g FROM generate_series(1, 1000) g;",
        // The case: the standard way to index a live table.
        "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);",
        "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);",
        "REINDEX INDEX CONCURRENTLY users_email_idx;",
        "DROP INDEX CONCURRENTLY users_name_idx;",
        "VACUUM ANALYZE users;");
    // Flyway's parser does not know REINDEX … CONCURRENTLY cannot run in a transaction: its script configuration
    // file says so, as Flyway documents for any statement it does not recognise.
    java.nio.file.Files.writeString(project.resolve("db/V4__step4.sql.conf"), "executeInTransaction=false\n");
    Stack stack = TestStacks.shop(STACK, "db");

    List<String> indexes = new ArrayList<>();
    RunningStack running = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> LocalStack.of(stack).start(options()),
        "parity up did not finish the migrations: Flyway waits for its own transactional lock");
    try (running) {
      assertThat(running.migrations()).containsExactly(Map.entry("db", List.of("1", "2", "3", "4", "5", "6")));
      try (Connection c = DriverManager.getConnection(running.jdbcUrl("db"))) {
        ResultSet rs = c.createStatement().executeQuery("SELECT indexname || ' ' || (SELECT indisvalid FROM pg_index"
            + " WHERE indexrelid = (quote_ident(indexname))::regclass) FROM pg_indexes WHERE tablename = 'users'"
            + " ORDER BY 1");
        while (rs.next()) {
          indexes.add(rs.getString(1));
        }
      }
    }
    // Built, rebuilt and valid; the dropped one is gone.
    assertThat(indexes).containsExactly("users_email_idx true", "users_pkey true");
  }

  @Test
  void a_concurrent_index_mixed_with_other_statements_is_refused_with_flyways_message() throws Exception {
    TestStacks.migrations(project.resolve("db"),
        "CREATE TABLE users (id int PRIMARY KEY, email text);",
        "ALTER TABLE users ADD COLUMN name text; CREATE INDEX CONCURRENTLY users_name_idx ON users (name);");
    Stack stack = TestStacks.shop(STACK, "db");

    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> assertThatThrownBy(() -> LocalStack.of(stack)
        .start(options()))
        .isInstanceOf(ParityException.class)
        .hasMessageStartingWith("migration of service 'db' failed at version 2 (")
        .hasMessageContaining("Detected both transactional and non-transactional statements within the same migration")
        .hasMessageContaining("Offending statement found at line 1: CREATE INDEX CONCURRENTLY users_name_idx ON users"
            + " (name) [non-transactional]\nFix the migration, then start the stack again."));
  }
}
