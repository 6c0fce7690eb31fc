package dev.parity.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Checks services: names, ports, dependencies and their cycles, host port clashes, and each kind's settings. */
final class ServiceChecks {

  private static final Pattern CONTAINER_ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?");
  private static final Pattern REPOSITORY = Pattern.compile(
      "([a-z0-9]+([.-][a-z0-9]+)*(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  private static final Pattern DRIVE_PATH = Pattern.compile("[A-Za-z]:.*");
  private static final String MIGRATIONS_FIX = ".migrations(\"db/migrations\")";

  private final ValidationContext context;
  private final ImageChecks images;
  private final Set<String> serviceNames = new LinkedHashSet<>();

  ServiceChecks(ValidationContext context, ImageChecks images) {
    this.context = context;
    this.images = images;
  }

  void check() {
    context.stack().services().forEach(this::checkService);
    checkHostPorts();
    checkCycles();
  }

  private void checkService(Service service) {
    String name = service.name();
    String element = "service '" + name + "'";
    if (!serviceNames.add(name)) {
      context.problem(element, "is declared more than once", "give each service its own name");
      return;
    }
    context.checkName(element, "name", name, "\"" + ValidationContext.suggestName(name, "web") + "\"");
    checkPort(element, "port", service.containerPort());
    // An app publishes its container port unless told otherwise: one bad port, one problem.
    service.hostPort().filter(p -> p != service.containerPort()).ifPresent(p -> checkPort(element, "host port", p));
    for (String dependency : service.dependsOn()) {
      if (dependency.equals(name)) {
        context.problem(element, "depends on itself", "remove \"" + name + "\" from its dependsOn(…)");
      } else if (context.stack().service(dependency).isEmpty()) {
        List<String> others = context.allServiceNames().stream().filter(n -> !n.equals(name)).toList();
        context.problem(element, "depends on '" + dependency + "', which is not declared",
            "declare a service '" + dependency + "'" + (others.isEmpty() ? "" : " or depend on one of: "
                + String.join(", ", others)));
      }
    }
    if (service instanceof App app) {
      checkApp(element, app);
    } else if (service instanceof Container container) {
      checkContainer(element, container);
    } else {
      checkDatabase(element, (Database) service);
    }
  }

  private void checkPort(String element, String what, int port) {
    if (port < 1 || port > 65535) {
      context.problem(element, what + " " + port + " is out of range", "use a port between 1 and 65535");
    }
  }

  private void checkApp(String element, App app) {
    app.baseImageReference().ifPresent(image -> images.checkImage(element, image));
    checkRelativePath(element, "source folder", app.source(), ".source(\"app\")");
    if (app.buildKind() == BuildKind.JVM_JAR) {
      String jarFix = ".jar(\"target/" + app.name() + ".jar\")";
      if (app.jar().isEmpty()) {
        context.problem(element, "declares no jar to run", jarFix);
      } else {
        checkRelativePath(element, "jar", app.jar().get(), jarFix);
      }
    }
    if (app.buildKind() != BuildKind.DOCKERFILE && app.command().isEmpty() || app.command().stream().anyMatch(String::isBlank)) {
      context.problem(element, "has an empty start command or argument",
          app.buildKind() == BuildKind.NODE_NPM ? ".start(\"node\", \"server.js\")" : ".start(\"java\", \"-jar\", \"/app/app.jar\")");
    }
    app.user().ifPresent(user -> checkUser(element, user));
    app.imageRepository().ifPresent(repo -> {
      if (!REPOSITORY.matcher(repo).matches() || repo.contains(":") && !repo.contains("/")) {
        context.problem(element, "image repository '" + repo + "' is not valid (no tag, lower-case)",
            ".imageRepository(\"ghcr.io/acme/" + context.stack().name() + "-" + app.name() + "\")");
      }
    });
    app.healthPath().ifPresent(path -> {
      if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '\\')) {
        context.problem(element, "health path '" + path + "' is not an absolute URL path", ".healthPath(\"/health\")");
      }
    });
  }

  /** Refuses root and malformed users, of an app's {@code USER} or any service's {@code user:}. */
  private void checkUser(String element, String user) {
    if (user.isBlank() || user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
      context.problem(element, "runs as root (user '" + user + "')",
          ".user(\"node\") or a numeric non-root user such as .user(\"" + App.JVM_DEFAULT_USER + "\")");
    } else if (!USER.matcher(user).matches()) {
      context.problem(element, "user '" + user + "' is not a valid user or uid:gid", ".user(\"" + App.JVM_DEFAULT_USER + "\")");
    }
  }

  private void checkContainer(String element, Container container) {
    images.checkImage(element, container.imageReference());
    Set<String> variables = container.options().env().keySet();
    variables.stream().filter(k -> !CONTAINER_ENV_VAR.matcher(k).matches())
        .forEach(k -> context.problem(element, "environment variable name '" + k + "' is not valid",
            "use letters, digits and underscores, not starting with a digit"));
    variables.stream().filter(k -> ValidationContext.SECRET_LIKE.matcher(k.toUpperCase(Locale.ROOT)).matches())
        .forEach(k -> context.problem(element, "sets '" + k + "', which looks like a secret, to a literal value (not shown)",
            "keep secrets out of the spec: use an app service whose config declares ConfigKey.secret(\"" + k + "\")"));
  }

  private void checkRelativePath(String element, String what, String path, String fix) {
    boolean escapes = path.isBlank() || path.startsWith("/") || path.contains("\\") || DRIVE_PATH.matcher(path).matches()
        || List.of(path.split("/")).contains("..") || path.chars().anyMatch(c -> c < ' ');
    if (escapes) {
      context.problem(element, what + " '" + path + "' must be a relative path inside the spec's folder", fix);
    }
  }

  private void checkDatabase(String element, Database db) {
    images.checkDatabaseImage(element, db);
    if (db instanceof Postgres p) {
      checkSqlName(element, "database", p.database());
      checkSqlName(element, "user", p.user());
      checkSqlName(element, "schema", p.schema());
      checkMigrationsAndPassword(element, p.migrations(), p.passwordKey());
    } else if (db instanceof MySql m) {
      checkSqlName(element, "database", m.database());
      checkSqlName(element, "user", m.user());
      checkMigrationsAndPassword(element, m.migrations(), m.passwordKey());
    }
  }

  private void checkSqlName(String element, String what, String value) {
    if (value == null || !SQL_NAME.matcher(value).matches()) {
      context.problem(element, what + " name '" + value + "' is not a valid SQL identifier",
          "use letters, digits and underscores, starting with a letter, at most 63 characters");
    }
  }

  private void checkMigrationsAndPassword(String element, Optional<String> migrations, Optional<String> passwordKey) {
    migrations.ifPresent(m -> checkRelativePath(element, "migrations folder", m, MIGRATIONS_FIX));
    passwordKey.ifPresent(k -> checkPasswordKey(element, k));
  }

  private void checkPasswordKey(String element, String key) {
    // Config keys are checked after services, so look the key up in the declarations.
    ConfigKey configKey = context.stack().config().stream().filter(k -> k.name().equals(key)).findFirst().orElse(null);
    if (configKey == null) {
      context.problem(element, "takes its password from '" + key + "', which is not a config key",
          "declare .config(ConfigKey.secret(\"" + key + "\"))");
    } else if (!configKey.secret()) {
      context.problem(element, "takes its password from '" + key + "', which is not secret",
          "declare it with ConfigKey.secret(\"" + key + "\")");
    }
  }

  private void checkHostPorts() {
    Map<Integer, List<String>> byPort = new TreeMap<>();
    for (Service s : context.uniqueServices()) {
      s.hostPort().ifPresent(p -> byPort.computeIfAbsent(p, x -> new ArrayList<>()).add(s.name()));
    }
    byPort.forEach((port, names) -> {
      if (names.size() > 1) {
        boolean two = names.size() == 2;
        context.problem("services '" + String.join("', '", names) + "'",
            (two ? "both" : "all") + " publish host port " + port + " in the local stack",
            "give " + (two ? "one" : "all but one") + " of them another port, e.g. .hostPort(" + (port + 1)
                + ") on '" + names.get(names.size() - 1) + "'");
      }
    });
  }

  private void checkCycles() {
    Map<String, Integer> state = new HashMap<>();
    for (Service s : context.uniqueServices()) {
      findCycle(s.name(), state, new ArrayList<>());
    }
  }

  private void findCycle(String name, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(name);
    if (seen != null && seen == 2) {
      return;
    }
    if (seen != null && seen == 1) {
      if (path.get(path.size() - 1).equals(name)) {
        return; // a service that depends on itself is reported with the service
      }
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      context.problem("services " + String.join(" -> ", cycle.stream().map(n -> "'" + n + "'").toList()),
          "depend on each other in a cycle, so none of them can start first",
          "remove one of these dependsOn(…) links");
      return;
    }
    Service service = context.stack().service(name).orElse(null);
    if (service == null) {
      return;
    }
    state.put(name, 1);
    path.add(name);
    for (String dependency : service.dependsOn()) {
      findCycle(dependency, state, path);
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
  }
}
