package dev.parity.cli;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import java.util.List;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.drift.DriftReport;
import dev.parity.drift.config.ConfigDrift;
import dev.parity.drift.config.EnvFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity drift config}: actual variables against the config schema. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Compare actual environment variables with the spec's config schema: required keys missing,"
        + " values that differ from the spec, values of the wrong type, secrets holding a placeholder"
        + " (changeme, password, xxx, empty, …), and unknown keys.",
        "With --from-process only unknown keys that share their first word with a declared key are reported"
            + " (DB_PASWORD beside DB_PASSWORD, not PATH); with --from-env-file every undeclared key is."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the variables satisfy the schema", "1:drift found; the report lists every difference",
        "2:bad input or usage"})
final class DriftConfigCommand implements Callable<Integer> {

  @Mixin
  DriftSpecOptions specOptions;

  @Option(names = "--from-env-file", paramLabel = "<file>", description = "A .env file of KEY=value lines.")
  Path envFile;

  @Option(names = "--from-process", description = "The environment of this process.")
  boolean fromProcess;

  @Option(names = "--app", paramLabel = "<app>", description = {"The app whose variables these are: only the keys"
      + " it uses are expected, and a declared key it does not use is drift.",
      "Default: the stack's only app; a stack without apps expects its whole schema."})
  String app;

  @Mixin
  ReportOptions report;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    if ((envFile == null) == !fromProcess) {
      throw new ParityException(ErrorCode.USAGE, "pass exactly one of --from-env-file <file> or --from-process");
    }
    report.format();
    LoadedSpec loaded = specOptions.load();
    Environment environment = DriftSpecOptions.environment(loaded, specOptions.environment);
    Map<String, String> actual = fromProcess ? System.getenv() : EnvFile.read(envFile);
    DriftReport result = ConfigDrift.check(loaded.stack(), environment, app(loaded), actual,
        fromProcess ? ConfigDrift.Source.PROCESS : ConfigDrift.Source.ENV_FILE,
        fromProcess ? "the process environment" : envFile.toString());
    return report.emit(result, command.commandLine().getOut());
  }

  /** The app named by --app, else the stack's only app, else none (the whole schema). */
  private App app(LoadedSpec loaded) {
    Stack stack = loaded.stack();
    List<String> names = stack.apps().stream().map(App::name).toList();
    if (app != null) {
      return loaded.app(app);
    }
    if (names.size() > 1) {
      throw new ParityException(ErrorCode.USAGE, "stack '" + stack.name() + "' has several apps, each with its own"
          + " config; pass --app with one of: " + String.join(", ", names));
    }
    return stack.apps().isEmpty() ? null : stack.apps().get(0);
  }
}
