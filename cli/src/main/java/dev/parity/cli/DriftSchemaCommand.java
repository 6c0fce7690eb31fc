package dev.parity.cli;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.drift.DriftReport;
import dev.parity.drift.schema.Jdbc;
import dev.parity.drift.schema.SchemaDrift;
import dev.parity.drift.schema.SchemaModel;
import dev.parity.drift.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity drift schema}: a live schema against another, or against the spec's migrations. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {"Compare a live database schema with another database (--from) or with the schema the spec's"
        + " migrations produce (--spec/--env: they are applied to a throwaway container of the spec's image).",
        "Creation order, inline vs ALTER constraints, generated constraint names and whitespace never count."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the schemas are equal", "1:drift found; the report lists every difference",
        "2:bad input or usage, or a database or Docker that cannot be reached"})
final class DriftSchemaCommand implements Callable<Integer> {

  @Option(names = "--from", paramLabel = "<jdbc-url>", description = "The expected database, for example staging.")
  String from;

  @Option(names = "--from-user", paramLabel = "<user>", description = "The user for --from (else from the URL).")
  String fromUser;

  @Option(names = "--from-password-env", paramLabel = "<VAR>",
      description = "The environment variable holding the password for --from (else from the URL).")
  String fromPasswordEnv;

  @ArgGroup(exclusive = false)
  DriftSpecOptions specOptions;

  @Option(names = "--service", paramLabel = "<name>",
      description = "With --spec: the database service to compare (default: the only one with migrations).")
  String service;

  @Option(names = "--to", paramLabel = "<jdbc-url>",
      description = "The live database, for example production. With --spec, defaults to the environment's endpoint.")
  String to;

  @Option(names = "--to-user", paramLabel = "<user>", description = "The user for --to (else from the URL or the spec).")
  String toUser;

  @Option(names = "--to-password-env", paramLabel = "<VAR>",
      description = "The environment variable holding the password for --to (else from the URL, or with --spec"
          + " the database's password key unless the URL has a password).")
  String toPasswordEnv;

  @Option(names = "--schema", paramLabel = "<name>",
      description = "The schema to compare (PostgreSQL; default: every user schema, or the spec's schema).")
  String schema;

  @Mixin
  ReportOptions report;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    if ((from == null) == (specOptions == null)) {
      throw new ParityException(ErrorCode.USAGE, "pass either --from <jdbc-url> or --spec <Spec.java> --env <name>,"
          + " to say what the live schema is compared with");
    }
    report.format();
    DriftReport result = specOptions == null ? betweenDatabases() : againstSpec();
    return report.emit(result, command.commandLine().getOut());
  }

  private DriftReport betweenDatabases() {
    if (to == null) {
      throw new ParityException(ErrorCode.USAGE, "--to <jdbc-url> is missing: the live database to compare");
    }
    List<String> schemas = schema == null ? List.of() : List.of(schema);
    String fromPassword = password(fromPasswordEnv, "--from-password-env");
    String toPassword = password(toPasswordEnv, "--to-password-env");
    return Concurrently.both(() -> read(from, fromUser, fromPassword, schemas), () -> read(to, toUser, toPassword, schemas),
        (expected, actual) -> SchemaDrift.compare(expected, actual, Jdbc.mask(from), Jdbc.mask(to)));
  }

  private DriftReport againstSpec() {
    LoadedSpec loaded = specOptions.load();
    Environment environment = DriftSpecOptions.environment(loaded, specOptions.environment);
    Database database = SpecDatabases.pick(loaded.stack(), service);
    String url = to != null ? to : SpecDatabases.url(loaded.stack(), environment, database);
    String user = toUser != null ? toUser : SpecDatabases.user(database);
    // A password in the URL is used as given; otherwise the spec's password key names the variable.
    boolean urlHasPassword = url.matches("(?i).*[?&;]password=.*");
    String passwordVariable = toPasswordEnv != null ? toPasswordEnv
        : urlHasPassword ? null : SpecDatabases.passwordKey(database);
    String password = passwordVariable == null ? null : password(passwordVariable, "--to-password-env");
    String schemaName = schema != null ? schema : SpecDatabases.schema(database);
    List<String> schemas = schemaName == null ? List.of() : List.of(schemaName);
    // The live database is read while the throwaway container starts and migrates.
    return Concurrently.both(() -> read(url, user, password, schemas),
        () -> ExpectedSchemas.of(loaded.stack(), database, loaded.folder(), schemas),
        (actual, expected) -> SchemaDrift.compare(expected, actual, "migrations of " + ((dev.parity.core.Service) database).name()
        + " in " + loaded.name() + " (" + database.image() + ")", environment.name() + " " + Jdbc.mask(url)));
  }

  private static SchemaModel read(String url, String user, String password, List<String> schemas) {
    try (Connection connection = Jdbc.connect(url, user, password)) {
      return SchemaReader.read(connection, schemas);
    } catch (SQLException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "closing the connection to " + Jdbc.mask(url) + " failed: "
          + e.getMessage(), e);
    }
  }

  private static String password(String variable, String option) {
    if (variable == null) {
      return null;
    }
    String value = System.getenv(variable);
    if (value == null) {
      throw new ParityException(ErrorCode.USAGE, "environment variable " + variable + " (" + option
          + ") is not set; export it with the database password, for example from a CI secret");
    }
    return value;
  }
}
