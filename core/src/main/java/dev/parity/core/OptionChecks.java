package dev.parity.core;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks each service's {@link ServiceOptions}: ports, mounts, environment, secrets, command,
 * user, host name, health check and networks; and the stack's declared networks.
 */
final class OptionChecks {

  /** A compose volume name. */
  private static final Pattern VOLUME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  /** An RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, each at most 63 characters. */
  private static final Pattern HOSTNAME = Pattern.compile(
      "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  static final String VARIABLE_FIX = "use a name without '=', blanks or control characters, such as"
      + " \"discovery.type\" or \"LOG_LEVEL\"";

  private final ValidationContext context;
  private final RunOptionChecks runOptions;

  OptionChecks(ValidationContext context) {
    this.context = context;
    this.runOptions = new RunOptionChecks(context);
  }

  /** The stack's declared networks: valid names, each declared once. */
  void checkNetworks() {
    Set<String> names = new HashSet<>();
    for (Network network : context.stack().networks()) {
      String element = "network '" + network.name() + "'";
      if (!names.add(network.name())) {
        context.problem(element, "is declared more than once", "declare each network once with .network(Network.named(…))");
      } else {
        context.checkName(element, "name", network.name(),
            "Network.named(\"" + ValidationContext.suggestName(network.name(), "backend") + "\")");
      }
    }
  }

  void check(String element, Service service) {
    ServiceOptions o = service.options();
    new PortChecks(context).check(element, service);
    checkMounts(element, service);
    checkEnvironment(element, o);
    checkVariablesTheKindSets(element, service);
    if (!(service instanceof App)) { // an app's command is its start command: AppChecks reports options.command
      o.command().ifPresent(arguments -> checkArguments(element, "command", arguments,
          "options: .command(\"--flag=value\") with one non-blank argument per item"));
      o.user().ifPresent(user -> context.checkUser(element, user, "options: .user"));
    }
    o.entrypoint().ifPresent(arguments -> checkArguments(element, "entrypoint", arguments,
        "options: .entrypoint(\"/usr/local/bin/run\") with one non-blank argument per item"));
    o.hostname().ifPresent(host -> {
      if (!HOSTNAME.matcher(host).matches() || host.length() > 253) {
        context.problem(element, "host name '" + host + "' is not a valid RFC 1123 host name (dot-separated labels of"
            + " letters, digits and inner hyphens, each at most 63 characters)", "options: .hostname(\"" + ValidationContext.suggestName(host, service.name()) + "\")");
      }
    });
    o.healthcheck().ifPresent(check -> checkHealthcheck(element, check));
    checkServiceNetworks(element, o.networks());
    runOptions.check(element, service);
  }

  private void checkMounts(String element, Service service) {
    Map<String, Mount> byTarget = new LinkedHashMap<>();
    String dataPath = service instanceof Database db ? db.dataPath() : null;
    for (Mount mount : service.options().mounts()) {
      String target = mount.target();
      if (mount.isVolume()) {
        if (!VOLUME.matcher(mount.source()).matches()) {
          context.problem(element, "volume name '" + mount.source() + "' is not valid (letters, digits, '_', '.', '-',"
              + " starting with a letter or digit)", "Mount.volume(\"" + ValidationContext.suggestName(mount.source(),
                  service.name() + "-files") + "\", \"" + target.replace("\\", "\\\\").replace("\"", "\\\"") + "\")");
        }
      } else if (mount.isBind()) {
        context.checkRelativePath(element, "bind mount source", mount.source(),
            "Mount.bind(\"config/" + lastSegment(mount.source()) + "\", \"" + target + "\") with the file beside the spec");
      }
      if (!target.startsWith("/") || List.of(target.split("/")).contains("..") || target.contains(":")
          || target.chars().anyMatch(c -> c < ' ' || c == 127)) {
        context.problem(element, "mount target '" + target + "' is not an absolute container path (it must start with '/'"
            + " and hold no '..', ':' or control characters)", "mount at a path such as \"/data\"");
        continue;
      }
      String normalized = target.length() > 1 ? target.replaceAll("/+$", "") : target;
      if (byTarget.putIfAbsent(normalized, mount) != null) {
        context.problem(element, "mounts two things at '" + normalized + "' (" + describe(byTarget.get(normalized))
            + " and " + describe(mount) + ")", "keep one mount per target");
      } else if (normalized.equals(dataPath) && mount.isReadOnly()) {
        context.problem(element, "mounts '" + mount.source() + "' read-only at '" + dataPath + "', where the database"
            + " writes its data", "drop .readOnly() from this mount");
      }
    }
  }

  private static String lastSegment(String path) {
    String s = path.replace('\\', '/').replaceAll("/+$", "");
    s = s.substring(s.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.-]", "");
    return s.isEmpty() || s.equals("..") ? "file" : s;
  }

  private void checkEnvironment(String element, ServiceOptions o) {
    Set<String> variables = new HashSet<>();
    for (String variable : o.env().keySet()) {
      variables.add(variable);
      if (!ValidationContext.ENV_NAME.matcher(variable).matches()) {
        context.problem(element, "environment variable name '" + variable + "' is not valid", VARIABLE_FIX);
      } else if (ValidationContext.looksSecret(variable)) {
        context.problem(element, "sets '" + variable + "', which looks like a secret, to a literal value (not shown)",
            "keep secrets out of the spec: declare .config(ConfigKey.secret(\"" + variable + "\")) and use options:"
                + " .secretEnv(\"" + variable + "\", \"" + variable + "\")");
      } else if (LiteralCredentials.find(o.env().get(variable)).isPresent()) {
        context.problem(element, "sets '" + variable + "' to " + LiteralCredentials.find(o.env().get(variable)).get()
            + " (not shown)", "keep the password out of the spec: put the address in a config key without it, and the"
            + " password in .config(ConfigKey.secret(…)) read through options: .secretEnv(…)");
      }
    }
    for (Map.Entry<String, String> e : o.secretEnv().entrySet()) {
      String variable = e.getKey();
      if (!ValidationContext.ENV_NAME.matcher(variable).matches()) {
        context.problem(element, "environment variable name '" + variable + "' is not valid", VARIABLE_FIX);
      } else if (!variables.add(variable)) {
        context.problem(element, "sets '" + variable + "' both as a literal and from a secret", "remove .env(\"" + variable + "\", …)");
      }
      context.checkSecretKey(element, "sets '" + variable + "' from", e.getValue());
    }
    Set<String> names = new LinkedHashSet<>();
    for (SecretFile file : o.secretFiles()) {
      context.checkSecretKey(element, "mounts a secret file of", file.key());
      if (!names.add(file.name())) {
        context.problem(element, "mounts the secret file '" + file.path() + "' more than once", "declare .secretFile(\""
            + file.key() + "\") once");
      }
      file.variable().ifPresent(variable -> {
        if (!ValidationContext.ENV_NAME.matcher(variable).matches()) {
          context.problem(element, "secret file variable name '" + variable + "' is not valid", VARIABLE_FIX);
        } else if (!variables.add(variable)) {
          context.problem(element, "sets '" + variable + "' more than once (also as the path of secret file '" + file.name()
              + "')", "set each variable once");
        }
      });
    }
  }

  /**
   * A variable in {@code env}/{@code secretEnv} that the service already gets would win locally
   * (compose and {@code parity up} apply options last) while Terraform and the readiness checks keep
   * the declared value: an app's config keys, and the variables a database image is configured with.
   * A database's password as a file must be read through the image's own {@code *_FILE} variable.
   */
  private void checkVariablesTheKindSets(String element, Service service) {
    Set<String> taken = new LinkedHashSet<>();
    String fix;
    if (service instanceof App app) {
      taken.addAll(app.uses());
      fix = "the app receives it from the config schema: give the key its value there, or rename the variable";
    } else if (service instanceof Postgres) {
      taken.addAll(List.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_PASSWORD_FILE",
          "POSTGRES_HOST_AUTH_METHOD"));
      fix = "declare it with .database(…), .user(…), .password(…) or .trustLocalConnections()";
    } else if (service instanceof MySql) {
      for (String setting : List.of("DATABASE", "USER", "PASSWORD", "PASSWORD_FILE", "ROOT_PASSWORD", "ROOT_PASSWORD_FILE",
          "RANDOM_ROOT_PASSWORD", "ALLOW_EMPTY_PASSWORD", "ALLOW_EMPTY_ROOT_PASSWORD")) {
        taken.add("MYSQL_" + setting);
        taken.add("MARIADB_" + setting);
      }
      fix = "declare it with .database(…), .user(…), .password(…), .rootPassword(…) or .allowEmptyPassword()";
    } else {
      return;
    }
    ServiceOptions o = service.options();
    // One problem per mistake: a literal that looks like a secret is reported as such already.
    List<String> set = java.util.stream.Stream.concat(
        o.env().keySet().stream().filter(v -> !ValidationContext.looksSecret(v)), o.secretEnv().keySet().stream()).toList();
    for (String variable : set) {
      if (taken.contains(variable)) {
        context.problem(element, "sets '" + variable + "' in its options, which Parity already sets for it", fix);
      }
    }
    if (service instanceof Database db) {
      String prefix = db instanceof Postgres ? "POSTGRES_" : "MYSQL_";
      Map<String, Set<String>> expected = new LinkedHashMap<>();
      passwordKeys(db).forEach((key, settings) -> settings.forEach(setting ->
          expected.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(prefix + setting + "_FILE")));
      for (SecretFile file : o.secretFiles()) {
        Set<String> variables = expected.get(file.key());
        if (variables != null && file.variable().filter(v -> ValidationContext.ENV_NAME.matcher(v).matches()).isPresent()
            && !variables.contains(file.variable().get())) {
          context.problem(element, "reads its password from the secret file '" + file.name() + "' through '"
              + file.variable().get() + "', which the image does not read", ".secretFile(\"" + file.key() + "\") (Parity sets "
              + String.join(" and ", variables) + ")");
        }
      }
    }
  }

  /** A database's password keys and the settings each holds: {@code PASSWORD}, {@code ROOT_PASSWORD}. */
  private static Map<String, List<String>> passwordKeys(Database db) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    if (db instanceof Postgres p) {
      p.passwordKey().ifPresent(k -> keys.put(k, List.of("PASSWORD")));
    } else if (db instanceof MySql m) {
      m.passwordKey().ifPresent(k -> keys.put(k, List.of("PASSWORD")));
      m.rootPasswordKey().ifPresent(k -> keys.merge(k, List.of("ROOT_PASSWORD"),
          (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    }
    return keys;
  }

  private static String describe(Mount mount) {
    return mount.source().isEmpty() ? "an anonymous volume" : "'" + mount.source() + "'";
  }

  private void checkArguments(String element, String what, List<String> arguments, String fix) {
    if (arguments.isEmpty()) {
      context.problem(element, "declares an empty " + what, "leave it out to keep the image's own, or " + fix);
    } else if (arguments.stream().anyMatch(a -> a == null || a.isBlank())) {
      context.problem(element, "has a blank " + what + " argument", fix);
    }
  }

  private void checkHealthcheck(String element, Healthcheck check) {
    if (check.test().isEmpty() || check.test().stream().anyMatch(a -> a == null || a.isBlank())) {
      context.problem(element, "has a health check with an empty command or argument",
          "Healthcheck.command(\"wget\", \"-qO-\", \"http://127.0.0.1:8080/health\") or Healthcheck.shell(\"…\")");
    }
    checkDuration(element, "interval", check.interval(), false);
    checkDuration(element, "timeout", check.timeout(), false);
    checkDuration(element, "startPeriod", check.startPeriod(), true);
    if (check.retries() < 1) {
      context.problem(element, "has a health check with " + check.retries() + " retries", ".retries(1) or more");
    }
  }

  private void checkDuration(String element, String what, Duration duration, boolean zeroAllowed) {
    if (duration.isNegative() || duration.isZero() && !zeroAllowed) {
      context.problem(element, "has a health check " + what + " of " + duration.toMillis() + " ms, which is not "
          + (zeroAllowed ? "zero or more" : "positive"), "." + what + "(Duration.ofSeconds(" + (what.equals("timeout") ? 5 : 10) + "))");
    }
  }

  private void checkServiceNetworks(String element, List<String> networks) {
    List<String> declared = context.stack().networks().stream().map(Network::name).distinct().toList();
    Set<String> joined = new HashSet<>();
    for (String network : networks) {
      if (!context.references().check(element, network, declared, "joins network '" + network + "', which is not declared",
            "declare it with .network(Network.named(\"" + network + "\"))" + (declared.isEmpty() ? ""
                : " or join one of: " + String.join(", ", declared)))) {
        continue;
      } else if (!joined.add(network)) {
        context.problem(element, "joins network '" + network + "' more than once", "list each network once in options: .networks(…)");
      }
    }
  }
}
