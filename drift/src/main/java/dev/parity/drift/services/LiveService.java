package dev.parity.drift.services;

import java.util.Objects;

/**
 * One declared service of an environment and where its live server answers.
 *
 * @param service the service name of the spec, for example {@code db}
 * @param engine the engine as the spec declares it: {@code postgres}, {@code mysql}, {@code mariadb} or {@code redis}
 * @param declared the version the spec declares, for example {@code 14.9}
 * @param address a JDBC URL for PostgreSQL, MySQL and MariaDB; {@code host:port} for Redis
 * @param user the user for SQL engines, or {@code null} to take it from the URL; for Redis the ACL user
 *     {@code AUTH} names (Redis 6 and later), or {@code null} for the {@code default} user
 * @param password the password, or {@code null} for none (Redis then sends no {@code AUTH})
 * @param credentials how the caller gives this service's user and password, for the message when the server
 *     refuses or asks for them, for example {@code pass --password-env cache=<VAR>}; {@code null} for none
 */
public record LiveService(String service, String engine, String declared, String address, String user,
    String password, String credentials) {

  public LiveService {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(address, "address");
  }

  /** A service without a hint on how its credentials are given. */
  public LiveService(String service, String engine, String declared, String address, String user, String password) {
    this(service, engine, declared, address, user, password, null);
  }

  /** How reports name the engine: PostgreSQL, MySQL, MariaDB, Redis. */
  public String engineLabel() {
    return switch (engine) {
      case "postgres" -> "PostgreSQL";
      case "mysql" -> "MySQL";
      case "mariadb" -> "MariaDB";
      case "redis" -> "Redis";
      default -> engine;
    };
  }

  /** The address as reports print it: a JDBC URL without its password, or {@code host:port}. */
  public String where() {
    return address.startsWith("jdbc:") ? dev.parity.drift.schema.Jdbc.mask(address) : address;
  }
}
