package dev.parity.drift.schema;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@link SchemaModel} from a live database's catalogs, with a handful of bulk queries
 * whatever the number of tables.
 *
 * <pre>{@code
 * try (Connection c = Jdbc.connect(url, user, password)) {
 *   SchemaModel model = SchemaReader.read(c, List.of("public"));
 * }
 * }</pre>
 */
public final class SchemaReader {

  private SchemaReader() {
  }

  /**
   * Reads the given schemas; with none, every user schema (PostgreSQL) or the connection's
   * database (MySQL, MariaDB). Tables of migration tools ({@code flyway_schema_history},
   * Liquibase's {@code databasechangelog}) are left out.
   *
   * @throws ParityException when the database is neither PostgreSQL nor MySQL/MariaDB, or a query fails
   */
  public static SchemaModel read(Connection connection, List<String> schemas) {
    try {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      String version = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return new PostgresReader(connection).read(schemas);
      }
      if (product.contains("mysql") || product.contains("mariadb")) {
        boolean mariadb = product.contains("mariadb") || version.contains("mariadb");
        return new MySqlReader(connection, mariadb).read(schemas);
      }
      throw new ParityException(ErrorCode.USAGE, "database '" + product + "' is not supported by parity drift;"
          + " compare PostgreSQL, MySQL or MariaDB databases");
    } catch (SQLException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "reading the schema failed: " + e.getMessage()
          + "; check that the user may read the catalogs (pg_catalog, information_schema)", e);
    }
  }
}
