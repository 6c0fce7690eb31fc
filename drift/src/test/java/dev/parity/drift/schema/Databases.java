package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.parity.drift.TestImages;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** One database server per test class; a fresh database per case, built from SQL scripts. */
final class Databases {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final JdbcDatabaseContainer<?> server;
  private final String adminUser;
  private final List<String> schemas;

  private Databases(JdbcDatabaseContainer<?> server, String adminUser, List<String> schemas) {
    this.server = server;
    this.adminUser = adminUser;
    this.schemas = schemas;
  }

  /** A started PostgreSQL stand-in whose models are read from schema {@code public}. */
  static Databases postgres() {
    PostgreSQLContainer server = new PostgreSQLContainer(DockerImageName.parse(TestImages.postgres())
        .asCompatibleSubstituteFor("postgres"));
    server.start();
    return new Databases(server, server.getUsername(), List.of("public"));
  }

  /** A started MariaDB stand-in whose models are read from each case's database. */
  static Databases mariadb() {
    MariaDBContainer server = new MariaDBContainer(DockerImageName.parse(TestImages.mariadb())
        .asCompatibleSubstituteFor("mariadb"));
    server.start();
    return new Databases(server, "root", List.of());
  }

  /** Stops a server that {@code databases} started; nothing when it never started. */
  static void stop(Databases databases) {
    if (databases != null) {
      databases.server.stop();
    }
  }

  /** The model of a new database built by running {@code scripts} in order. */
  SchemaModel model(String... scripts) {
    try {
      return read(create(scripts), schemas);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  JdbcDatabaseContainer<?> server() {
    return server;
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
