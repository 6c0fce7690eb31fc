package dev.parity.cli;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.EnvironmentDiff;
import dev.parity.core.ErrorCode;
import dev.parity.core.Kubernetes;
import dev.parity.core.ParityException;
import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import dev.parity.drift.cluster.LiveCluster;
import dev.parity.drift.environments.ClusterPair;
import dev.parity.drift.environments.EnvironmentPair;
import dev.parity.drift.environments.Layer;
import dev.parity.drift.environments.SchemaPair;
import dev.parity.drift.environments.ServicePair;
import dev.parity.drift.history.FlywayHistory;
import dev.parity.drift.services.LiveService;
import dev.parity.drift.services.ServerVersions;
import dev.parity.drift.services.ServiceVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity drift envs}: one live environment against another, through every reader. */
@Command(name = "envs", mixinStandardHelpOptions = true,
    description = {"Compare two live environments with each other through every reader: the live schema of each"
        + " database with migrations, the objects of both Kubernetes namespaces (when both run on Kubernetes), and"
        + " the version of every PostgreSQL, MySQL/MariaDB and Redis.",
        "What the spec declares may differ (instances and autoscaling, resources, host names, per-environment values,"
            + " secret references, endpoints, a release not promoted yet) is listed apart as allowed; any other"
            + " difference is drift. Passwords: <ENV>_<KEY>, for example STAGING_DB_PASSWORD; see docs/drift.md."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:only declared differences", "1:drift found; the report lists every undeclared difference",
        "2:bad input or usage, or a database, service or API server of either environment that cannot be reached"})
final class DriftEnvsCommand implements Callable<Integer> {

  @Mixin
  SpecOptions specOptions;

  @Parameters(index = "0", paramLabel = "<envA>", description = "The first environment, for example staging.")
  String left;

  @Parameters(index = "1", paramLabel = "<envB>", description = "The second environment, for example production.")
  String right;

  @Option(names = "--context", paramLabel = "<env>=<context>",
      description = "The kubeconfig context of an environment instead of the one the spec declares, for example"
          + " staging=kind-staging. Repeatable.")
  Map<String, String> contexts = Map.of();

  @Option(names = "--endpoint", paramLabel = "<env>.<service>=<host:port|jdbc-url>",
      description = "Where a service of an environment answers instead of its declared endpoint, for example"
          + " production.db=localhost:15432, or a whole JDBC URL (its user and password are used as given). Repeatable.")
  Map<String, String> endpoints = Map.of();

  @Option(names = "--password-env", paramLabel = "<env>.<service>=<VAR>",
      description = "The environment variable holding a service's password in an environment, for example"
          + " production.cache=PRODUCTION_CACHE_PASSWORD: Redis gets it with AUTH; a SQL database uses it instead of"
          + " <ENV>_<KEY>. The password itself is never an argument. Repeatable.")
  Map<String, String> passwordEnvs = Map.of();

  @Option(names = "--user", paramLabel = "<env>.<service>=<user>",
      description = "The user of a service in an environment: the Redis ACL user (with --password-env), or a SQL"
          + " database's user instead of the spec's. Repeatable.")
  Map<String, String> users = Map.of();

  @Mixin
  ReportOptions report;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    report.format();
    LoadedSpec loaded = specOptions.load();
    EnvironmentDiff declared = EnvironmentDiff.between(loaded.stack(), left, right);
    Environment a = declared.left();
    Environment b = declared.right();
    if (a.name().equals(b.name())) {
      throw new ParityException(ErrorCode.USAGE, "drift envs " + left + " " + right + ": name two different"
          + " environments, for example staging production");
    }
    for (String env : contexts.keySet()) {
      if (!env.equals(a.name()) && !env.equals(b.name())) {
        throw new ParityException(ErrorCode.USAGE, "--context " + env + "=…: '" + env + "' is neither " + a.name()
            + " nor " + b.name());
      }
    }
    List<LiveService> servicesA = services(loaded, a);
    List<LiveService> servicesB = services(loaded, b);
    List<Layer> layers = new ArrayList<>();
    for (Database database : SpecDatabases.migrated(loaded.stack())) {
      String name = ((dev.parity.core.Service) database).name();
      layers.add(SchemaPair.compare(name, schema(loaded, a, database, find(servicesA, name)),
          schema(loaded, b, database, find(servicesB, name))));
    }
    if (a.runsOnKubernetes() && b.runsOnKubernetes()) {
      layers.add(ClusterPair.compare(cluster(loaded, a), cluster(loaded, b)));
    }
    for (int i = 0; i < servicesA.size(); i++) {
      LiveService sa = servicesA.get(i);
      LiveService sb = servicesB.get(i);
      layers.add(ServicePair.compare(a.name(), new ServiceVersions.Observed(sa, on(a, () -> ServerVersions.read(sa))),
          b.name(), new ServiceVersions.Observed(sb, on(b, () -> ServerVersions.read(sb)))));
    }
    layers.add(new Layer(List.of(), endpointsDeclared(declared)));
    DriftReport result = EnvironmentPair.report(a.name(), b.name(), layers);
    return report.emit(result, command.commandLine().getOut());
  }

  /**
   * The services of {@code env}, with its {@code --endpoint}s, {@code --user}s and {@code --password-env}s, and
   * otherwise the passwords of SQL databases from {@code <ENV>_<KEY>}.
   */
  private List<LiveService> services(LoadedSpec loaded, Environment env) {
    return DriftServicesCommand.services(loaded.stack(), env, of(env, "--endpoint", endpoints, "localhost:15432"),
        new DriftServicesCommand.Credentials(env.name() + ".", of(env, "--user", users, "app"),
            of(env, "--password-env", passwordEnvs, "STAGING_DB_PASSWORD"), key -> passwordVariable(env, key)));
  }

  /** The entries of {@code option} for {@code env}, by service name; an entry for neither environment is refused. */
  private Map<String, String> of(Environment env, String option, Map<String, String> entries, String example) {
    Map<String, String> mine = new LinkedHashMap<>();
    String prefix = env.name() + ".";
    entries.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        mine.put(key.substring(prefix.length()), value);
      } else if (!key.startsWith(left + ".") && !key.startsWith(right + ".")) {
        throw new ParityException(ErrorCode.USAGE, option + " " + key + "=…: write <env>.<service>, with <env> "
            + left + " or " + right + ", for example " + left + ".db=" + example);
      }
    });
    return mine;
  }

  /** The variable holding {@code key}'s value in {@code env}: {@code STAGING_DB_PASSWORD}. */
  static String passwordVariable(Environment env, String key) {
    return env.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + key;
  }

  private static LiveService find(List<LiveService> services, String name) {
    return services.stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow();
  }

  private static SchemaPair.Side schema(LoadedSpec loaded, Environment env, Database database, LiveService at) {
    return on(env, () -> {
      String applied = FlywayHistory.read(database, loaded.folder(), at.address(), at.user(), at.password())
          .appliedVersion().orElse(null);
      List<String> schemas = SpecDatabases.schema(database) == null ? List.of() : List.of(SpecDatabases.schema(database));
      return new SchemaPair.Side(env.name(), applied, LiveSchemaGate.read(at.address(), at.user(), at.password(), schemas));
    });
  }

  private ClusterPair.Side cluster(LoadedSpec loaded, Environment env) {
    Kubernetes k8s = env.kubernetes().orElseThrow();
    String context = contexts.getOrDefault(env.name(), k8s.context().orElse(null));
    return on(env, () -> {
      try (LiveCluster live = LiveCluster.connect(context)) {
        return new ClusterPair.Side(env.name(), DriftClusterCommand.expected(loaded, env),
            live.objects(k8s.namespace(), loaded.stack().name()));
      }
    });
  }

  /** The endpoints each environment declares for its services: how they were reached, and allowed to differ. */
  private static List<Finding> endpointsDeclared(EnvironmentDiff declared) {
    List<Finding> rows = new ArrayList<>();
    for (EnvironmentDiff.Row row : declared.rows()) {
      if (row.aspect().startsWith("service ") && row.aspect().endsWith(" host")) {
        String service = row.aspect().substring(0, row.aspect().length() - " host".length());
        rows.add(new Finding(Category.SERVICE, Change.CHANGED, service, "endpoint: " + row.left() + " in "
            + declared.left().name() + ", " + row.right() + " in " + declared.right().name()
            + " (declared: endpoint)", row.left(), row.right()));
      }
    }
    return rows;
  }

  /** {@code read}, with the environment named in front of the reason when it cannot be done. */
  private static <T> T on(Environment env, Supplier<T> read) {
    try {
      return read.get();
    } catch (ParityException e) {
      throw new ParityException(e.code(), env.name() + ": " + e.getMessage(), e);
    }
  }
}
