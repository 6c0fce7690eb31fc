package dev.parity.adopt;

import java.util.Map;
import java.util.Optional;

/**
 * The settings of the official database images, taken from a service's environment into the DSL's
 * own calls: {@code POSTGRES_DB/USER/PASSWORD[_FILE]/HOST_AUTH_METHOD} and
 * {@code MYSQL_*} / {@code MARIADB_*} {@code DATABASE/USER/PASSWORD/ROOT_PASSWORD[_FILE]}. What the
 * image would default is written out where Parity's default differs (PostgreSQL's user
 * {@code postgres}, its database named after the user), so the imported database keeps its names.
 */
final class DatabaseImporter {

  private final ImportContext ctx;

  DatabaseImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** Consumes the image's variables from {@code env}; the calls go on {@code chain}. */
  void apply(String engine, String name, Map<String, ServiceEnvironment.Variable> env, Map<String, String> secretFiles,
      Chain chain) {
    switch (engine) {
      case "postgres" -> postgres(name, env, secretFiles, chain);
      case "mysql", "mariadb" -> mysql(name, env, secretFiles, chain);
      default -> { }
    }
  }

  private void postgres(String name, Map<String, ServiceEnvironment.Variable> env, Map<String, String> files,
      Chain chain) {
    String user = take(env, "POSTGRES_USER").map(v -> literal(name, v, "user", "a database user", chain))
        .orElse("postgres");
    String database = take(env, "POSTGRES_DB").map(v -> literal(name, v, "database", "a database name", chain))
        .orElse(user);
    chain.call("database(" + JavaLiteral.string(database) + ")");
    chain.call("user(" + JavaLiteral.string(user) + ")");
    Optional<String> password = password(name, "POSTGRES_PASSWORD", env, files, chain);
    Optional<ServiceEnvironment.Variable> auth = take(env, "POSTGRES_HOST_AUTH_METHOD");
    if (password.isPresent()) {
      chain.call("password(" + JavaLiteral.string(password.get()) + ")");
    } else {
      if (auth.isEmpty()) {
        chain.comment("The original sets no password; the image then needs trust authentication.");
      }
      chain.call("trustLocalConnections()");
    }
  }

  private void mysql(String name, Map<String, ServiceEnvironment.Variable> env, Map<String, String> files,
      Chain chain) {
    take(env, "MYSQL_DATABASE", "MARIADB_DATABASE").ifPresent(v -> chain.call("database("
        + JavaLiteral.string(literal(name, v, "database", "a database name", chain)) + ")"));
    take(env, "MYSQL_USER", "MARIADB_USER").ifPresent(v -> chain.call("user("
        + JavaLiteral.string(literal(name, v, "user", "a database user", chain)) + ")"));
    Optional<String> password = password(name, prefixed(env, "PASSWORD"), env, files, chain);
    Optional<String> root = password(name + "-root", prefixed(env, "ROOT_PASSWORD"), env, files, chain);
    password.ifPresent(key -> chain.call("password(" + JavaLiteral.string(key) + ")"));
    root.ifPresent(key -> chain.call("rootPassword(" + JavaLiteral.string(key) + ")"));
    boolean empty = take(env, "MYSQL_ALLOW_EMPTY_PASSWORD", "MARIADB_ALLOW_EMPTY_PASSWORD").isPresent();
    take(env, "MYSQL_RANDOM_ROOT_PASSWORD", "MARIADB_RANDOM_ROOT_PASSWORD");
    if (password.isEmpty() && root.isEmpty() && empty) {
      chain.call("allowEmptyPassword()");
    } else if (password.isEmpty() && root.isEmpty()) {
      chain.comment("The original sets no user password; without one the spec must say so (a remote environment needs .password(...)).");
      chain.call("allowEmptyPassword()");
    }
  }

  /** The value of {@code v}, the database's {@code element}; said at the call when it came from .env or the shell. */
  private String literal(String service, ServiceEnvironment.Variable v, String element, String what, Chain chain) {
    ctx.literalFromOutside(v.pointer(), "service '" + service + "' " + element, what, v.raw())
        .ifPresent(chain::comment);
    return v.value();
  }

  /** The MYSQL_ or MARIADB_ name of a setting, whichever the environment uses. */
  private static String prefixed(Map<String, ServiceEnvironment.Variable> env, String setting) {
    return env.containsKey("MARIADB_" + setting) || env.containsKey("MARIADB_" + setting + "_FILE")
        ? "MARIADB_" + setting : "MYSQL_" + setting;
  }

  private static Optional<ServiceEnvironment.Variable> take(Map<String, ServiceEnvironment.Variable> env,
      String... names) {
    for (String name : names) {
      ServiceEnvironment.Variable v = env.remove(name);
      if (v != null && v.value() != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The secret key of a password: given inline (its value goes to local/.env) or as a {@code _FILE}
   * pointing at a compose secret (read through the image's own {@code _FILE} variable).
   */
  private Optional<String> password(String service, String variable, Map<String, ServiceEnvironment.Variable> env,
      Map<String, String> files, Chain chain) {
    ServiceEnvironment.Variable file = env.remove(variable + "_FILE");
    if (file != null && file.value() != null && files.containsKey(file.value())) {
      String key = files.get(file.value());
      chain.optionOnce("secretFile(" + JavaLiteral.string(key) + ")");
      return Optional.of(key);
    }
    ServiceEnvironment.Variable inline = env.remove(variable);
    if (inline == null || inline.value() == null) {
      return Optional.empty();
    }
    Optional<String> named = Interpolation.soleVariable(inline.raw() == null ? "" : inline.raw())
        .map(Secrets::keyName);
    return Optional.of(ctx.secrets.password(ctx.secrets.keyFor(named.orElse(Secrets.keyName(service) + "_PASSWORD"), inline.value(),
        variable + " of service '" + service.replaceFirst("-root$", "") + "'", named.isPresent() || inline.outside())));
  }
}
