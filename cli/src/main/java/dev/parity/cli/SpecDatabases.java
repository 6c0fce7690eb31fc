package dev.parity.cli;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.List;
import java.util.stream.Collectors;

/** The database services of a spec that schema drift can compare, and how to reach them. */
final class SpecDatabases {

  private SpecDatabases() {
  }

  /** The PostgreSQL and MySQL/MariaDB services with migrations, in the spec's order. */
  static List<Database> migrated(Stack stack) {
    return stack.services().stream()
        .filter(s -> s instanceof Postgres || s instanceof MySql)
        .map(Database.class::cast)
        .filter(d -> d.migrations().isPresent())
        .toList();
  }

  /** The database named {@code service}, or the only one with migrations. */
  static Database pick(Stack stack, String service) {
    List<Database> candidates = migrated(stack);
    if (service != null) {
      return candidates.stream().filter(d -> ((Service) d).name().equals(service)).findFirst()
          .orElseThrow(() -> new ParityException(ErrorCode.USAGE, "--service '" + service + "' is not a PostgreSQL"
              + " or MySQL/MariaDB service with migrations in stack '" + stack.name() + "'; candidates: "
              + names(candidates)));
    }
    if (candidates.size() != 1) {
      throw new ParityException(ErrorCode.USAGE, candidates.isEmpty()
          ? "stack '" + stack.name() + "' has no PostgreSQL or MySQL/MariaDB service with .migrations(...);"
              + " declare the migrations folder, or compare two databases with --from and --to"
          : "stack '" + stack.name() + "' has " + candidates.size() + " databases with migrations ("
              + names(candidates) + "); pick one with --service");
    }
    return candidates.get(0);
  }

  /** The JDBC URL of {@code database} in {@code environment}: its declared endpoint, or its name locally. */
  static String url(Stack stack, Environment environment, Database database) {
    Service service = (Service) database;
    String host = stack.addresses(environment).host(service);
    if (host == null) {
      throw new ParityException(ErrorCode.USAGE, "environment '" + environment.name() + "' declares no endpoint for"
          + " '" + service.name() + "'; pass --to <jdbc-url>, or declare .endpoint(\"" + service.name() + "\", host)");
    }
    return url(database, host + ":" + service.containerPort());
  }

  /** The JDBC URL of {@code database} at {@code hostPort}, for example {@code jdbc:postgresql://h:5432/shop}. */
  static String url(Database database, String hostPort) {
    String scheme = database instanceof Postgres ? "postgresql" : "mariadb";
    return "jdbc:" + scheme + "://" + hostPort + "/" + name(database);
  }

  static String user(Database database) {
    return database instanceof Postgres p ? p.user() : ((MySql) database).user();
  }

  static String passwordKey(Database database) {
    return (database instanceof Postgres p ? p.passwordKey() : ((MySql) database).passwordKey()).orElse(null);
  }

  /** The schema to compare: the spec's for PostgreSQL; the connection's database for MySQL. */
  static String schema(Database database) {
    return database instanceof Postgres p ? p.schema() : null;
  }

  private static String name(Database database) {
    return database instanceof Postgres p ? p.database() : ((MySql) database).database();
  }

  private static String names(List<Database> databases) {
    return databases.isEmpty() ? "none" : databases.stream().map(d -> ((Service) d).name())
        .collect(Collectors.joining(", "));
  }
}
