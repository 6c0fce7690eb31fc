package dev.parity.core;

/**
 * The value of a config key: a literal, or a reference to a service that every environment
 * resolves to its own address (the compose service name locally, the declared endpoint remotely).
 *
 * <pre>{@code
 * ConfigKey.string("DB_HOST").value(ConfigValue.hostOf("db"));
 * ConfigKey.url("REDIS_URL").value(ConfigValue.urlOf("cache"));   // redis://cache:6379 locally
 * ConfigKey.url("SPRING_DATASOURCE_URL").value(ConfigValue.jdbcUrlOf("db"));   // jdbc:postgresql://db:5432/shop
 * }</pre>
 */
public sealed interface ConfigValue {

  /** A fixed value. */
  static ConfigValue literal(String value) {
    return new Literal(value);
  }

  /** The host name at which {@code service} is reached in each environment. */
  static ConfigValue hostOf(String service) {
    return new ServiceAddress(service, ServiceAddress.Part.HOST);
  }

  /** The port at which {@code service} is reached in each environment. */
  static ConfigValue portOf(String service) {
    return new ServiceAddress(service, ServiceAddress.Part.PORT);
  }

  /**
   * The URL of {@code service}: {@code postgresql://host:port/db}, {@code mysql://host:port/db},
   * {@code redis://host:port} or {@code http://host:port}.
   */
  static ConfigValue urlOf(String service) {
    return new ServiceAddress(service, ServiceAddress.Part.URL);
  }

  /**
   * The JDBC URL of the PostgreSQL or MySQL/MariaDB service {@code service}, for a JVM app's driver
   * (Spring Boot's {@code SPRING_DATASOURCE_URL}): {@code jdbc:postgresql://host:port/db} for PostgreSQL,
   * {@code jdbc:mariadb://host:port/db} for MariaDB (MariaDB Connector/J's scheme) and
   * {@code jdbc:mysql://host:port/db} for MySQL (Connector/J's). Host and port are those of each
   * environment: the compose or Kubernetes service name and the container port in-network, the
   * declared endpoint remotely, {@code 127.0.0.1} and the published port in the env file
   * {@code parity up} writes. It carries no user or password: give those as
   * {@link #userOf} and a secret key. Naming a service that is not such a database is a validation
   * problem, as is a remote environment without an endpoint for it.
   */
  static ConfigValue jdbcUrlOf(String service) {
    return new ServiceAddress(service, ServiceAddress.Part.JDBC_URL);
  }

  /**
   * The database name of the PostgreSQL or MySQL/MariaDB service {@code service}, so that a
   * {@code DB_NAME} key cannot disagree with the database.
   */
  static ConfigValue databaseOf(String service) {
    return new ServiceAddress(service, ServiceAddress.Part.DATABASE);
  }

  /** The user the apps connect to the PostgreSQL or MySQL/MariaDB service {@code service} as. */
  static ConfigValue userOf(String service) {
    return new ServiceAddress(service, ServiceAddress.Part.USER);
  }

  /** A literal value. */
  record Literal(String value) implements ConfigValue {
    public Literal {
      java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** A part of a service's address (or a database's name or user), resolved per environment. */
  record ServiceAddress(String service, Part part) implements ConfigValue {
    /** Which part of the address. */
    public enum Part {
      HOST("hostOf"),
      PORT("portOf"),
      URL("urlOf"),
      JDBC_URL("jdbcUrlOf"),
      DATABASE("databaseOf"),
      USER("userOf");

      private final String call;

      Part(String call) {
        this.call = call;
      }

      /** The factory method that creates such a reference, for messages. */
      public String call() {
        return call;
      }
    }

    @Override
    public String toString() {
      return part.call() + "(\"" + service + "\")";
    }
  }
}
