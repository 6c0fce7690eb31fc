package dev.parity.drift.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.InvalidSpecException;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, class 5: the SQL names Parity refuses at validation are names the real servers keep for themselves.
 * Each case asserts Parity's message and what the PostgreSQL or MariaDB stand-in does with the same name.
 */
class ReservedSqlNamesIT {

  @Test
  void postgresRefusesTheRoleAndSchemaNamesParityRefuses() throws SQLException {
    assertRefused(Postgres.of("db", "15.4").trustLocalConnections().user("pg_shop"), "user name 'pg_shop' is a role name PostgreSQL reserves");
    assertRefused(Postgres.of("db", "15.4").trustLocalConnections().user("public"), "user name 'public' is a role name PostgreSQL reserves");
    assertRefused(Postgres.of("db", "15.4").trustLocalConnections().schema("pg_shop"), "schema name 'pg_shop' is a system schema of PostgreSQL");
    assertRefused(Postgres.of("db", "15.4").trustLocalConnections().database("template0"),
        "database name 'template0' is a template database of PostgreSQL");
    Databases databases = Databases.postgres();
    try {
      String url = databases.create();
      try (Connection c = Jdbc.connect(url, databases.user(), databases.password()); Statement s = c.createStatement()) {
        c.setReadOnly(false);
        assertThatThrownBy(() -> s.execute("CREATE ROLE pg_shop")).hasMessageContaining("role name \"pg_shop\" is reserved");
        assertThatThrownBy(() -> s.execute("CREATE ROLE public")).hasMessageContaining("role name \"public\" is reserved");
        assertThatThrownBy(() -> s.execute("CREATE SCHEMA pg_shop")).hasMessageContaining("unacceptable schema name \"pg_shop\"");
        // What Parity accepts, the server accepts.
        s.execute("CREATE ROLE shop");
        s.execute("CREATE SCHEMA shop");
      }
      assertThatThrownBy(() -> Jdbc.connect(databases.url("template0"), databases.user(), databases.password()).close())
          .hasMessageContaining("database \"template0\" is not currently accepting connections");
    } finally {
      Databases.stop(databases);
    }
  }

  @Test
  void mariaDbTakesASystemDatabaseAsTheStacksOwnWithoutAWord() throws SQLException {
    assertRefused(MySql.mariadb("mysql", "10.11.6").user("orders").allowEmptyPassword(),
        "database name 'mysql' is a system database of the server, so the migrations would write into it");
    assertRefused(MySql.mariadb("orders", "10.11.6").user("root").allowEmptyPassword(), "user name 'root' is the server's root account");
    Databases databases = Databases.mariadb();
    try (Connection c = Jdbc.connect(databases.url("mysql"), databases.user(), databases.password());
        Statement s = c.createStatement()) {
      c.setReadOnly(false);
      // The image's own statement for MYSQL_DATABASE succeeds on the system database ...
      s.execute("CREATE DATABASE IF NOT EXISTS `mysql`");
      // ... which already holds the server's grant tables, where a migration's tables would land.
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'"
          + " AND TABLE_NAME IN ('user', 'db', 'global_priv')")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(3);
      }
      s.execute("CREATE TABLE mysql.orders (id int PRIMARY KEY)");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'"
          + " AND TABLE_NAME = 'orders'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      assertThatThrownBy(() -> s.execute("CREATE TABLE information_schema.orders (id int)"))
          .hasMessageContaining("Access denied");
    } finally {
      Databases.stop(databases);
    }
  }

  private static void assertRefused(dev.parity.core.Service db, String message) {
    assertThatThrownBy(() -> Stack.named("shop").service(db).environment(dev.parity.core.Environment.local()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.toString()).startsWith("service '" + db.name() + "': " + message)));
  }
}
