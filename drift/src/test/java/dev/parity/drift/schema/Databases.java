package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** One database server per test class; a fresh database per case, built from SQL scripts. */
final class Databases {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final JdbcDatabaseContainer<?> server;
  private final String adminUser;

  Databases(JdbcDatabaseContainer<?> server, String adminUser) {
    this.server = server;
    this.adminUser = adminUser;
  }

  /** A new database on the server, built by running {@code scripts} in order; returns its JDBC URL. */
  String create(String... scripts) throws SQLException {
    String name = "case_" + COUNTER.incrementAndGet();
    try (Connection admin = Jdbc.connect(server.getJdbcUrl(), adminUser, server.getPassword());
        Statement statement = admin.createStatement()) {
      admin.setReadOnly(false);
      statement.execute("CREATE DATABASE " + name);
    }
    String url = url(name);
    try (Connection connection = Jdbc.connect(url, adminUser, server.getPassword());
        Statement statement = connection.createStatement()) {
      connection.setReadOnly(false);
      for (String script : scripts) {
        statement.execute(script);
      }
    }
    return url;
  }

  String url(String database) {
    String base = server.getJdbcUrl();
    int slash = base.indexOf('/', base.indexOf("//") + 2);
    int query = base.indexOf('?', slash);
    return base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query));
  }

  SchemaModel read(String url, List<String> schemas) {
    try (Connection connection = Jdbc.connect(url, adminUser, server.getPassword())) {
      return SchemaReader.read(connection, schemas);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String user() {
    return adminUser;
  }

  String password() {
    return server.getPassword();
  }
}
