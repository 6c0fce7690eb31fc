package dev.parity.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks every rule of a stack and collects all problems, so that a user with five mistakes sees
 * five lines at once. Messages never repeat a secret's value.
 */
final class StackValidator {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final int MAX_NAME = 40;
  private static final Pattern ENV_VAR = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern CONTAINER_ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern KNOB_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern AMI = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
  private static final Pattern DB_CLASS = Pattern.compile("db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
  private static final Pattern HOST = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern REPOSITORY = Pattern.compile(
      "([a-z0-9]+([.-][a-z0-9]+)*(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIALS).*");
  private static final Set<String> RESERVED_VARIABLES = Set.of("environment", "instance_count", "instance_type",
      "ami", "db_instance_class", "hostname", "app_environment", "app_secrets");

  private final Stack stack;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> serviceNames = new LinkedHashSet<>();
  private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
  private final Map<String, Knob> knobs = new LinkedHashMap<>();
  private final Set<String> environmentNames = new LinkedHashSet<>();

  StackValidator(Stack stack) {
    this.stack = stack;
  }

  List<Problem> validate() {
    checkStack();
    stack.services().forEach(this::checkService);
    checkHostPorts();
    checkCycles();
    stack.config().forEach(this::checkConfigKey);
    stack.knobs().forEach(this::checkKnob);
    stack.environments().forEach(this::checkEnvironment);
    stack.deviations().forEach(this::checkDeviation);
    checkVariantImagesAreDeclared();
    return List.copyOf(problems);
  }

  private void problem(String element, String message, String fix) {
    problems.add(new Problem(element, message, fix));
  }

  // ---- stack ----

  private void checkStack() {
    String name = stack.name();
    String element = "stack '" + name + "'";
    checkName(element, "name", name, "Stack.named(\"" + suggestName(name, "shop") + "\")");
    if (stack.services().isEmpty()) {
      problem(element, "declares no service",
          "add one, e.g. .service(App.node(\"web\", \"node:20.11.0-alpine3.19\"))");
    }
    if (stack.environments().isEmpty()) {
      problem(element, "declares no environment",
          "add .environment(Environment.local()) and .environment(Environment.remote(\"staging\")…)");
    }
  }

  private void checkName(String element, String what, String value, String fix) {
    if (value == null || !NAME.matcher(value).matches() || value.length() > MAX_NAME) {
      problem(element, what + " '" + value + "' is not valid: use lower-case letters, digits and single hyphens,"
          + " starting with a letter, at most " + MAX_NAME + " characters", "rename it: " + fix);
    }
  }

  private static String suggestName(String value, String fallback) {
    if (value == null) {
      return fallback;
    }
    String s = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+|-+$", "");
    s = s.length() > MAX_NAME ? s.substring(0, MAX_NAME).replaceAll("-+$", "") : s;
    return s.isEmpty() ? fallback : s;
  }

  // ---- services ----

  private void checkService(Service service) {
    String name = service.name();
    String element = "service '" + name + "'";
    if (!serviceNames.add(name)) {
      problem(element, "is declared more than once", "give each service its own name");
      return;
    }
    checkName(element, "name", name, "\"" + suggestName(name, "web") + "\"");
    checkPort(element, "port", service.containerPort());
    // An app publishes its container port unless told otherwise: one bad port, one problem.
    service.hostPort().filter(p -> p != service.containerPort()).ifPresent(p -> checkPort(element, "host port", p));
    for (String dependency : service.dependsOn()) {
      if (dependency.equals(name)) {
        problem(element, "depends on itself", "remove \"" + name + "\" from its dependsOn(…)");
      } else if (stack.service(dependency).isEmpty()) {
        List<String> others = allServiceNames().stream().filter(n -> !n.equals(name)).toList();
        problem(element, "depends on '" + dependency + "', which is not declared",
            "declare a service '" + dependency + "'" + (others.isEmpty() ? "" : " or depend on one of: "
                + String.join(", ", others)));
      }
    }
    if (service instanceof App app) {
      checkApp(element, app);
    } else if (service instanceof Container container) {
      checkImage(element, container.imageReference());
      container.environment().keySet().stream().filter(k -> !CONTAINER_ENV_VAR.matcher(k).matches())
          .forEach(k -> problem(element, "environment variable name '" + k + "' is not valid",
              "use letters, digits and underscores, not starting with a digit"));
      container.environment().keySet().stream().filter(k -> SECRET_LIKE.matcher(k.toUpperCase(java.util.Locale.ROOT)).matches())
          .forEach(k -> problem(element, "sets '" + k + "', which looks like a secret, to a literal value (not shown)",
              "keep secrets out of the spec: use an app service whose config declares ConfigKey.secret(\"" + k + "\")"));
    } else {
      checkDatabase(element, (Database) service);
    }
  }

  private void checkPort(String element, String what, int port) {
    if (port < 1 || port > 65535) {
      problem(element, what + " " + port + " is out of range", "use a port between 1 and 65535");
    }
  }

  private void checkApp(String element, App app) {
    checkImage(element, app.baseImageReference());
    checkRelativePath(element, "source folder", app.source(), ".source(\"app\")");
    if (app.buildKind() == BuildKind.JVM_JAR) {
      if (app.jar().isEmpty()) {
        problem(element, "declares no jar to run", ".jar(\"target/" + app.name() + ".jar\")");
      } else {
        checkRelativePath(element, "jar", app.jar().get(), ".jar(\"target/" + app.name() + ".jar\")");
      }
    }
    if (app.command().isEmpty() || app.command().stream().anyMatch(String::isBlank)) {
      problem(element, "has an empty start command or argument",
          app.buildKind() == BuildKind.NODE_NPM ? ".start(\"node\", \"server.js\")" : ".start(\"java\", \"-jar\", \"/app/app.jar\")");
    }
    String user = app.user();
    if (user.isBlank() || user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
      problem(element, "runs as root (user '" + user + "')",
          ".user(\"node\") or a numeric non-root user such as .user(\"" + App.JVM_DEFAULT_USER + "\")");
    } else if (!user.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?")) {
      problem(element, "user '" + user + "' is not a valid user or uid:gid", ".user(\"" + App.JVM_DEFAULT_USER + "\")");
    }
    app.imageRepository().ifPresent(repo -> {
      if (!REPOSITORY.matcher(repo).matches() || repo.contains(":") && !repo.contains("/")) {
        problem(element, "image repository '" + repo + "' is not valid (no tag, lower-case)",
            ".imageRepository(\"ghcr.io/acme/" + stack.name() + "-" + app.name() + "\")");
      }
    });
    app.healthPath().ifPresent(path -> {
      if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '\\')) {
        problem(element, "health path '" + path + "' is not an absolute URL path", ".healthPath(\"/health\")");
      }
    });
  }

  private void checkRelativePath(String element, String what, String path, String fix) {
    boolean escapes = path.isBlank() || path.startsWith("/") || path.contains("\\") || path.matches("[A-Za-z]:.*")
        || List.of(path.split("/")).contains("..") || path.chars().anyMatch(c -> c < ' ');
    if (escapes) {
      problem(element, what + " '" + path + "' must be a relative path inside the spec's folder", fix);
    }
  }

  private boolean checkImage(String element, String reference) {
    return checkImage(element, reference, null);
  }

  /**
   * Checks that {@code reference} is valid and pinned; {@code exactVersion}, when known, is the
   * release the fix suggests pinning.
   */
  private boolean checkImage(String element, String reference, String exactVersion) {
    ImageRef image;
    try {
      image = ImageRef.parse(reference);
    } catch (IllegalArgumentException | NullPointerException e) {
      problem(element, "image '" + reference + "' is not a valid image reference",
          "write it as [registry/]name:tag in lower case, e.g. 'node:20.11.0-alpine3.19'");
      return false;
    }
    String example = exactVersion != null ? exactVersion : pinnedTagPattern(image);
    String pinExample = "pin an exact release, e.g. '" + imageName(image) + ":" + example + "', or a digest '"
        + imageName(image) + "@sha256:…'";
    if (image.tag().isEmpty() && image.digest().isEmpty()) {
      problem(element, "image '" + reference + "' has no tag, which means 'latest'", pinExample);
      return false;
    }
    if (image.tag().filter(t -> t.equals("latest")).isPresent() && image.digest().isEmpty()) {
      problem(element, "image '" + reference + "' uses the floating tag 'latest'", pinExample);
      return false;
    }
    if (!image.isPinned()) {
      problem(element, "image '" + reference + "' has the floating tag '" + image.tag().orElse("")
          + "', which moves to newer releases", pinExample);
      return false;
    }
    return true;
  }

  /** The image's registry and repository, without tag or digest. */
  private static String imageName(ImageRef image) {
    return image.registry().map(r -> r + "/").orElse("") + image.repository();
  }

  /**
   * What a pinned tag of {@code image} looks like: its floating tag completed with placeholders,
   * {@code 20.<minor>.<patch>-alpine} for {@code node:20-alpine}.
   */
  private static String pinnedTagPattern(ImageRef image) {
    boolean postgres = image.shortName().equals("postgres") || image.shortName().equals("postgresql");
    String version = image.tagVersion().orElse(null);
    if (version == null) {
      return postgres ? "<major>.<minor>" : "<major>.<minor>.<patch>";
    }
    int parts = version.split("[._]").length;
    int needed = postgres && Integer.parseInt(version.split("[._]")[0]) >= 10 ? 2 : 3;
    StringBuilder tag = new StringBuilder(image.tag().orElseThrow());
    int insertAt = tag.indexOf(version) + version.length();
    String[] placeholders = {".<major>", ".<minor>", ".<patch>"};
    for (int i = parts; i < needed; i++) {
      tag.insert(insertAt, placeholders[i]);
      insertAt += placeholders[i].length();
    }
    return tag.toString();
  }

  private void checkDatabase(String element, Database db) {
    String label = ((Service) db).kindLabel();
    String version = db.version();
    String factory = factoryCall(db);
    String reference = imageReference(db);
    if (version == null || !Versions.isExact(db.engine(), version)) {
      // One mistake, one line: the default image derives from the version, and comparing the
      // image's version with an inexact one would only repeat this problem.
      String example = exampleVersion(db);
      try {
        example = ImageRef.parse(reference).tagVersion().filter(v -> Versions.isExact(db.engine(), v)).orElse(example);
      } catch (IllegalArgumentException | NullPointerException e) {
        // the image is reported below, if it was declared explicitly
      }
      problem(element, "version '" + version + "' is not an exact " + label + " release",
          "declare the full version, e.g. " + factory.replace("VERSION", example));
      if (!java.util.Objects.equals(reference, db.engine() + ":" + version)) {
        checkImage(element, reference, null);
      }
    } else if (checkImage(element, reference, version)) {
      ImageRef image = ImageRef.parse(reference);
      String tagVersion = image.tagVersion().orElse(null);
      if (image.tag().isEmpty()) {
        problem(element, "image '" + reference + "' has no tag, so its version cannot be checked against " + version,
            "write the tag beside the digest: '" + imageName(image) + ":" + version + "@" + image.digest().orElse("") + "'");
      } else if (!version.equals(tagVersion)) {
        problem(element, "image '" + reference + "' runs version " + tagVersion + ", not the declared " + version,
            "use an image tagged " + version + " (e.g. '" + imageName(image) + ":" + version
                + "') or declare the version the image runs");
      }
    }
    if (db instanceof Postgres p) {
      checkSqlName(element, "database", p.database());
      checkSqlName(element, "user", p.user());
      checkSqlName(element, "schema", p.schema());
      p.migrations().ifPresent(m -> checkRelativePath(element, "migrations folder", m, ".migrations(\"db/migrations\")"));
      p.passwordKey().ifPresent(k -> checkPasswordKey(element, k));
    } else if (db instanceof MySql m) {
      checkSqlName(element, "database", m.database());
      checkSqlName(element, "user", m.user());
      m.migrations().ifPresent(f -> checkRelativePath(element, "migrations folder", f, ".migrations(\"db/migrations\")"));
      m.passwordKey().ifPresent(k -> checkPasswordKey(element, k));
    }
  }

  private static String factoryCall(Database db) {
    String name = ((Service) db).name();
    if (db instanceof Postgres) {
      return "Postgres.of(\"" + name + "\", \"VERSION\")";
    }
    if (db instanceof MySql m) {
      return "MySql." + m.engine() + "(\"" + name + "\", \"VERSION\")";
    }
    return "Redis.of(\"" + name + "\", \"VERSION\")";
  }

  private static String exampleVersion(Database db) {
    return switch (db.engine()) {
      case "postgres" -> "14.9";
      case "mysql" -> "8.0.36";
      case "mariadb" -> "10.11.6";
      default -> "7.2.3";
    };
  }

  private static String imageReference(Database db) {
    if (db instanceof Postgres p) {
      return p.imageReference();
    }
    if (db instanceof MySql m) {
      return m.imageReference();
    }
    return ((Redis) db).imageReference();
  }

  private void checkSqlName(String element, String what, String value) {
    if (value == null || !SQL_NAME.matcher(value).matches()) {
      problem(element, what + " name '" + value + "' is not a valid SQL identifier",
          "use letters, digits and underscores, starting with a letter, at most 63 characters");
    }
  }

  private void checkPasswordKey(String element, String key) {
    ConfigKey configKey = stack.config().stream().filter(k -> k.name().equals(key)).findFirst().orElse(null);
    if (configKey == null) {
      problem(element, "takes its password from '" + key + "', which is not a config key",
          "declare .config(ConfigKey.secret(\"" + key + "\"))");
    } else if (!configKey.secret()) {
      problem(element, "takes its password from '" + key + "', which is not secret",
          "declare it with ConfigKey.secret(\"" + key + "\")");
    }
  }

  private void checkHostPorts() {
    Map<Integer, List<String>> byPort = new TreeMap<>();
    for (Service s : uniqueServices()) {
      s.hostPort().ifPresent(p -> byPort.computeIfAbsent(p, x -> new ArrayList<>()).add(s.name()));
    }
    byPort.forEach((port, names) -> {
      if (names.size() > 1) {
        problem("services '" + String.join("', '", names) + "'",
            (names.size() == 2 ? "both" : "all") + " publish host port " + port + " in the local stack",
            "give " + (names.size() == 2 ? "one" : "all but one") + " of them another port, e.g. .hostPort(" + (port + 1)
                + ") on '" + names.get(names.size() - 1) + "'");
      }
    });
  }

  private void checkCycles() {
    Map<String, Integer> state = new HashMap<>();
    for (Service s : uniqueServices()) {
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
      problem("services " + String.join(" -> ", cycle.stream().map(n -> "'" + n + "'").toList()),
          "depend on each other in a cycle, so none of them can start first",
          "remove one of these dependsOn(…) links");
      return;
    }
    Service service = stack.service(name).orElse(null);
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

  private List<Service> uniqueServices() {
    Map<String, Service> first = new LinkedHashMap<>();
    stack.services().forEach(s -> first.putIfAbsent(s.name(), s));
    return List.copyOf(first.values());
  }

  private List<String> allServiceNames() {
    return stack.services().stream().map(Service::name).distinct().toList();
  }

  // ---- config ----

  private void checkConfigKey(ConfigKey key) {
    String name = key.name();
    String element = "config key '" + name + "'";
    if (keys.putIfAbsent(name, key) != null) {
      problem(element, "is declared more than once", "declare each key once");
      return;
    }
    if (!ENV_VAR.matcher(name).matches()) {
      problem(element, "is not a valid environment variable name",
          "use upper-case letters, digits and underscores, starting with a letter, e.g. '"
              + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_").replaceAll("^[^A-Z]+", "") + "'");
    }
    ConfigValue value = key.value().orElse(null);
    if (key.secret()) {
      if (value != null) {
        problem(element, "is secret but has a value in the spec (not shown)",
            "remove the value and give each remote environment .secret(\"" + name + "\", SecretRef.awsParameter(\"/…\"))");
      }
      return;
    }
    if (value instanceof ConfigValue.Literal && SECRET_LIKE.matcher(name).matches()) {
      problem(element, "looks like a secret but is given a literal value (not shown)",
          "declare it with ConfigKey.secret(\"" + name + "\") and give each remote environment a SecretRef");
      return;
    }
    if (value != null) {
      checkValue(element, key, value);
    } else if (key.required() && !key.isPerEnvironment()) {
      problem(element, "is required but has no value, and environments may not set one",
          "give it .defaultValue(…), mark it .perEnvironment(), or mark it .optional()");
    }
  }

  private void checkValue(String element, ConfigKey key, ConfigValue value) {
    if (value instanceof ConfigValue.Literal literal) {
      if (!key.type().accepts(literal.value())) {
        problem(element, "value '" + literal.value() + "' is not " + article(key.type()), typeFix(key.type()));
      }
      return;
    }
    ConfigValue.ServiceAddress ref = (ConfigValue.ServiceAddress) value;
    if (stack.service(ref.service()).isEmpty()) {
      problem(element, "refers to " + ref + ", but no service '" + ref.service() + "' is declared",
          "refer to one of: " + String.join(", ", allServiceNames()));
      return;
    }
    ConfigType produced = switch (ref.part()) {
      case HOST -> ConfigType.STRING;
      case PORT -> ConfigType.INT;
      case URL -> ConfigType.URL;
    };
    if (key.type() != ConfigType.STRING && key.type() != produced) {
      problem(element, ref + " gives " + article(produced) + ", but the key is " + article(key.type()),
          "declare the key as ConfigKey." + factoryName(produced) + "(\"" + key.name() + "\")");
    }
  }

  /** The {@link ConfigKey} factory method that declares a key of {@code type}. */
  private static String factoryName(ConfigType type) {
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

  // ---- knobs ----

  private void checkKnob(Knob knob) {
    String element = "knob '" + knob.name() + "'";
    if (knobs.putIfAbsent(knob.name(), knob) != null) {
      problem(element, "is declared more than once", "declare each knob once");
      return;
    }
    if (!KNOB_NAME.matcher(knob.name()).matches()) {
      problem(element, "is not a valid Terraform variable name",
          "use lower-case letters, digits and underscores, starting with a letter, e.g. 'min_healthy_percent'");
    } else if (reservedVariable(knob.name())) {
      problem(element, "has the name of a variable Parity declares itself",
          "choose another name; built-in knobs are set with .instances(…), .instanceType(…), .ami(…), .databaseClass(…), .hostname(…)");
    }
    knob.defaultValue().filter(v -> !knob.type().accepts(v)).ifPresent(v -> problem(element,
        "default '" + v + "' is not a " + knob.type().terraform(), "give a default of type " + knob.type().terraform()));
  }

  private boolean reservedVariable(String name) {
    if (RESERVED_VARIABLES.contains(name)) {
      return true;
    }
    for (String service : allServiceNames()) {
      String prefix = service.replace('-', '_') + "_";
      if (name.startsWith(prefix) && List.of("engine", "engine_version", "image", "image_tag", "port")
          .contains(name.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  // ---- environments ----

  private void checkEnvironment(Environment env) {
    String name = env.name();
    String element = "environment '" + name + "'";
    if (!environmentNames.add(name)) {
      problem(element, "is declared more than once", env.isLocal()
          ? "declare Environment.local() once" : "give each environment its own name");
      return;
    }
    checkName(element, "name", name, "Environment.remote(\"" + suggestName(name, "staging") + "\")");
    if (env.isLocal()) {
      checkLocalEnvironment(element, env);
    } else {
      if (name.equals("local")) {
        problem(element, "uses the name 'local', which belongs to the local stack",
            "use Environment.local() for the local stack, or another name such as 'dev'");
      }
      checkRemoteKnobs(element, env);
    }
    checkEnvironmentConfig(env);
    checkEnvironmentKnobs(env);
  }

  private void checkLocalEnvironment(String element, Environment env) {
    List<String> remoteOnly = new ArrayList<>();
    env.instances().ifPresent(x -> remoteOnly.add(".instances(…)"));
    env.instanceType().ifPresent(x -> remoteOnly.add(".instanceType(…)"));
    env.ami().ifPresent(x -> remoteOnly.add(".ami(…)"));
    env.databaseClass().ifPresent(x -> remoteOnly.add(".databaseClass(…)"));
    env.hostname().ifPresent(x -> remoteOnly.add(".hostname(…)"));
    if (!env.endpoints().isEmpty()) {
      remoteOnly.add(".endpoint(…)");
    }
    if (!env.knobs().isEmpty()) {
      remoteOnly.add(".knob(…)");
    }
    if (!remoteOnly.isEmpty()) {
      problem(element, "sets " + String.join(", ", remoteOnly) + ", which only remote environments have",
          "remove " + (remoteOnly.size() == 1 ? "it" : "them") + " from Environment.local(); the local stack runs one container per service on the compose network");
    }
    for (String key : env.secrets().keySet()) {
      problem(element + ", key '" + key + "'", "is given a secret reference, but the local stack reads secrets from local/.env",
          "remove .secret(\"" + key + "\", …) from Environment.local() and put the value in local/.env");
    }
  }

  private void checkRemoteKnobs(String element, Environment env) {
    String call = "Environment.remote(\"" + env.name() + "\")";
    if (env.instances().isEmpty()) {
      problem(element, "sets no instance count", "add .instances(2) to " + call);
    } else if (env.instances().get() < 1) {
      problem(element, "instance count " + env.instances().get() + " is not positive", "use .instances(1) or more");
    }
    if (env.instanceType().isEmpty()) {
      problem(element, "sets no instance type", "add .instanceType(\"t3.medium\") to " + call);
    } else if (!INSTANCE_TYPE.matcher(env.instanceType().get()).matches()) {
      problem(element, "instance type '" + env.instanceType().get() + "' is not an instance type", "use a type such as 't3.medium'");
    }
    if (env.ami().isEmpty()) {
      problem(element, "sets no AMI", "pin one: add .ami(\"ami-0c55b159cbfafe1f0\") to " + call);
    } else if (!AMI.matcher(env.ami().get()).matches()) {
      problem(element, "AMI '" + env.ami().get() + "' is not an AMI id", "pin an id such as 'ami-0c55b159cbfafe1f0'");
    }
    boolean hasSqlDatabase = stack.services().stream().anyMatch(s -> s instanceof Postgres || s instanceof MySql);
    if (env.databaseClass().isEmpty() && hasSqlDatabase) {
      problem(element, "sets no database instance class", "add .databaseClass(\"db.t3.medium\") to " + call);
    } else if (env.databaseClass().isPresent() && !DB_CLASS.matcher(env.databaseClass().get()).matches()) {
      problem(element, "database instance class '" + env.databaseClass().get() + "' is not an instance class",
          "use a class such as 'db.t3.medium'");
    }
    env.hostname().filter(h -> !HOST.matcher(h).matches()).ifPresent(h -> problem(element,
        "host name '" + h + "' is not a valid host name", "use a name such as 'staging.example.com'"));
    env.endpoints().forEach((service, host) -> {
      if (stack.service(service).isEmpty()) {
        problem(element, "declares an endpoint for '" + service + "', which is not a service",
            "declare endpoints only for: " + String.join(", ", allServiceNames()));
      } else if (host == null || !HOST.matcher(host).matches()) {
        problem(element, "endpoint '" + host + "' of service '" + service + "' is not a valid host name",
            "use a host name such as '" + service + "." + env.name() + ".internal'");
      }
    });
  }

  private void checkEnvironmentConfig(Environment env) {
    String element = "environment '" + env.name() + "'";
    String call = env.isLocal() ? "Environment.local()" : "Environment.remote(\"" + env.name() + "\")";
    env.values().forEach((keyName, value) -> {
      String at = element + ", key '" + keyName + "'";
      ConfigKey key = keys.get(keyName);
      if (key == null) {
        List<String> settable = keys.values().stream().filter(k -> k.isPerEnvironment() && !k.secret())
            .map(ConfigKey::name).toList();
        problem(at, "is not a config key", "declare it with .config(ConfigKey.string(\"" + keyName + "\").perEnvironment())"
            + (settable.isEmpty() ? "" : " or set one of: " + String.join(", ", settable)));
      } else if (key.secret()) {
        problem(at, "is secret, but is given a value (not shown)",
            env.isLocal() ? "put the value in local/.env instead"
                : "use .secret(\"" + keyName + "\", SecretRef.awsParameter(\"/" + stack.name() + "/" + env.name() + "/…\"))");
      } else if (!key.isPerEnvironment()) {
        problem(at, "is shared by every environment and cannot be set here",
            "add .perEnvironment() to ConfigKey." + factoryName(key.type()) + "(\"" + keyName + "\") or remove this value");
      } else if (value instanceof ConfigValue.Literal && SECRET_LIKE.matcher(keyName).matches()) {
        problem(at, "looks like a secret but is given a literal value (not shown)",
            "declare it with ConfigKey.secret(\"" + keyName + "\") and give a SecretRef");
      } else {
        checkValue(at, key, value);
      }
    });
    env.secrets().forEach((keyName, ref) -> {
      if (env.isLocal()) {
        return;
      }
      String at = element + ", key '" + keyName + "'";
      ConfigKey key = keys.get(keyName);
      if (key == null) {
        problem(at, "is given a secret reference but is not a config key", "declare it with .config(ConfigKey.secret(\"" + keyName + "\"))");
      } else if (!key.secret()) {
        problem(at, "is given a secret reference but is not a secret key", "declare it with ConfigKey.secret(\"" + keyName + "\")");
      } else if (ref == null || !ref.isWellFormed()) {
        problem(at, "secret reference (not shown: it may hold the secret itself) is not a valid "
                + (ref == null ? "reference" : storeName(ref.store())),
            "give " + (ref == null ? SecretRef.Store.AWS_PARAMETER_STORE : ref.store()).example());
      }
    });
    for (ConfigKey key : keys.values()) {
      if (!key.required() || !key.isPerEnvironment()) {
        continue;
      }
      String at = element + ", key '" + key.name() + "'";
      if (key.secret()) {
        if (!env.isLocal() && !env.secrets().containsKey(key.name())) {
          problem(at, "is a required secret but has no reference here",
              "add .secret(\"" + key.name() + "\", SecretRef.awsParameter(\"/" + stack.name() + "/" + env.name() + "/…\")) to " + call);
        }
      } else if (key.value().isEmpty() && !env.values().containsKey(key.name())) {
        problem(at, "is required but has no value here",
            "add .set(\"" + key.name() + "\", …) to " + call + " or give the key a .defaultValue(…)");
      }
    }
    if (!env.isLocal()) {
      checkEndpointsResolve(env, element, call);
    }
  }

  private void checkEndpointsResolve(Environment env, String element, String call) {
    for (ConfigKey key : keys.values()) {
      if (key.secret()) {
        continue;
      }
      ConfigValue value = env.values().containsKey(key.name()) ? env.values().get(key.name()) : key.value().orElse(null);
      if (value instanceof ConfigValue.ServiceAddress ref && ref.part() != ConfigValue.ServiceAddress.Part.PORT
          && stack.service(ref.service()).isPresent() && !env.endpoints().containsKey(ref.service())) {
        problem(element + ", key '" + key.name() + "'", "refers to " + ref + ", but '" + env.name()
            + "' declares no endpoint for '" + ref.service() + "'",
            "add .endpoint(\"" + ref.service() + "\", \"<host>\") to " + call);
      }
    }
  }

  private static String storeName(SecretRef.Store store) {
    return switch (store) {
      case AWS_SECRETS_MANAGER -> "AWS Secrets Manager ARN";
      case AWS_PARAMETER_STORE -> "AWS Parameter Store name";
      case VAULT -> "Vault path";
    };
  }

  private void checkEnvironmentKnobs(Environment env) {
    if (env.isLocal()) {
      return;
    }
    String element = "environment '" + env.name() + "'";
    env.knobs().forEach((name, value) -> {
      Knob knob = knobs.get(name);
      String at = element + ", knob '" + name + "'";
      if (knob == null) {
        problem(at, "is set but never declared",
            "declare it once on the stack: .knob(Knob." + knobFactory(value) + "(\"" + name + "\", \"<what it means>\"))");
      } else if (value == null || !knob.type().accepts(value)) {
        problem(at, "value '" + value + "' is not a " + knob.type().terraform(), "give a value of type " + knob.type().terraform());
      }
    });
    for (Knob knob : knobs.values()) {
      if (knob.defaultValue().isEmpty() && !env.knobs().containsKey(knob.name())) {
        problem(element + ", knob '" + knob.name() + "'", "has no value here and no default",
            "add .knob(\"" + knob.name() + "\", …) to Environment.remote(\"" + env.name() + "\") or give the knob a .defaultValue(…)");
      }
    }
  }

  private static String knobFactory(Object value) {
    if (value instanceof Boolean) {
      return "bool";
    }
    return value instanceof Number ? "number" : "string";
  }

  // ---- deviations ----

  private void checkDeviation(Deviation deviation) {
    String element = "deviation of '" + deviation.service() + "'";
    if (stack.service(deviation.service()).isEmpty()) {
      problem(element, "names a service that is not declared", "name one of: " + String.join(", ", allServiceNames()));
    }
    if (deviation.environments().isEmpty()) {
      problem(element, "names no environment", "add .in(\"local\") or the environments where it applies");
    }
    for (String env : deviation.environments()) {
      if (stack.environment(env).isEmpty()) {
        problem(element, "names environment '" + env + "', which is not declared",
            "name one of: " + String.join(", ", stack.environments().stream().map(Environment::name).distinct().toList()));
      }
    }
    if (deviation.difference().isBlank()) {
      problem(element, "does not say what differs", "add .differs(\"…\")");
    }
    if (deviation.reason().isBlank()) {
      problem(element, "gives no reason", "add .because(\"…\"): every report shows it");
    }
  }

  private void checkVariantImagesAreDeclared() {
    Environment local = stack.localEnvironment().orElse(null);
    if (local == null) {
      return;
    }
    for (Service service : uniqueServices()) {
      if (!(service instanceof Database db) || db.version() == null) {
        continue;
      }
      ImageRef image;
      try {
        image = db.image();
      } catch (IllegalArgumentException e) {
        continue;
      }
      // A variant runs the declared version under another tag (14.9-alpine); 14.10 is another version.
      boolean variant = Versions.isExact(db.engine(), db.version())
          && image.tagVersion().filter(db.version()::equals).isPresent()
          && image.tag().filter(t -> !t.equals(db.version())).isPresent();
      boolean declared = stack.deviations().stream()
          .anyMatch(d -> d.service().equals(service.name()) && d.environments().contains(local.name()));
      if (variant && !declared) {
        problem("service '" + service.name() + "'", "runs '" + image + "' locally, a variant of the official '"
                + image.repository() + ":" + db.version() + "', without a declared deviation",
            "declare it: .deviation(Deviation.of(\"" + service.name() + "\").in(\"" + local.name()
                + "\").differs(\"runs " + image + "\").because(\"…\"))");
      }
    }
  }
}
