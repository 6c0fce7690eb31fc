package dev.parity.core;

/**
 * The value of a config key: a literal, or a reference to a service that every environment
 * resolves to its own address (the compose service name locally, the declared endpoint remotely).
 *
 * <pre>{@code
 * ConfigKey.string("DB_HOST").value(ConfigValue.hostOf("db"));
 * ConfigKey.url("REDIS_URL").value(ConfigValue.urlOf("cache"));   // redis://cache:6379 locally
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
