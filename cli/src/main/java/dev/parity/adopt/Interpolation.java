package dev.parity.adopt;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable substitution in values (Compose specification, "Interpolation"):
 * {@code $VAR} and {@code ${VAR}} (empty when unset), {@code ${VAR:-default}} (when unset or empty),
 * {@code ${VAR-default}} (when unset), {@code ${VAR:?message}} / {@code ${VAR?message}} (an error
 * when unset or empty / unset), and {@code $$} for a literal {@code $}.
 */
final class Interpolation {

  private static final Pattern TOKEN = Pattern.compile(
      "\\$(?:(\\$)|([A-Za-z_][A-Za-z0-9_]*)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?})");
  private static final Pattern WHOLE = Pattern.compile(
      "\\$(?:([A-Za-z_][A-Za-z0-9_]*)|\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?})");

  private final Map<String, String> variables;

  Interpolation(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** A value that cannot be substituted: its message says why. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  String apply(String value) throws Failure {
    Matcher m = TOKEN.matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String before = value.substring(last, m.start());
      if (before.contains("$")) {
        throw invalid(value);
      }
      out.append(before);
      last = m.end();
      if (m.group(1) != null) {
        out.append('$');
      } else if (m.group(2) != null) {
        out.append(variables.getOrDefault(m.group(2), ""));
      } else {
        out.append(braced(m.group(3), m.group(4), m.group(5)));
      }
    }
    String rest = value.substring(last);
    if (rest.contains("$")) {
      throw invalid(value);
    }
    return out.append(rest).toString();
  }

  private String braced(String name, String operator, String argument) throws Failure {
    String value = variables.get(name);
    if (operator == null) {
      return value == null ? "" : value;
    }
    boolean missing = operator.startsWith(":") ? value == null || value.isEmpty() : value == null;
    if (!missing) {
      return value;
    }
    if (operator.endsWith("-")) {
      return argument;
    }
    throw new Failure("required variable " + name + " is missing a value (" + argument + "); fix: set " + name
        + " in the --env-file or the environment");
  }

  private static Failure invalid(String value) {
    return new Failure("invalid interpolation format in '" + value + "'; fix: write a literal $ as $$, a variable"
        + " as ${NAME}");
  }

  /**
   * Whether {@code raw} takes part of its value from one of {@code variables} (the .env file's or the
   * shell's): a {@code $NAME} or {@code ${NAME...}} whose substitution is the variable's value, not the
   * compose file's default ({@code ${NAME:-default}} with NAME empty is the default); {@code $$} is none.
   */
  static boolean references(String raw, Map<String, String> variables) {
    return !referenced(raw, variables).isEmpty();
  }

  /** The variables of {@code variables} whose values {@code raw} takes, in order ({@link #references}'s rule). */
  static java.util.List<String> referenced(String raw, Map<String, String> variables) {
    java.util.List<String> names = new java.util.ArrayList<>();
    if (raw == null) {
      return names;
    }
    Matcher m = TOKEN.matcher(raw);
    while (m.find()) {
      String name = m.group(2) != null ? m.group(2) : m.group(3);
      String value = name == null ? null : variables.get(name);
      if (value != null && !(m.group(4) != null && m.group(4).startsWith(":") && value.isEmpty())
          && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** The variable a value consists of, {@code ${NAME}} or {@code ${NAME:-default}}, if it is nothing else. */
  static Optional<String> soleVariable(String raw) {
    Matcher m = WHOLE.matcher(raw);
    return m.matches() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
  }
}
