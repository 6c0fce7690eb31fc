package dev.parity.cli;

import dev.parity.core.ParityException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The {@code parity} command: {@code generate}, {@code check}, {@code diff}, {@code drift}, and
 * {@code up}, {@code down} and {@code status} for the local stack, {@code lock} for third-party
 * image digests, {@code release} and {@code promote} for app digests per environment. Exit codes: 0 fine,
 * 1 a check found something, 2 bad input or usage. Errors go to stderr, without a stack trace
 * unless {@code --verbose} is given.
 */
@Command(name = "parity", mixinStandardHelpOptions = true, versionProvider = ParityCli.Version.class,
    description = "Declare your system once in Java; render, check and compare every environment from it.",
    subcommands = {GenerateCommand.class, CheckCommand.class, DiffCommand.class, DriftCommand.class,
        UpCommand.class, DownCommand.class, StatusCommand.class, LockCommand.class, ReleaseCommand.class,
        PromoteCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:fine", "1:a check or drift found something, or the local stack failed at run time",
        "2:bad input or usage, or Docker or a database is not reachable"})
public final class ParityCli implements Runnable {

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given writers and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new ParityCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new Errors());
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: generate, check, diff, drift, up, down, status, lock, release or promote");
  }

  /** Turns exceptions into one message on stderr and the exit code of their error code. */
  static final class Errors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
      PrintWriter err = commandLine.getErr();
      boolean verbose = parseResult.hasMatchedOption("--verbose")
          || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
      if (e instanceof ParityException parity) {
        err.println("parity: " + parity.getMessage());
        if (verbose) {
          e.printStackTrace(err);
        }
        return parity.code().exitCode();
      }
      err.println("parity: unexpected error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ParityCli.class.getPackage().getImplementationVersion();
      return new String[] {"parity " + (version == null ? "0.1.0-SNAPSHOT" : version)};
    }
  }
}
