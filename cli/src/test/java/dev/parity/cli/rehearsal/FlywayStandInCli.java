package dev.parity.cli.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The {@code flyway} command of the rehearsal's <b>stand-in</b> Flyway image (no Flyway image or
 * command-line download is reachable from these machines): {@code migrate} with Flyway's library,
 * configured as the official command line configures it, either from the {@code FLYWAY_*}
 * environment variables (the migrations image of the Kubernetes Job) or from
 * {@code -configFiles=flyway.toml -environment=<env>} (what {@code db/deploy.sh} runs on instances),
 * where {@code ${env.X}} reads the environment. A failure prints Flyway's message after
 * {@code ERROR: } and exits 1, as the command line does; any other command exits 2.
 */
public final class FlywayStandInCli {

  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env\\.([A-Za-z0-9_]+)}");

  private FlywayStandInCli() {
  }

  public static void main(String[] args) throws Exception {
    String configFile = null;
    String environment = null;
    List<String> commands = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("-configFiles=")) {
        configFile = arg.substring("-configFiles=".length());
      } else if (arg.startsWith("-environment=")) {
        environment = arg.substring("-environment=".length());
      } else {
        commands.add(arg);
      }
    }
    if (!commands.equals(List.of("migrate"))) {
      System.err.println("flyway stand-in: only `migrate` is supported, got " + String.join(" ", args));
      System.exit(2);
    }
    var configuration = Flyway.configure();
    if (configFile != null) {
      configuration = configuration.configuration(fromToml(new File(configFile), environment));
    } else {
      configuration = configuration.envVars();
    }
    try {
      MigrateResult result = configuration.load().migrate();
      System.out.println("Successfully applied " + result.migrationsExecuted + " migrations to schema \""
          + result.schemaName + "\", now at version v" + result.targetSchemaVersion);
    } catch (FlywayException e) {
      System.err.println("ERROR: " + e.getMessage());
      System.exit(1);
    }
  }

  static Map<String, String> fromToml(File file, String environment) throws Exception {
    JsonNode toml = new TomlMapper().readTree(file);
    Map<String, String> settings = new HashMap<>();
    JsonNode env = toml.path("environments").path(environment);
    if (env.isMissingNode()) {
      throw new IllegalArgumentException("no environment '" + environment + "' in " + file);
    }
    env.fields().forEachRemaining(e -> settings.put("flyway." + e.getKey(), text(e.getValue())));
    flatten("flyway", toml.path("flyway"), settings);
    return settings;
  }

  /**
   * A TOML table as Flyway's dotted properties, nested tables included: {@code [flyway.postgresql.transactional]
   * lock = false} is {@code flyway.postgresql.transactional.lock=false}, which the PostgreSQL plugin reads.
   */
  private static void flatten(String prefix, JsonNode table, Map<String, String> settings) {
    table.fields().forEachRemaining(e -> {
      if (e.getValue().isObject()) {
        flatten(prefix + "." + e.getKey(), e.getValue(), settings);
      } else {
        settings.put(prefix + "." + e.getKey(), text(e.getValue()));
      }
    });
  }

  private static String text(JsonNode value) {
    List<String> parts = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(v -> parts.add(v.asText()));
    } else {
      parts.add(value.asText());
    }
    Matcher matcher = ENV_REFERENCE.matcher(String.join(",", parts));
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(System.getenv().getOrDefault(matcher.group(1), "")));
    }
    return matcher.appendTail(out).toString();
  }
}
