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

  @Option(names = "--password-env", paramLabel = "<service>=<VAR>",
      description = "The environment variable holding a service's password, for example cache=CACHE_PASSWORD:"
          + " Redis gets it with AUTH (else no AUTH is sent); a SQL database uses it instead of the variable its"
          + " password key names. The password itself is never an argument. Repeatable.")
  Map<String, String> passwordEnvs = Map.of();

  @Option(names = "--user", paramLabel = "<service>=<user>",
      description = "The user of a service: the Redis ACL user of AUTH <user> <password> (Redis 6 and later; needs"
          + " --password-env too), or a SQL database's user instead of the spec's. Repeatable.")
  Map<String, String> users = Map.of();

  @Mixin
  ReportOptions report;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    report.format();
    LoadedSpec loaded = specOptions.load();
    Environment environment = DriftSpecOptions.environment(loaded, specOptions.environment);
    List<LiveService> services = services(loaded.stack(), environment, endpoints,
        new Credentials("", users, passwordEnvs, key -> key));
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
   * How the services' users and passwords are given on one command: the {@code --user} and {@code --password-env}
   * entries by service name, the prefix their keys carry on the command line ({@code staging.} for {@code drift
   * envs}, none for {@code drift services}), and the variable that holds a password key's value when no
   * {@code --password-env} names one ({@code drift envs} reads {@code STAGING_DB_PASSWORD} for key
   * {@code DB_PASSWORD}).
   */
  record Credentials(String prefix, Map<String, String> users, Map<String, String> passwordEnvs,
      java.util.function.UnaryOperator<String> variable) {

    /** What the message says when a Redis asks for a password or refuses the one given. */
    String hint(String service) {
      String variable = passwordEnvs.get(service);
      if (variable == null) {
        return "pass --password-env " + prefix + service + "=<VAR> naming the environment variable that holds it"
            + " (with --user " + prefix + service + "=<user> for an ACL user)";
      }
      return "check the value of " + variable + " (--password-env " + prefix + service + "=" + variable + ")"
          + (users.containsKey(service) ? " and the user " + users.get(service) + " (--user " + prefix + service
          + "=" + users.get(service) + ")" : "");
    }
  }

  /**
   * Each PostgreSQL, MySQL/MariaDB and Redis of {@code stack} and where it answers in {@code environment}:
   * the override of {@code endpoints}, else the declared endpoint at the service's port; its user and password
   * as {@code credentials} give them, else (SQL engines) the spec's user and the variable of its password key.
   */
  static List<LiveService> services(Stack stack, Environment environment, Map<String, String> endpoints,
      Credentials credentials) {
    known(stack, "--endpoint", credentials.prefix(), endpoints);
    known(stack, "--user", credentials.prefix(), credentials.users());
    known(stack, "--password-env", credentials.prefix(), credentials.passwordEnvs());
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
            + credentials.prefix() + service.name() + "=<host:port>");
      }
      String hostPort = override != null && !override.startsWith("jdbc:") ? override
          : host + ":" + service.containerPort();
      String user = credentials.users().get(service.name());
      String passwordEnv = credentials.passwordEnvs().get(service.name());
      String option = "--password-env " + credentials.prefix() + service.name() + "=" + passwordEnv;
      if (service instanceof Redis) {
        if (user != null && passwordEnv == null) {
          throw new ParityException(ErrorCode.USAGE, "--user " + credentials.prefix() + service.name() + "=" + user
              + ": Redis takes a user only with its password; pass --password-env " + credentials.prefix()
              + service.name() + "=<VAR> too");
        }
        services.add(new LiveService(service.name(), db.engine(), db.version(), hostPort, user,
            LiveSchemaGate.password(passwordEnv, option), credentials.hint(service.name())));
        continue;
      }
      String url = override != null && override.startsWith("jdbc:") ? override
          : SpecDatabases.url(db, hostPort);
      boolean urlHasPassword = url.matches("(?i).*[?&;]password=.*");
      boolean urlHasUser = url.matches("(?i).*[?&;]user=.*");
      String password = passwordEnv != null ? LiveSchemaGate.password(passwordEnv, option)
          : urlHasPassword || SpecDatabases.passwordKey(db) == null ? null
          : LiveSchemaGate.password(credentials.variable().apply(SpecDatabases.passwordKey(db)),
              service.name() + "'s password");
      services.add(new LiveService(service.name(), db.engine(), db.version(), url,
          user != null ? user : urlHasUser ? null : SpecDatabases.user(db), password, credentials.hint(service.name())));
    }
    return services;
  }

  /** Refuses an entry of {@code option} whose service is no database or cache of {@code stack}. */
  private static void known(Stack stack, String option, String prefix, Map<String, String> entries) {
    for (String name : entries.keySet()) {
      if (stack.services().stream().noneMatch(s -> s.name().equals(name) && s instanceof Database)) {
        throw new ParityException(ErrorCode.USAGE, option + " " + prefix + name + "=…: '" + name + "' is not a"
            + " database or cache of stack '" + stack.name() + "'");
      }
    }
  }
}
