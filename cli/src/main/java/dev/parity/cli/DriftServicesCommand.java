package dev.parity.cli;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.drift.DriftReport;
import dev.parity.drift.services.LiveService;
import dev.parity.drift.services.ServerVersions;
import dev.parity.drift.services.ServiceVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity drift services}: the version every declared database and cache of an environment runs. */
@Command(name = "services", mixinStandardHelpOptions = true,
    description = {"Compare the version each PostgreSQL, MySQL/MariaDB and Redis of an environment runs"
        + " (SHOW server_version, SELECT VERSION(), INFO server) with the version the spec declares, at the"
        + " environment's declared endpoints. A declared 14.9 matches only 14.9; see docs/drift.md.",
        "Every service is asked; each one that cannot be reached is named, and then the exit code is 2."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every service runs its declared engine and version", "1:drift found; the report lists every"
        + " service that differs", "2:bad input or usage, or a service that cannot be reached (each is named)"})
final class DriftServicesCommand implements Callable<Integer> {

  @Mixin
  DriftSpecOptions specOptions;

  @Option(names = "--endpoint", paramLabel = "<service>=<host:port|jdbc-url>",
      description = "Where a service answers instead of its declared endpoint, for example through a tunnel:"
          + " db=localhost:15432, or a whole JDBC URL (its user and password are used as given). Repeatable.")
  Map<String, String> endpoints = Map.of();

  @Mixin
  ReportOptions report;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    report.format();
    LoadedSpec loaded = specOptions.load();
    Environment environment = DriftSpecOptions.environment(loaded, specOptions.environment);
    List<LiveService> services = services(loaded.stack(), environment, endpoints);
    List<ServiceVersions.Observed> observed = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    for (LiveService service : services) {
      try {
        observed.add(new ServiceVersions.Observed(service, ServerVersions.read(service)));
      } catch (ParityException e) {
        unreachable.add(e.getMessage());
      }
    }
    DriftReport result = ServiceVersions.report(observed, loaded.name() + " (" + environment.name() + ")",
        "environment " + environment.name());
    int exit = report.emit(result, command.commandLine().getOut());
    if (!unreachable.isEmpty()) {
      throw new ParityException(ErrorCode.UNREACHABLE, unreachable.size() + " of " + services.size()
          + " services could not be asked for their version:\n  " + String.join("\n  ", unreachable));
    }
    return exit;
  }

  /**
   * Each PostgreSQL, MySQL/MariaDB and Redis of {@code stack} and where it answers in {@code environment}:
   * the override of {@code endpoints}, else the declared endpoint at the service's port.
   */
  static List<LiveService> services(Stack stack, Environment environment, Map<String, String> endpoints) {
    return services(stack, environment, endpoints, key -> key);
  }

  /**
   * As {@link #services(Stack, Environment, Map)}, each password read from the variable {@code variable} names
   * for the service's password key ({@code drift envs} reads {@code STAGING_DB_PASSWORD} for key {@code DB_PASSWORD}).
   */
  static List<LiveService> services(Stack stack, Environment environment, Map<String, String> endpoints,
      java.util.function.UnaryOperator<String> variable) {
    for (String name : endpoints.keySet()) {
      if (stack.services().stream().noneMatch(s -> s.name().equals(name) && s instanceof Database)) {
        throw new ParityException(ErrorCode.USAGE, "--endpoint " + name + "=…: '" + name + "' is not a database or"
            + " cache of stack '" + stack.name() + "'");
      }
    }
    List<LiveService> services = new ArrayList<>();
    for (Service service : stack.services()) {
      if (!(service instanceof Postgres || service instanceof MySql || service instanceof Redis)) {
        continue;
      }
      Database db = (Database) service;
      String override = endpoints.get(service.name());
      String host = stack.addresses(environment).host(service);
      if (override == null && host == null) {
        throw new ParityException(ErrorCode.USAGE, "environment '" + environment.name() + "' declares no endpoint"
            + " for '" + service.name() + "'; declare .endpoint(\"" + service.name() + "\", host), or pass --endpoint "
            + service.name() + "=<host:port>");
      }
      String hostPort = override != null && !override.startsWith("jdbc:") ? override
          : host + ":" + service.containerPort();
      if (service instanceof Redis) {
        services.add(new LiveService(service.name(), db.engine(), db.version(), hostPort, null, null));
        continue;
      }
      String url = override != null && override.startsWith("jdbc:") ? override
          : SpecDatabases.url(db, hostPort);
      boolean urlHasPassword = url.matches("(?i).*[?&;]password=.*");
      boolean urlHasUser = url.matches("(?i).*[?&;]user=.*");
      services.add(new LiveService(service.name(), db.engine(), db.version(), url,
          urlHasUser ? null : SpecDatabases.user(db),
          urlHasPassword || SpecDatabases.passwordKey(db) == null ? null
              : LiveSchemaGate.password(variable.apply(SpecDatabases.passwordKey(db)), service.name() + "'s password")));
    }
    return services;
  }
}
