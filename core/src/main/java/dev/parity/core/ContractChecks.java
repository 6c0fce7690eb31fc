package dev.parity.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a valid {@link Stack} against its apps' own config contracts, in every environment, before
 * anything is written. One {@link Problem} per mistake, naming the app, the key, the environments
 * and the fix:
 * <ul>
 *   <li>a required property the app receives no value for in some environment (the key is not in its
 *       {@link App#uses}, not declared, or has neither a default, an environment's value nor, for a
 *       secret, a reference);</li>
 *   <li>a key the app {@linkplain App#uses uses} that its contract does not read (the closest name
 *       the contract does read is suggested, by Damerau–Levenshtein distance);</li>
 *   <li>a value that does not convert to the property's type ({@link ContractType}) in some environment,
 *       or that the contract's own validator refuses ({@link AppContract#valueCheck}, a JSON Schema);</li>
 *   <li>a property whose name says it holds a secret ({@link ContractProperty#secretLike}) given a
 *       literal instead of a secret key.</li>
 * </ul>
 * A property the app defaults itself needs no value. Secret values are never shown.
 */
public final class ContractChecks {

  private final Stack stack;
  private final List<Problem> problems = new ArrayList<>();

  private ContractChecks(Stack stack) {
    this.stack = stack;
  }

  /** The problems of {@code stack} against {@code contracts} (by app name); empty when there are none. */
  public static List<Problem> check(Stack stack, Map<String, AppContract> contracts) {
    ContractChecks checks = new ContractChecks(stack);
    for (App app : stack.apps()) {
      AppContract contract = contracts.get(app.name());
      if (contract != null) {
        checks.check(app, contract);
      }
    }
    return List.copyOf(checks.problems);
  }

  private void check(App app, AppContract contract) {
    String service = "service '" + app.name() + "'";
    String of = "its " + contract.kind().label() + " (" + contract.source() + ")";
    Map<String, List<String>> missing = new LinkedHashMap<>();
    Map<String, List<String>> literals = new LinkedHashMap<>();
    for (Environment environment : stack.environments()) {
      List<ConfigEntry> entries = stack.config(app, environment);
      for (ContractProperty property : contract.properties()) {
        boolean given = entries.stream().anyMatch(e -> property.readsVariable(e.name()));
        if (property.required() && property.defaultValue().isEmpty() && !given) {
          missing.computeIfAbsent(property.variable(), k -> new ArrayList<>()).add(environment.name());
        }
      }
      for (ConfigEntry entry : entries) {
        Optional<ContractProperty> read = contract.propertyReading(entry.name());
        if (read.isEmpty() || entry.plainValue().isEmpty()) {
          continue;
        }
        ContractProperty property = read.get();
        String value = entry.plainValue().get();
        if (property.secretLike()) {
          literals.computeIfAbsent(entry.name(), k -> new ArrayList<>()).add(environment.name());
        } else {
          Optional<String> refusal = contract.valueCheck().refusal(property, value);
          refusal.ifPresent(why -> problems.add(new Problem(service + ", environment '" + environment.name()
                  + "', key '" + entry.name() + "'",
              "value '" + value + "' " + (contract.valueCheck() == AppContract.ValueCheck.BY_TYPE
                  ? why + ", as " + of + " declares" : "is refused by " + of + ": " + why),
              fixValue(property, environment, entry.key()))));
        }
      }
    }
    missing.forEach((variable, environments) -> problems.add(missingProblem(service, of, app, contract, variable,
        environments)));
    literals.forEach((key, environments) -> problems.add(new Problem(service + ", key '" + key + "'",
        "is given a literal value in " + environmentList(environments) + " (not shown), but "
            + contract.propertyReading(key).orElseThrow().name() + " holds a secret by its name",
        "declare .config(ConfigKey.secret(\"" + key + "\")) and give each remote environment .secret(\"" + key
            + "\", SecretRef…)")));
    for (String key : app.uses().stream().distinct().toList()) {
      if (contract.propertyReading(key).isEmpty() && !contract.openTo(key)) {
        Optional<String> closest = closest(key, contract.properties().stream().map(ContractProperty::variable).toList());
        problems.add(new Problem(service + ", key '" + key + "'",
            "is given to the app, but " + of + " reads no such key",
            closest.map(c -> "did you mean '" + c + "'? rename \"" + key + "\" to \"" + c + "\" in the spec")
                .orElse("remove \"" + key + "\" from .uses(…) of '" + app.name() + "', or add it to the app's contract")));
      }
    }
  }

  private Problem missingProblem(String service, String of, App app, AppContract contract, String variable,
      List<String> environments) {
    ContractProperty property = contract.properties().stream().filter(p -> p.variable().equals(variable)).findFirst()
        .orElseThrow();
    String element = service + ", key '" + variable + "'";
    String message = "has no value in " + environmentList(environments) + ", but " + of + " requires "
        + (property.name().equals(variable) ? "it" : property.name() + " (read from " + variable + ")");
    Optional<ConfigKey> declared = stack.config().stream().filter(k -> k.name().equals(variable)).findFirst();
    String fix;
    if (declared.isEmpty()) {
      fix = "declare .config(ConfigKey." + (property.secretLike() ? "secret" : "string") + "(\"" + variable
          + "\")…) and add \"" + variable + "\" to .uses(…) of '" + app.name() + "'";
    } else if (!app.uses().contains(variable)) {
      fix = "add \"" + variable + "\" to .uses(…) of '" + app.name() + "'";
    } else if (declared.get().secret()) {
      fix = "give " + environmentList(environments) + " .secret(\"" + variable + "\", SecretRef…)";
    } else {
      fix = "give the key .defaultValue(…), or mark it .perEnvironment() and give " + environmentList(environments)
          + " .set(\"" + variable + "\", …)";
    }
    return new Problem(element, message, fix);
  }

  private static String fixValue(ContractProperty property, Environment environment, ConfigKey key) {
    String example = switch (property.type()) {
      case INTEGER, LONG -> "a number such as '10'";
      case DECIMAL -> "a number such as '0.5'";
      case BOOLEAN -> "'true' or 'false'";
      case DURATION -> "a duration such as '10s', '500ms' or 'PT10S'";
      case DATA_SIZE -> "a data size such as '10MB' or '512KB'";
      case ENUM -> "one of " + String.join(", ", property.enumValues());
      case STRING -> "a value its contract accepts";
    };
    String where = environment.values().containsKey(key.name())
        ? "environment '" + environment.name() + "' .set(\"" + key.name() + "\", …)" : "the key's default";
    return "give " + where + " " + example;
  }

  private static String environmentList(List<String> environments) {
    return (environments.size() == 1 ? "environment " : "environments ")
        + String.join(", ", environments.stream().map(e -> "'" + e + "'").toList());
  }

  /**
   * The candidate nearest to {@code key} by optimal string alignment distance (Damerau–Levenshtein
   * with adjacent transpositions), if it is within a third of the key's length (at least 2).
   */
  static Optional<String> closest(String key, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(key, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    return References.distance(a, b);
  }
}
