package dev.parity.drift.config;

import dev.parity.core.App;
import dev.parity.core.ConfigEntry;
import dev.parity.core.ConfigKey;
import dev.parity.core.ConfigValue;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Actual environment variables against a stack's config schema in one environment: required keys
 * missing, values that differ from the spec, values of the wrong type, secrets holding a placeholder,
 * and unknown keys. Secret values are never printed.
 *
 * <pre>{@code
 * DriftReport report = ConfigDrift.check(stack, production, EnvFile.read(path), Source.ENV_FILE, path.toString());
 * }</pre>
 */
public final class ConfigDrift {

  /** Where the variables come from, which decides what counts as unknown. */
  public enum Source {
    /** An env file holds only the app's config: every key the schema does not declare is unknown. */
    ENV_FILE,
    /**
     * A process environment also holds the system's variables ({@code PATH}, {@code HOME}, …): only keys that
     * share their first word with a declared key ({@code DB_PASWORD} beside {@code DB_PASSWORD}) count as unknown.
     */
    PROCESS
  }

  /** Variables every process may have, never reported as unknown with {@link Source#PROCESS}. */
  private static final Set<String> SYSTEM = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "OLDPWD",
      "HOSTNAME", "TERM", "LANG", "LANGUAGE", "TZ", "TMPDIR", "SHLVL", "JAVA_HOME", "JAVA_OPTS", "JAVA_VERSION",
      "MAVEN_OPTS", "CI", "DOCKER_HOST", "SSH_AUTH_SOCK", "MAIL", "EDITOR", "PAGER", "_");

  private ConfigDrift() {
  }

  /** Every difference between the whole schema of {@code environment} and {@code actual}. */
  public static DriftReport check(Stack stack, Environment environment, Map<String, String> actual, Source source,
      String actualName) {
    return check(stack, environment, null, actual, source, actualName);
  }

  /**
   * Every difference between the config {@code app} receives in {@code environment} and
   * {@code actual}: besides missing, wrong and unknown keys, a declared key the app does not use
   * is drift, since config is scoped to the apps that use it (a secret that reaches the wrong app
   * is a leak). With {@code app} null, the whole schema is expected.
   */
  public static DriftReport check(Stack stack, Environment environment, App app, Map<String, String> actual,
      Source source, String actualName) {
    List<Finding> findings = new ArrayList<>();
    Map<String, ConfigEntry> expected = new java.util.LinkedHashMap<>();
    (app == null ? stack.config(environment) : stack.config(app, environment))
        .forEach(entry -> expected.put(entry.name(), entry));
    for (ConfigKey key : stack.config()) {
      if (app != null && !app.uses().contains(key.name())) {
        if (actual.containsKey(key.name())) {
          findings.add(new Finding(Category.CONFIG, Change.ONLY_IN_TO, "key " + key.name(), "reaches app '"
              + app.name() + "', which does not use it; remove it there, or add it to the app's .uses(…)", null,
              key.name()));
        }
        continue;
      }
      String object = "key " + key.name();
      String value = actual.get(key.name());
      ConfigEntry entry = expected.get(key.name());
      if (value == null) {
        if (key.required() || entry != null) {
          findings.add(new Finding(Category.CONFIG, Change.ONLY_IN_FROM, object, "required " + key.type().label()
              + (key.secret() ? " secret" : "") + " key is missing", key.name(), null));
        }
        continue;
      }
      if (key.secret()) {
        if (Placeholders.isPlaceholder(value)) {
          findings.add(new Finding(Category.CONFIG, Change.INVALID, object,
              "secret holds an obvious placeholder, not a real secret; set the real one", null, null));
        }
        continue;
      }
      if (!key.type().accepts(value)) {
        findings.add(new Finding(Category.CONFIG, Change.INVALID, object, "value '" + value + "' is not a valid "
            + key.type().label(), key.type().label(), value));
        continue;
      }
      // A service's address depends on where the reader sits (the compose network, the host's mapped
      // ports, a cloud endpoint): only literal values must match the spec.
      Optional<String> spec = entry == null || refersToAService(environment, key) ? Optional.empty()
          : entry.plainValue();
      if (spec.isPresent() && !spec.get().equals(value)) {
        findings.add(new Finding(Category.CONFIG, Change.CHANGED, object, "value '" + spec.get() + "' in the spec vs '"
            + value + "'", spec.get(), value));
      }
    }
    Set<String> declared = new TreeSet<>();
    stack.config().forEach(k -> declared.add(k.name()));
    for (String name : new TreeSet<>(actual.keySet())) {
      if (!declared.contains(name) && (source == Source.ENV_FILE || looksRelated(name, declared))) {
        findings.add(new Finding(Category.CONFIG, Change.ONLY_IN_TO, "key " + name,
            "is not declared in the config schema; remove it, or declare it with ConfigKey", null, name));
      }
    }
    return new DriftReport("config", (app == null ? "config schema of " + stack.name() : "config of app '" + app.name()
        + "' of " + stack.name()) + " in " + environment.name(), actualName, findings);
  }

  private static boolean refersToAService(Environment environment, ConfigKey key) {
    ConfigValue value = environment.values().containsKey(key.name()) ? environment.values().get(key.name())
        : key.value().orElse(null);
    return value instanceof ConfigValue.ServiceAddress;
  }

  private static boolean looksRelated(String name, Set<String> declared) {
    if (SYSTEM.contains(name) || name.startsWith("LC_") || name.startsWith("XDG_") || name.startsWith("GITHUB_")
        || name.startsWith("RUNNER_") || name.startsWith("CI_")) {
      return false;
    }
    String word = firstWord(name);
    return !word.isEmpty() && declared.stream().anyMatch(d -> firstWord(d).equals(word));
  }

  private static String firstWord(String name) {
    int underscore = name.indexOf('_');
    return underscore <= 0 ? name : name.substring(0, underscore);
  }
}
