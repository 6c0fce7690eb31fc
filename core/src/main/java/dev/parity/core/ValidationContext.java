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
  /** A variable or key name that looks like it holds a secret. */
  static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIALS).*");

  private final Stack stack;
  private final List<Problem> problems = new ArrayList<>();
  /** The first declaration of each config key, filled by {@link ConfigChecks}. */
  private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
  /** The first declaration of each knob, filled by {@link KnobChecks}. */
  private final Map<String, Knob> knobs = new LinkedHashMap<>();

  ValidationContext(Stack stack) {
    this.stack = stack;
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
    if (value == null || !NAME.matcher(value).matches() || value.length() > MAX_NAME) {
      problem(element, what + " '" + value + "' is not valid: use lower-case letters, digits and single hyphens,"
          + " starting with a letter, at most " + MAX_NAME + " characters", "rename it: " + fix);
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
