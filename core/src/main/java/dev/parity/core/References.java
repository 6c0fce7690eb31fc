package dev.parity.core;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place validation looks up a name that a spec gives to refer to something it declares
 * elsewhere: a service ({@link ConfigValue#hostOf} and the other {@link ConfigValue} factories,
 * {@code dependsOn}, {@code endpoint}, {@code ingressTo}, {@code Deviation.of}), a config key
 * ({@code uses}, a database's {@code password}, {@code secretEnv}, {@code secretFile}, an environment's
 * {@code set} and {@code secret}), a knob, an environment or a network.
 *
 * <p>A name that names nothing declared is one problem on the element that gives it. Its fix starts
 * with {@code did you mean 'db'?} when a declared name is near: the same name in another case, or one
 * within a Damerau–Levenshtein distance of 1 (of 2 for names of five characters or more). Checks that
 * need what a value resolves to ask {@link #resolves} first, so that a name that resolves to nothing is
 * reported once, by the check of the element that gives it, and never reaches {@link Stack#resolve}.
 */
final class References {

  private final ValidationContext context;

  References(ValidationContext context) {
    this.context = context;
  }

  /**
   * Whether {@code name} is one of {@code declared}; when not, reports it on {@code element} with
   * {@code message} and {@code fix}, after a "did you mean" when a declared name is near.
   */
  boolean check(String element, String name, Collection<String> declared, String message, String fix) {
    if (declared.contains(name)) {
      return true;
    }
    context.problem(element, message, suggested(name, declared, fix));
    return false;
  }

  /** {@link #check} against the declared service names. */
  boolean checkService(String element, String name, String message, String fix) {
    return check(element, name, context.allServiceNames(), message, fix);
  }

  /** {@link #check} against the declared config keys. */
  boolean checkKey(String element, String name, String message, String fix) {
    return check(element, name, keyNames(), message, fix);
  }

  /** The declared config key names, in declaration order. */
  List<String> keyNames() {
    return context.stack().config().stream().map(ConfigKey::name).distinct().toList();
  }

  /**
   * Whether {@code value} resolves in {@code environment} without a problem: a literal, or a reference to
   * a declared service of a kind that has the part, at an address the environment knows.
   */
  boolean resolves(ConfigValue value, Environment environment) {
    if (!(value instanceof ConfigValue.ServiceAddress ref)) {
      return true;
    }
    Service service = context.stack().service(ref.service()).orElse(null);
    if (service == null) {
      return false;
    }
    boolean sql = service instanceof Postgres || service instanceof MySql;
    return switch (ref.part()) {
      case DATABASE, USER -> sql;
      case PORT -> true;
      case HOST, URL, JDBC_URL -> (sql || ref.part() != ConfigValue.ServiceAddress.Part.JDBC_URL)
          && (environment.isLocal() || environment.endpoints().containsKey(ref.service())
              || Stack.reachedAtItsKubernetesService(environment, service));
    };
  }

  /** Whether every non-secret key's value in {@code environment} {@linkplain #resolves resolves}. */
  boolean resolvesIn(ConfigKey key, Environment environment) {
    ConfigValue value = environment.values().containsKey(key.name()) ? environment.values().get(key.name())
        : key.value().orElse(null);
    return key.secret() || value == null || resolves(value, environment);
  }

  /** {@code fix}, after {@code did you mean 'x'? } when a name of {@code declared} is near {@code name}. */
  static String suggested(String name, Collection<String> declared, String fix) {
    return closest(name, declared).map(c -> "did you mean '" + c + "'? " + fix).orElse(fix);
  }

  /**
   * The declared name nearest to {@code name}, if one is near: equal but for case, or within a
   * Damerau–Levenshtein distance of 1 (2 from five characters on); the first of equally near ones.
   */
  static Optional<String> closest(String name, Collection<String> declared) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Optional<String> sameButCase = declared.stream().filter(d -> d.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    if (sameButCase.isPresent()) {
      return sameButCase;
    }
    int limit = name.length() >= 5 ? 2 : 1;
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : declared) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Damerau–Levenshtein distance (optimal string alignment) of {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
