package dev.parity.cli;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.ConfigValue;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Knob;
import dev.parity.core.Kubernetes;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Resources;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A billing stack (a JVM app, PostgreSQL, Redis) that refers to its services, config keys, knob and
 * environments through every reference the DSL has, with one of those names misspelled: the specs
 * of {@link StackMistakesPropertyTest}.
 */
final class MisspelledNames {

  private MisspelledNames() {
  }

  /** Where a spec runs: each target present adds its environment. */
  enum Target {
    LOCAL, INSTANCES, KUBERNETES
  }

  /** What a name refers to: each kind has its own declared names. */
  enum Kind {
    SERVICE, KEY, KNOB, ENVIRONMENT
  }

  /**
   * A place in the DSL that names something declared elsewhere, the name it gives when spelled
   * right, and the element its problem is reported on.
   */
  enum Site {
    HOST_OF(Kind.SERVICE, "db", "config key 'DB_HOST'"),
    PORT_OF(Kind.SERVICE, "db", "config key 'DB_PORT'"),
    URL_OF(Kind.SERVICE, "cache", "config key 'REDIS_URL'"),
    JDBC_URL_OF(Kind.SERVICE, "db", "config key 'DB_URL'"),
    DATABASE_OF(Kind.SERVICE, "db", "config key 'DB_NAME'"),
    USER_OF(Kind.SERVICE, "db", "config key 'DB_USER'"),
    /** {@code hostOf} as an environment's own value of a per-environment key. */
    HOST_OF_IN_ENVIRONMENT(Kind.SERVICE, "cache", "key 'CACHE_HOST'"),
    DEPENDS_ON(Kind.SERVICE, "db", "service 'api'"),
    ENDPOINT(Kind.SERVICE, "cache", "environment '"),
    DEVIATION(Kind.SERVICE, "db", "deviation"),
    INGRESS_TO(Kind.SERVICE, "api", "environment 'staging'"),
    USES(Kind.KEY, "REDIS_URL", "service 'api'"),
    PASSWORD(Kind.KEY, "DB_PASSWORD", "service 'db'"),
    SECRET_ENV(Kind.KEY, "DB_PASSWORD", "service 'cache'"),
    SET(Kind.KEY, "FAST_CHECKOUT", "environment '"),
    SECRET(Kind.KEY, "DB_PASSWORD", "environment '"),
    KNOB(Kind.KNOB, "min_healthy_percent", "environment '"),
    DEVIATION_IN(Kind.ENVIRONMENT, null, "deviation");

    final Kind kind;
    private final String right;
    final String element;

    Site(Kind kind, String right, String element) {
      this.kind = kind;
      this.right = right;
      this.element = element;
    }

    /** The name this site gives when spelled right, on a stack with {@code targets}. */
    String right(Set<Target> targets) {
      return right != null ? right : firstEnvironment(targets);
    }

    /** Whether a stack with {@code targets} has this site. */
    boolean existsOn(Set<Target> targets) {
      return switch (this) {
        case ENDPOINT, SECRET, KNOB, HOST_OF_IN_ENVIRONMENT -> targets.contains(Target.INSTANCES) || targets.contains(Target.KUBERNETES);
        case INGRESS_TO -> targets.contains(Target.KUBERNETES);
        default -> true;
      };
    }
  }

  /** How a name is misspelled. */
  enum Mistake {
    DELETE, INSERT, SUBSTITUTE, TRANSPOSE, TWO_EDITS, UPPER_CASE, LOWER_CASE, CAPITALISED, EMPTY, UNKNOWN;

    /** A near miss of a right name, where a "did you mean" is due. */
    boolean nearMiss() {
      return this != TWO_EDITS && this != EMPTY && this != UNKNOWN;
    }

    /** A change of case alone, where the suggestion is the right name itself. */
    boolean caseOnly() {
      return this == UPPER_CASE || this == LOWER_CASE || this == CAPITALISED;
    }

    String apply(String right, long seed) {
      Random random = new Random(seed);
      return switch (this) {
        case DELETE -> delete(right, random);
        case INSERT -> insert(right, random);
        case SUBSTITUTE -> substitute(right, random);
        case TRANSPOSE -> transpose(right, random);
        case TWO_EDITS -> substitute(insert(right, random), random);
        case UPPER_CASE -> right.toUpperCase(Locale.ROOT);
        case LOWER_CASE -> right.toLowerCase(Locale.ROOT);
        case CAPITALISED -> right.substring(0, 1).toUpperCase(Locale.ROOT) + right.substring(1).toLowerCase(Locale.ROOT);
        case EMPTY -> "";
        case UNKNOWN -> "x" + Long.toString(Math.abs(random.nextLong() % 1_000_000), 36);
      };
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz_-0123456789";

    private static char letter(Random random, String right) {
      char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
      return right.chars().anyMatch(Character::isUpperCase) ? Character.toUpperCase(c) : c;
    }

    private static String delete(String s, Random random) {
      int i = random.nextInt(s.length());
      return s.substring(0, i) + s.substring(i + 1);
    }

    private static String insert(String s, Random random) {
      int i = random.nextInt(s.length() + 1);
      return s.substring(0, i) + letter(random, s) + s.substring(i);
    }

    private static String substitute(String s, Random random) {
      int i = random.nextInt(s.length());
      return s.substring(0, i) + letter(random, s) + s.substring(i + 1);
    }

    private static String transpose(String s, Random random) {
      int i = random.nextInt(s.length() - 1);
      return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }
  }

  /** The targets a bit mask from 1 to 7 picks. */
  static Set<Target> targets(int mask) {
    Set<Target> targets = EnumSet.noneOf(Target.class);
    for (Target target : Target.values()) {
      if ((mask & (1 << target.ordinal())) != 0) {
        targets.add(target);
      }
    }
    return targets;
  }

  /** The names of {@code kind} the stack with {@code targets} declares. */
  static List<String> declared(Kind kind, Set<Target> targets) {
    return switch (kind) {
      case SERVICE -> List.of("api", "db", "cache");
      case KEY -> List.of("DB_HOST", "DB_PORT", "DB_URL", "DB_NAME", "DB_USER", "REDIS_URL", "CACHE_HOST",
          "DB_PASSWORD", "FAST_CHECKOUT");
      case KNOB -> List.of("min_healthy_percent");
      case ENVIRONMENT -> environments(targets, s -> s.right(targets)).stream().map(Environment::name).toList();
    };
  }

  /**
   * The billing stack on {@code targets}, with {@code wrong} in place of the name {@code site} gives, or
   * spelled right everywhere when {@code site} is null.
   */
  static Stack.Builder stack(Set<Target> targets, Site site, String wrong) {
    Function<Site, String> name = s -> s == site ? wrong : s.right(targets);
    Stack.Builder stack = Stack.named("billing")
        .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy")
            .jar("target/billing.jar")
            .port(8080)
            .dependsOn(name.apply(Site.DEPENDS_ON), "cache")
            .uses("DB_HOST", "DB_PORT", "DB_URL", "DB_NAME", "DB_USER", name.apply(Site.USES), "CACHE_HOST",
                "DB_PASSWORD", "FAST_CHECKOUT"))
        .service(Postgres.of("db", "16.4").database("billing").user("billing").password(name.apply(Site.PASSWORD)))
        .service(Redis.of("cache", "7.2.5").options(o -> o.secretEnv("REDIS_PASSWORD", name.apply(Site.SECRET_ENV))))
        .config(ConfigKey.string("DB_HOST").value(ConfigValue.hostOf(name.apply(Site.HOST_OF))))
        .config(ConfigKey.integer("DB_PORT").value(ConfigValue.portOf(name.apply(Site.PORT_OF))))
        .config(ConfigKey.url("DB_URL").value(ConfigValue.jdbcUrlOf(name.apply(Site.JDBC_URL_OF))))
        .config(ConfigKey.string("DB_NAME").value(ConfigValue.databaseOf(name.apply(Site.DATABASE_OF))))
        .config(ConfigKey.string("DB_USER").value(ConfigValue.userOf(name.apply(Site.USER_OF))))
        .config(ConfigKey.url("REDIS_URL").value(ConfigValue.urlOf(name.apply(Site.URL_OF))))
        .config(ConfigKey.string("CACHE_HOST").value(ConfigValue.hostOf("cache")).perEnvironment())
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.bool("FAST_CHECKOUT").defaultValue("false").perEnvironment())
        .knob(Knob.number("min_healthy_percent", "Share of api instances kept running during a deploy").defaultValue(50));
    for (Environment environment : environments(targets, name)) {
      stack.environment(environment.isLocal() ? environment.set(name.apply(Site.SET), "true") : remote(environment, name));
    }
    return stack.deviation(Deviation.of(name.apply(Site.DEVIATION)).in(name.apply(Site.DEVIATION_IN))
        .differs("runs the postgres:16.4 container").because("the remote environments run Amazon RDS for PostgreSQL 16.4"));
  }

  private static Environment remote(Environment environment, Function<Site, String> name) {
    String env = environment.name();
    return environment
        .endpoint("db", "db." + env + ".internal")
        .endpoint(name.apply(Site.ENDPOINT), "cache." + env + ".internal")
        .set(name.apply(Site.SET), "true")
        .set("CACHE_HOST", ConfigValue.hostOf(name.apply(Site.HOST_OF_IN_ENVIRONMENT)))
        .secret(name.apply(Site.SECRET), SecretRef.awsParameter("/billing/" + env + "/db-password"))
        .knob(name.apply(Site.KNOB), 100);
  }

  private static List<Environment> environments(Set<Target> targets, Function<Site, String> name) {
    List<Environment> environments = new ArrayList<>();
    if (targets.contains(Target.LOCAL)) {
      environments.add(Environment.local());
    }
    if (targets.contains(Target.KUBERNETES)) {
      environments.add(Environment.remote("staging").instances(1).databaseClass("db.t3.small")
          .hostname("staging.billing.example.com")
          .kubernetes(Kubernetes.namespace("billing-staging").ingressTo(name.apply(Site.INGRESS_TO))
              .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))));
    }
    if (targets.contains(Target.INSTANCES)) {
      environments.add(Environment.remote("production").instances(2).instanceType("t3.small")
          .ami("ami-0c55b159cbfafe1f0").databaseClass("db.t3.medium"));
    }
    return environments;
  }

  private static String firstEnvironment(Set<Target> targets) {
    return environments(targets, s -> "api").get(0).name();
  }

  /** The spec {@code parity generate --spec dev.parity.cli.MisspelledNames$Spec} evaluates: the stack last handed to {@link #next}. */
  public static final class Spec implements ParitySpec {
    private static volatile Supplier<Stack> next;

    static void next(Supplier<Stack> stack) {
      next = stack;
    }

    @Override
    public Stack stack() {
      return next.get();
    }
  }
}
