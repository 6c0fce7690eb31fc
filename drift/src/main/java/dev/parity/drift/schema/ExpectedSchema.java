package dev.parity.drift.schema;

import dev.parity.core.Database;
import dev.parity.core.ErrorCode;
import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The schema a spec's migrations produce: they are applied with Flyway to a throwaway database
 * started at the spec's exact image, whose model is read and which is then removed. Self-contained
 * on purpose, so that the local-stack runtime can take this over later.
 */
public final class ExpectedSchema {

  /** Flyway logs each step through java.util.logging; a drift report is the only output wanted. Held so it stays configured. */
  private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private ExpectedSchema() {
  }

  /**
   * Migrates a fresh database of {@code database}'s image with the migrations in {@code migrations}
   * and reads its model.
   *
   * @throws ParityException when Docker is unavailable, the image cannot be started, or a migration fails
   */
  public static SchemaModel of(Database database, Path migrations) {
    if (!Files.isDirectory(migrations)) {
      throw new ParityException(ErrorCode.USAGE, "migrations folder '" + migrations + "' does not exist; fix"
          + " .migrations(...) of the database in the spec");
    }
    String image = database.image().toString();
    try (JdbcDatabaseContainer<?> container = container(database, image)) {
      try {
        container.start();
      } catch (RuntimeException e) {
        throw new ParityException(ErrorCode.UNREACHABLE, "cannot start a throwaway " + database.engine()
            + " database from image '" + image + "' to apply the migrations: " + e.getMessage()
            + "; check that Docker runs (DOCKER_HOST) and that the image can be pulled or is present", e);
      }
      String schema = database instanceof Postgres postgres ? postgres.schema() : null;
      try {
        var configuration = Flyway.configure()
            .dataSource(container.getJdbcUrl(), container.getUsername(), container.getPassword())
            .locations("filesystem:" + migrations.toAbsolutePath());
        if (schema != null) {
          configuration.schemas(schema);
        }
        configuration.load().migrate();
      } catch (FlywayException e) {
        throw new ParityException(ErrorCode.INVALID_SPEC, "the migrations in '" + migrations + "' fail on a fresh "
            + database.engine() + " database: " + e.getMessage(), e);
      }
      try (Connection connection = Jdbc.connect(container.getJdbcUrl(), container.getUsername(),
          container.getPassword())) {
        return SchemaReader.read(connection, schema == null ? List.of() : List.of(schema));
      }
    } catch (java.sql.SQLException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "reading the throwaway database failed: " + e.getMessage(), e);
    }
  }

  private static JdbcDatabaseContainer<?> container(Database database, String image) {
    if (database instanceof Postgres postgres) {
      return new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
          .withDatabaseName(postgres.database()).withUsername(postgres.user()).withPassword("parity-drift");
    }
    if (database instanceof MySql mysql) {
      // The MariaDB driver and container serve MySQL images too (same variables and protocol).
      return new MariaDBContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("mariadb"))
          .withDatabaseName(mysql.database()).withUsername(mysql.user()).withPassword("parity-drift");
    }
    throw new ParityException(ErrorCode.USAGE, "service of engine '" + database.engine() + "' has no schema;"
        + " pass a PostgreSQL, MySQL or MariaDB service");
  }
}
