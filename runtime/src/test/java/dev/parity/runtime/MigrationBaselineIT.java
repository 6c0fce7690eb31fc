package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.MigrationBaseline;
import dev.parity.core.Mount;
import dev.parity.core.ParityException;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.DockerOps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 6: a database whose first table comes from the image's init script
 * ({@code /docker-entrypoint-initdb.d}) on a real PostgreSQL. Without a baseline Flyway refuses the non-empty schema
 * and the message names the spec's option; with {@code .baseline(MigrationBaseline.atVersion("1"))} {@code parity up}
 * records the baseline and applies V2 and V3 on top of the init script's table.
 */
class MigrationBaselineIT {

  private static final String STACK = "it-baseline";

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

  private Stack stack(MigrationBaseline baseline) {
    Stack.Builder b = Stack.named(STACK)
        .service(Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .database("shop").user("shop").password("DB_PASSWORD").migrations("db/migrations").baseline(baseline)
            .options(o -> o.mount(Mount.bind("db/init", "/docker-entrypoint-initdb.d").readOnly())))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local());
    return TestStacks.variant(b, "db", TestStacks.POSTGRES).build();
  }

  /** db/init/01-customers.sql, as an image-based setup has it, and migrations V2 and V3 that build on it. */
  private void project() throws Exception {
    Path init = Files.createDirectories(project.resolve("db/init"));
    Files.writeString(init.resolve("01-customers.sql"), "CREATE TABLE customers (id int PRIMARY KEY, name text);\n");
    Path migrations = Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(migrations.resolve("V2__orders.sql"),
        "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id));\n");
    Files.writeString(migrations.resolve("V3__order_total.sql"), "ALTER TABLE orders ADD COLUMN total numeric;\n");
    // The entrypoint reads the init scripts as the postgres user, not as the owner of the test's folder.
    for (Path p : List.of(project, project.resolve("db"), init, migrations)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private StackOptions options() {
    return StackOptions.defaults().fixedPorts(false).keepVolumes(false).projectFolder(project);
  }

  @Test
  void without_a_baseline_the_message_names_the_option_and_with_one_v2_and_v3_apply_on_the_init_scripts_table()
      throws Exception {
    project();
    assertThatThrownBy(() -> LocalStack.of(stack(MigrationBaseline.none())).start(options()))
        .isInstanceOf(ParityException.class)
        .hasMessage("migrations of service 'db': schema 'public' already has tables but no Flyway history table"
            + " (flyway_schema_history), so Flyway will not migrate it; tables made by the image's init scripts"
            + " (/docker-entrypoint-initdb.d) need a baseline: add .baseline(MigrationBaseline.atVersion(\"1\")) to"
            + " 'db' (the migrations above version 1 are then applied on top of them), or remove the database's"
            + " volume (parity down --volumes) if the tables are left over\nEverything this run started was removed.");
    docker.removeAll(Map.of(StackLabels.STACK, STACK));

    List<String> history = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    try (RunningStack running = LocalStack.of(stack(MigrationBaseline.atVersion("1").describedAs("tables of db/init")))
        .start(options())) {
      assertThat(running.migrations()).containsExactly(Map.entry("db", List.of("1", "2", "3")));
      try (Connection c = DriverManager.getConnection(running.jdbcUrl("db"))) {
        ResultSet rs = c.createStatement().executeQuery("SELECT version || ' ' || type || ' ' || description || ' '"
            + " || success FROM flyway_schema_history ORDER BY installed_rank");
        while (rs.next()) {
          history.add(rs.getString(1));
        }
        rs = c.createStatement().executeQuery("SELECT table_name || '.' || column_name FROM"
            + " information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'"
            + " ORDER BY 1");
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    assertThat(history).containsExactly("1 BASELINE tables of db/init true", "2 SQL orders true",
        "3 SQL order total true");
    assertThat(columns).containsExactly("customers.id", "customers.name", "orders.customer_id", "orders.id",
        "orders.total");
  }
}
