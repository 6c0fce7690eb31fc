package dev.parity.generate.flyway;

import dev.parity.core.Database;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import java.util.Optional;

/**
 * What the compose file's {@code <db>-migrate} service and the Kubernetes {@code <db>-migrate} Job
 * need to run a database's migrations image: where its Dockerfile is, and Flyway's connection
 * settings ({@code FLYWAY_URL}, {@code FLYWAY_USER}, the password's variable).
 */
public final class Migrations {

  private Migrations() {
  }

  /** {@code db/<db>/Dockerfile}, relative to the tree's root. */
  public static String dockerfile(Service database) {
    return MigrationsDockerfile.path(database);
  }

  /** {@code database}'s folder of migrations, relative to the spec's folder. */
  public static String folder(Service database) {
    return ((Database) database).migrations().orElseThrow();
  }

  /** The JDBC URL of {@code database} at {@code host:port}: {@code jdbc:postgresql://db:5432/shop}. */
  public static String jdbcUrl(Service database, String host, int port) {
    String scheme = database instanceof MySql m ? (m.flavour() == MySql.Flavour.MARIADB ? "mariadb" : "mysql") : "postgresql";
    String name = database instanceof MySql m ? m.database() : ((Postgres) database).database();
    return "jdbc:" + scheme + "://" + host + ":" + port + "/" + name;
  }

  /**
   * The variables every run of {@code database}'s migrations gets besides the connection, in this order. On PostgreSQL:
   * {@code FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false}, Flyway's documented switch from its default lock (an advisory
   * lock held by an open transaction) to a session lock. With the default, a migration that cannot run in a
   * transaction and waits for the other transactions to end ({@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX
   * CONCURRENTLY}, {@code REINDEX … CONCURRENTLY}) waits for Flyway's own lock and never finishes; with the session
   * lock it runs as psql would run it. With a declared {@link dev.parity.core.MigrationBaseline}, on every engine:
   * {@code FLYWAY_BASELINE_ON_MIGRATE=true}, {@code FLYWAY_BASELINE_VERSION} and {@code FLYWAY_BASELINE_DESCRIPTION}
   * (Flyway's environment variables for {@code baselineOnMigrate}, {@code baselineVersion} and
   * {@code baselineDescription}).
   */
  public static java.util.Map<String, String> runSettings(Service database) {
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
    if (database instanceof Postgres) {
      settings.put(POSTGRES_TRANSACTIONAL_LOCK, "false");
    }
    FlywayToml.baseline(database).forEach((key, value) -> settings.put(MigrationsDockerfile.variable(key),
        String.valueOf(value)));
    return java.util.Collections.unmodifiableMap(settings);
  }

  /** The variable behind Flyway's {@code postgresql.transactional.lock} setting. */
  public static final String POSTGRES_TRANSACTIONAL_LOCK = "FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK";

  /** The user the migrations connect as. */
  public static String user(Service database) {
    return database instanceof MySql m ? m.user() : ((Postgres) database).user();
  }

  /** The secret config key that holds {@code database}'s password, if it has one. */
  public static Optional<String> passwordKey(Service database) {
    return database instanceof MySql m ? m.passwordKey() : ((Postgres) database).passwordKey();
  }
}
