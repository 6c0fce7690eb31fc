package dev.parity.generate.flyway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.MigrationBaseline;
import dev.parity.core.MigrationPlaceholders;
import dev.parity.core.ErrorCode;
import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code flyway.toml} of one database: an {@code [environments.<env>]} table per environment
 * (JDBC URL, user, schemas, the password by reference to an environment variable; no password
 * at all for a local-only database that trusts local connections, never an empty one) and a
 * {@code [flyway]} table with the migrations location and safety settings, placeholder replacement off
 * unless the spec declares placeholders (then a {@code [flyway.placeholders]} table holds them), and
 * {@code baselineOnMigrate}/{@code baselineVersion}/{@code baselineDescription} when it declares a baseline. Every key and value
 * is written by Jackson's TOML mapper; only the table headers are joined here, because the mapper
 * writes nested tables as dotted keys, which no one writes by hand.
 */
final class FlywayToml {

  private static final TomlMapper TOML = new TomlMapper();

  private FlywayToml() {
  }

  /**
   * The tables of {@code database}'s configuration, in file order, keyed by their header.
   *
   * @param location the migrations folder relative to the folder of the TOML file
   */
  static Map<String, Map<String, Object>> tables(Stack stack, Service database, String location) {
    Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
    for (Environment env : stack.environments()) {
      Map<String, Object> connection = new LinkedHashMap<>();
      connection.put("url", jdbcUrl(env, database));
      connection.put("user", user(database));
      Optional<String> passwordKey = passwordKey(database);
      if (passwordKey.isPresent()) {
        connection.put("password", "${env." + passwordKey.get() + "}");
      } else if (!env.isLocal()) {
        // The spec refuses this; never hand a deployed database an empty password.
        throw new ParityException(ErrorCode.INVALID_SPEC, "database '" + database.name() + "' has no password, so its"
            + " migrations cannot run in environment '" + env.name() + "': add .password(\"<SECRET_KEY>\") to '"
            + database.name() + "'");
      }
      if (database instanceof Postgres p) {
        connection.put("schemas", List.of(p.schema()));
      }
      tables.put(key("environments", env.name()), connection);
    }
    Map<String, Object> flyway = new LinkedHashMap<>();
    flyway.put("locations", List.of("filesystem:" + location));
    flyway.put("failOnMissingLocations", true);
    flyway.put("validateMigrationNaming", true);
    flyway.put("validateOnMigrate", true);
    flyway.put("cleanDisabled", true);
    // Migrations are applied as written (a literal ${...} included) unless the spec declares placeholders.
    MigrationPlaceholders placeholders = ((Database) database).placeholders();
    flyway.put("placeholderReplacement", placeholders.replacement());
    flyway.putAll(baseline(database));
    tables.put("flyway", flyway);
    if (placeholders.replacement()) {
      tables.put(key("flyway", "placeholders"), new LinkedHashMap<>(placeholders.values()));
    }
    if (database instanceof Postgres) {
      // Flyway's postgresql.transactional.lock: a session lock, so that CREATE INDEX CONCURRENTLY and the other
      // statements that wait for every open transaction do not wait for Flyway's own (see Migrations.runSettings).
      Map<String, Object> transactional = new LinkedHashMap<>();
      transactional.put("lock", false);
      tables.put("flyway.postgresql.transactional", transactional);
    }
    return tables;
  }

  /**
   * Flyway's {@code baselineOnMigrate}, {@code baselineVersion} and {@code baselineDescription} of {@code database}'s
   * declared {@link MigrationBaseline}, in that order; none without one, so Flyway keeps its defaults.
   */
  static Map<String, Object> baseline(Service database) {
    MigrationBaseline baseline = ((Database) database).baseline();
    Map<String, Object> settings = new LinkedHashMap<>();
    if (baseline.onMigrate()) {
      settings.put("baselineOnMigrate", true);
      settings.put("baselineVersion", baseline.version().orElseThrow());
      settings.put("baselineDescription", baseline.description().orElseThrow());
    }
    return settings;
  }

  /** The tables as TOML text, a blank line between them. */
  static String write(Map<String, Map<String, Object>> tables) {
    StringBuilder out = new StringBuilder();
    tables.forEach((header, values) -> {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append('[').append(header).append("]\n").append(toml(values));
    });
    return out.toString();
  }

  /**
   * The JDBC URL of {@code database} in {@code env}: on localhost at the published port locally,
   * at the environment's endpoint and the engine's port remotely.
   */
  static String jdbcUrl(Environment env, Service database) {
    String host;
    int port;
    if (env.isLocal()) {
      host = "localhost";
      port = database.hostPort().orElse(database.containerPort());
    } else {
      host = env.endpoints().get(database.name());
      port = database.containerPort();
      if (host == null) {
        throw new ParityException(ErrorCode.INVALID_SPEC, "environment '" + env.name() + "' declares no endpoint for"
            + " database '" + database.name() + "', so its migrations cannot run there: add .endpoint(\""
            + database.name() + "\", \"<host>\") to Environment.remote(\"" + env.name() + "\")");
      }
    }
    return Migrations.jdbcUrl(database, host, port);
  }

  private static String user(Service database) {
    return database instanceof MySql m ? m.user() : ((Postgres) database).user();
  }

  /** The environment variable that holds {@code database}'s password, if it has one. */
  static Optional<String> passwordKey(Service database) {
    return database instanceof MySql m ? m.passwordKey() : ((Postgres) database).passwordKey();
  }

  /** A dotted table name whose last part is written as TOML writes a key: bare when it can be. */
  private static String key(String parent, String child) {
    String line = toml(Map.of(child, 0));
    return parent + "." + line.substring(0, line.length() - " = 0\n".length());
  }

  private static String toml(Map<String, ?> values) {
    try {
      return TOML.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings, booleans and lists always serialize", e);
    }
  }
}
