package dev.parity.cli;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.drift.DriftReport;
import dev.parity.drift.schema.Jdbc;
import dev.parity.drift.schema.SchemaDrift;
import dev.parity.drift.schema.SchemaModel;
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
        + " migrations produce (--spec/--env: the live Flyway history is read, and the migrations up to the version it"
        + " has applied are applied to a throwaway container of the spec's image; newer ones are pending, not drift).",
        "Creation order, inline vs ALTER constraints, generated constraint names and whitespace never count."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the schemas are equal", "1:drift found; the report lists every difference (pending migrations alone are not drift)",
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
    return LiveSchemaGate.check(loaded, LiveSchemaGate.of(environment, loaded.stack(), database, to, toUser,
        toPasswordEnv, schema));
  }

  private static SchemaModel read(String url, String user, String password, List<String> schemas) {
    return LiveSchemaGate.read(url, user, password, schemas);
  }

  private static String password(String variable, String option) {
    return LiveSchemaGate.password(variable, option);
  }
}
