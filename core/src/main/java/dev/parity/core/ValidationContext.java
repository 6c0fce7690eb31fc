package dev.parity.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The stack under validation, the problems found so far, and what the rule groups share. */
final class ValidationContext {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final int MAX_NAME = 40;
  /**
   * A service name is the host name the other services reach it by, on the compose network (Docker's
   * embedded DNS) and as a Kubernetes Service (a DNS-1035 label): one DNS label, at most 63 characters.
   */
  static final int MAX_SERVICE_NAME = 63;
  /** A variable or key name that looks like it holds a secret. */
  static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIALS).*");
  /** An environment variable or build argument name as a shell and compose accept it. */
  static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /**
   * A container's environment variable name as compose and Docker take it: any printable characters
   * but {@code =} and blanks, so also Elasticsearch's {@code discovery.type} or {@code ES-HOME}.
   */
  static final Pattern ENV_NAME = Pattern.compile("[^=\\s\\p{Cntrl}]+");
  /** An environment variable name the Kubernetes API accepts (its {@code [-._a-zA-Z][-._a-zA-Z0-9]*}). */
  static final Pattern KUBERNETES_ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?");
  private static final Pattern DRIVE_PATH = Pattern.compile("[A-Za-z]:.*");

  private final Stack stack;
  private final List<Problem> problems = new ArrayList<>();
  /** The first declaration of each config key, filled by {@link ConfigChecks}. */
  private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
  /** The first declaration of each knob, filled by {@link KnobChecks}. */
  private final Map<String, Knob> knobs = new LinkedHashMap<>();
  private final References references = new References(this);

  ValidationContext(Stack stack) {
    this.stack = stack;
  }

  /** Where every name the spec refers to is looked up and, when it names nothing, reported. */
  References references() {
    return references;
  }

  Stack stack() {
    return stack;
  }

  Map<String, ConfigKey> keys() {
    return keys;
  }

  Map<String, Knob> knobs() {
    return knobs;
  }

  void problem(String element, String message, String fix) {
    problems.add(new Problem(element, message, fix));
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Reports {@code value} unless it is a valid stack, service or environment name. */
  void checkName(String element, String what, String value, String fix) {
    checkName(element, what, value, fix, MAX_NAME);
  }

  /** Like {@link #checkName(String, String, String, String)}, with at most {@code max} characters. */
  void checkName(String element, String what, String value, String fix, int max) {
    if (value == null || !NAME.matcher(value).matches() || value.length() > max) {
      problem(element, what + " '" + value + "' is not valid: use lower-case letters, digits and single hyphens,"
          + " starting with a letter, at most " + max + " characters", "rename it: " + fix);
    }
  }

  /**
   * Whether a variable named {@code name} looks like it holds a secret. A {@code *_FILE} variable
   * holds the path of a secret file, not the secret.
   */
  static boolean looksSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_LIKE.matcher(upper).matches() && !upper.endsWith("_FILE");
  }

  /** Reports {@code path} unless it is a relative path that stays inside the spec's folder. */
  void checkRelativePath(String element, String what, String path, String fix) {
    boolean escapes = path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")
        || DRIVE_PATH.matcher(path).matches() || List.of(path.split("/")).contains("..")
        || path.chars().anyMatch(c -> c < ' ' || c == 127);
    if (escapes) {
      problem(element, what + " '" + path + "' must be a relative path inside the spec's folder", fix);
    }
  }

  /**
   * Refuses root and malformed users, of an app's {@code USER} ({@code call} {@code .user}) or any
   * other service's {@code user:} ({@code call} {@code options: .user}).
   */
  void checkUser(String element, String user, String call) {
    String numeric = call + "(\"" + App.JVM_DEFAULT_USER + "\")";
    if (user.isBlank() || user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
      problem(element, "runs as root (user '" + user + "')", call.equals(".user")
          ? ".user(\"node\") or a numeric non-root user such as " + numeric : "a non-root user, e.g. " + numeric);
    } else if (!USER.matcher(user).matches()) {
      problem(element, "user '" + user + "' is not a valid user or uid:gid", numeric);
    }
  }

  /**
   * Reports {@code key} unless the schema declares it as a secret. Config keys are checked after
   * services, so the key is looked up in the declarations.
   *
   * @param what how the message names the use, e.g. {@code "takes its password from"}
   */
  void checkSecretKey(String element, String what, String key) {
    if (!references.checkKey(element, key, what + " '" + key + "', which is not a config key",
        "declare .config(ConfigKey.secret(\"" + key + "\"))")) {
      return;
    }
    ConfigKey configKey = stack.config().stream().filter(k -> k.name().equals(key)).findFirst().orElseThrow();
    if (!configKey.secret()) {
      problem(element, what + " '" + key + "', which is not secret", "declare it with ConfigKey.secret(\"" + key + "\")");
    }
  }

  /** A valid name close to {@code value}, or {@code fallback}. */
  static String suggestName(String value, String fallback) {
    if (value == null) {
      return fallback;
    }
    String s = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+|-+$", "");
    s = s.length() > MAX_NAME ? s.substring(0, MAX_NAME).replaceAll("-+$", "") : s;
    return s.isEmpty() ? fallback : s;
  }

  /** The first declaration of each service name, in declaration order. */
  List<Service> uniqueServices() {
    Map<String, Service> first = new LinkedHashMap<>();
    stack.services().forEach(s -> first.putIfAbsent(s.name(), s));
    return List.copyOf(first.values());
  }

  List<String> allServiceNames() {
    return stack.services().stream().map(Service::name).distinct().toList();
  }

  /** The declared service names, comma-separated, for a fix that lists them. */
  String serviceList() {
    return String.join(", ", allServiceNames());
  }
}
