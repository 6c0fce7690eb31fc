package dev.parity.core;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks config keys: names, duplicates, secrets, and that each value fits the key's type. */
final class ConfigChecks {

  private static final Pattern ENV_VAR = Pattern.compile("[A-Z][A-Z0-9_]*");
  /**
   * The variables docker-compose reads from the {@code .env} beside {@code docker-compose.yml} as its own
   * settings, where Parity writes secret keys ({@code local/.env}) and lists the others ({@code .env.example}):
   * every {@code COMPOSE_*} name (Compose's "Pre-defined environment variables": {@code COMPOSE_FILE},
   * {@code COMPOSE_PROJECT_NAME}, {@code COMPOSE_PROFILES}, …) and the Docker client's {@code DOCKER_HOST},
   * {@code DOCKER_CONTEXT}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code DOCKER_DEFAULT_PLATFORM}
   * and {@code DOCKER_BUILDKIT}. docker-compose 1.29 given {@code COMPOSE_FILE=<value>} in {@code .env} opens
   * that value as its file and prints it in the error.
   */
  private static final java.util.Set<String> COMPOSE_SETTINGS = java.util.Set.of("DOCKER_HOST", "DOCKER_CONTEXT",
      "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_DEFAULT_PLATFORM", "DOCKER_BUILDKIT");

  private final ValidationContext context;

  ConfigChecks(ValidationContext context) {
    this.context = context;
  }

  void check() {
    context.stack().config().forEach(this::checkConfigKey);
    checkUsage();
  }

  /**
   * Each app names the keys it reads, so that it receives those and no others: a name that is not
   * declared is a typo, and a declared key nobody reads is dead config or a forgotten
   * {@code uses}. A stack without apps (its app runs outside, from the IDE or tests) hands every
   * key to the env file {@code parity up} writes, so its keys need no user.
   */
  private void checkUsage() {
    Stack stack = context.stack();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Service service : context.uniqueServices()) {
      used.addAll(stack.keysUsedBy(service));
      if (service instanceof App app) {
        app.uses().stream().distinct().forEach(k -> context.references().check("service '" + app.name() + "'", k,
            context.keys().keySet(), "uses config key '" + k + "', which is not declared",
            "declare .config(ConfigKey.string(\"" + k + "\")) or remove \"" + k + "\" from its uses(…)"));
      }
    }
    if (stack.apps().isEmpty()) {
      return;
    }
    String apps = String.join(", ", stack.apps().stream().map(a -> "'" + a.name() + "'").toList());
    context.keys().keySet().stream().filter(k -> !used.contains(k)).forEach(k -> context.problem(
        "config key '" + k + "'", "is used by no service, so no app would receive it",
        "add \"" + k + "\" to .uses(…) of the app that reads it (" + apps + "), or remove the key"));
  }

  private void checkConfigKey(ConfigKey key) {
    String name = key.name();
    String element = "config key '" + name + "'";
    if (context.keys().putIfAbsent(name, key) != null) {
      context.problem(element, "is declared more than once", "declare each key once");
      return;
    }
    if (!ENV_VAR.matcher(name).matches()) {
      context.problem(element, "is not a valid environment variable name",
          "use upper-case letters, digits and underscores, starting with a letter, e.g. '"
              + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_").replaceAll("^[^A-Z]+", "") + "'");
    } else if (name.startsWith("COMPOSE_") || COMPOSE_SETTINGS.contains(name)) {
      context.problem(element, "is a variable docker-compose reads from local/.env as its own setting, so the local"
              + " stack would change instead of the app receiving it",
          "rename the key, e.g. '" + context.stack().name().toUpperCase(Locale.ROOT).replace('-', '_') + "_" + name + "'");
    }
    ConfigValue value = key.value().orElse(null);
    if (key.secret()) {
      if (value != null) {
        context.problem(element, "is secret but has a value in the spec (not shown)",
            "remove the value and give each remote environment .secret(\"" + name + "\", SecretRef.awsParameter(\"/…\"))");
      }
      return;
    }
    if (value instanceof ConfigValue.Literal && ValidationContext.SECRET_LIKE.matcher(name).matches()) {
      context.problem(element, "looks like a secret but is given a literal value (not shown)",
          "declare it with ConfigKey.secret(\"" + name + "\") and give each remote environment a SecretRef");
      return;
    }
    if (value instanceof ConfigValue.Literal literal && LiteralCredentials.find(literal.value()).isPresent()) {
      context.problem(element, "default value is " + LiteralCredentials.find(literal.value()).get() + " (not shown)",
          LiteralCredentials.fix(name));
      return;
    }
    if (value != null) {
      checkValue(element, key, value);
    } else if (key.required() && !key.isPerEnvironment()) {
      context.problem(element, "is required but has no value, and environments may not set one",
          "give it .defaultValue(…), mark it .perEnvironment(), or mark it .optional()");
    }
  }

  /** Checks a value given to {@code key}, in the spec or by an environment: its type, or the service it refers to. */
  void checkValue(String element, ConfigKey key, ConfigValue value) {
    if (value instanceof ConfigValue.Literal literal) {
      if (!key.type().accepts(literal.value())) {
        context.problem(element, "value '" + literal.value() + "' is not " + article(key.type()), typeFix(key.type()));
      }
      return;
    }
    ConfigValue.ServiceAddress ref = (ConfigValue.ServiceAddress) value;
    if (!context.references().checkService(element, ref.service(),
        "refers to " + ref + ", but no service '" + ref.service() + "' is declared", "refer to one of: " + context.serviceList())) {
      return;
    }
    Service service = context.stack().service(ref.service()).orElseThrow();
    boolean sql = service instanceof Postgres || service instanceof MySql;
    if ((ref.part() == ConfigValue.ServiceAddress.Part.DATABASE || ref.part() == ConfigValue.ServiceAddress.Part.USER
        || ref.part() == ConfigValue.ServiceAddress.Part.JDBC_URL) && !sql) {
      List<String> databases = context.uniqueServices().stream().filter(s -> s instanceof Postgres || s instanceof MySql)
          .map(Service::name).toList();
      context.problem(element, "refers to " + ref + ", but service '" + ref.service() + "' (" + service.kindLabel()
          + ") is not a PostgreSQL or MySQL/MariaDB database", databases.isEmpty()
              ? "give the key a literal value, e.g. .defaultValue(\"app\")"
              : "refer to one of: " + String.join(", ", databases));
      return;
    }
    ConfigType produced = switch (ref.part()) {
      case HOST -> ConfigType.STRING;
      case PORT -> ConfigType.INT;
      case URL, JDBC_URL -> ConfigType.URL;
      case DATABASE, USER -> ConfigType.STRING;
    };
    if (key.type() != ConfigType.STRING && key.type() != produced) {
      context.problem(element, ref + " gives " + article(produced) + ", but the key is " + article(key.type()),
          "declare the key as ConfigKey." + factoryName(produced) + "(\"" + key.name() + "\")");
    }
  }

  /** The {@link ConfigKey} factory method that declares a key of {@code type}. */
  static String factoryName(ConfigType type) {
    return switch (type) {
      case INT -> "integer";
      case BOOL -> "bool";
      case URL -> "url";
      case STRING -> "string";
    };
  }

  private static String article(ConfigType type) {
    return (type == ConfigType.INT ? "an " : "a ") + type.label();
  }

  private static String typeFix(ConfigType type) {
    return switch (type) {
      case INT -> "give a whole number such as 5432";
      case BOOL -> "give true or false";
      case URL -> "give an absolute URL such as https://example.com/path";
      case STRING -> "give a string";
    };
  }
}
