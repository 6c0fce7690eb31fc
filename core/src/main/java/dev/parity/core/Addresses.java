package dev.parity.core;

/**
 * Where services are reached in one environment; {@link ConfigValue#hostOf} and its siblings
 * resolve through it. The compose network, a cloud environment's endpoints and a running local
 * stack's mapped ports are each one.
 */
public interface Addresses {

  /** The host name of {@code service}. */
  String host(Service service);

  /** The port of {@code service}. */
  int port(Service service);

  /** The URL of {@code service}, in the scheme of its kind. */
  default String url(Service service) {
    String authority = host(service) + ":" + port(service);
    if (service instanceof Postgres p) {
      return "postgresql://" + authority + "/" + p.database();
    }
    if (service instanceof MySql m) {
      return m.engine() + "://" + authority + "/" + m.database();
    }
    if (service instanceof Redis) {
      return "redis://" + authority;
    }
    return "http://" + authority;
  }

  /**
   * The JDBC URL of the PostgreSQL or MySQL/MariaDB service {@code service}:
   * {@code jdbc:postgresql://host:port/db}, {@code jdbc:mariadb://…} or {@code jdbc:mysql://…} by engine.
   *
   * @throws IllegalArgumentException for any other kind of service (validation refuses such a reference first)
   */
  default String jdbcUrl(Service service) {
    String authority = host(service) + ":" + port(service);
    if (service instanceof Postgres p) {
      return "jdbc:postgresql://" + authority + "/" + p.database();
    }
    if (service instanceof MySql m) {
      return "jdbc:" + m.engine() + "://" + authority + "/" + m.database();
    }
    throw new IllegalArgumentException("service '" + service.name() + "' (" + service.kindLabel()
        + ") has no JDBC URL: it is not a PostgreSQL or MySQL/MariaDB database");
  }
}
