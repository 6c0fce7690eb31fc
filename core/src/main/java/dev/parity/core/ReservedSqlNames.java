package dev.parity.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a database server keeps for itself, where Parity passes a spec's name (or the service name it defaults to)
 * to the image and to Flyway: {@code POSTGRES_USER}/{@code POSTGRES_DB}, {@code MYSQL_USER}/{@code MYSQL_DATABASE},
 * Flyway's {@code schemas}.
 *
 * <ul>
 *   <li>PostgreSQL user: names starting with {@code pg_} are reserved for system roles ("Role names beginning with
 *       pg_ are reserved", PostgreSQL's "Predefined Roles"; {@code initdb} refuses such a superuser name and
 *       {@code CREATE ROLE} answers {@code role name "pg_app" is reserved}); {@code public} and {@code none} are
 *       reserved role names ({@code CREATE ROLE public} answers {@code role name "public" is reserved}), and
 *       {@code GRANT … TO public} means every role.</li>
 *   <li>PostgreSQL schema: names starting with {@code pg_} are the system's ({@code CREATE SCHEMA} answers
 *       {@code unacceptable schema name}), {@code information_schema} is the SQL standard's views.</li>
 *   <li>PostgreSQL database: {@code template0} accepts no connections and {@code template1} is copied into every
 *       new database ("Template Databases").</li>
 *   <li>MySQL/MariaDB database: {@code mysql}, {@code information_schema}, {@code performance_schema} and
 *       {@code sys} are the server's own; the image's {@code CREATE DATABASE IF NOT EXISTS} then succeeds
 *       silently and the migrations write into the system schema, or are denied.</li>
 *   <li>MySQL/MariaDB user: {@code root}, which the images refuse as {@code MYSQL_USER} ("MYSQL_USER and
 *       MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user").</li>
 * </ul>
 */
final class ReservedSqlNames {

  /** One reserved name found: the message and the fix of its problem. */
  record Reserved(String message, String fix) {
  }

  private static final Set<String> POSTGRES_ROLES = Set.of("public", "none");
  private static final Set<String> POSTGRES_TEMPLATES = Set.of("template0", "template1");
  private static final Set<String> MYSQL_SYSTEM_DATABASES = Set.of("mysql", "information_schema",
      "performance_schema", "sys");

  private ReservedSqlNames() {
  }

  static List<Reserved> postgres(Postgres db) {
    List<Reserved> found = new ArrayList<>();
    String user = db.user();
    if (user != null && (user.startsWith("pg_") || POSTGRES_ROLES.contains(user.toLowerCase(Locale.ROOT)))) {
      found.add(new Reserved("user name '" + user + "' is a role name PostgreSQL reserves (" + (user.startsWith("pg_")
          ? "names starting with 'pg_' are its predefined roles; initdb refuses it" : "'" + user + "' means every role")
          + ")" + defaulted(user, db.name()), "name the user: .user(\"" + rename(user, "app") + "\")"));
    }
    String schema = db.schema();
    if (schema != null && (schema.startsWith("pg_") || schema.equalsIgnoreCase("information_schema"))) {
      found.add(new Reserved("schema name '" + schema + "' is a system schema of PostgreSQL (" + (schema.startsWith("pg_")
          ? "the prefix 'pg_' is reserved; CREATE SCHEMA refuses it" : "the SQL standard's catalog views") + ")",
          "migrate another schema: .schema(\"" + rename(schema, "app") + "\"), or leave the default 'public'"));
    }
    String database = db.database();
    if (database != null && POSTGRES_TEMPLATES.contains(database.toLowerCase(Locale.ROOT))) {
      found.add(new Reserved("database name '" + database + "' is a template database of PostgreSQL ("
          + (database.equalsIgnoreCase("template0") ? "it accepts no connections" : "it is copied into every new database")
          + ")" + defaulted(database, db.name()), "name the database: .database(\"" + rename(db.name(), "app") + "\")"));
    }
    return found;
  }

  static List<Reserved> mysql(MySql db) {
    List<Reserved> found = new ArrayList<>();
    String database = db.database();
    if (database != null && MYSQL_SYSTEM_DATABASES.contains(database.toLowerCase(Locale.ROOT))) {
      found.add(new Reserved("database name '" + database + "' is a system database of the server, so the"
          + " migrations would write into it" + defaulted(database, db.name()),
          "name the database: .database(\"" + rename(database, "app") + "\")"));
    }
    String user = db.user();
    if ("root".equalsIgnoreCase(user)) {
      found.add(new Reserved("user name '" + user + "' is the server's root account, which the image refuses as"
          + " MYSQL_USER" + defaulted(user, db.name()), "name a regular user: .user(\"app\"), and .rootPassword(…)"
          + " for the root account"));
    }
    return found;
  }

  /** Says that {@code value} came from the service name, where it did. */
  private static String defaulted(String value, String serviceName) {
    return value.equals(SqlNames.fromServiceName(serviceName)) ? ", the default taken from the service name" : "";
  }

  /** {@code value} without a leading {@code pg_}, or {@code fallback} where nothing remains that is not reserved. */
  private static String rename(String value, String fallback) {
    String rest = SqlNames.fromServiceName(value).replaceFirst("^pg_", "");
    boolean reserved = rest.isEmpty() || POSTGRES_ROLES.contains(rest) || POSTGRES_TEMPLATES.contains(rest)
        || MYSQL_SYSTEM_DATABASES.contains(rest) || rest.equals("root") || rest.equals("information_schema");
    return reserved ? fallback : rest;
  }
}
