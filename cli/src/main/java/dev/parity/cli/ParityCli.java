package dev.parity.cli;

import dev.parity.core.ParityException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The {@code parity} command: {@code generate}, {@code check}, {@code diff}, {@code drift}, and
 * {@code up}, {@code down} and {@code status} for the local stack, {@code lock} for third-party
 * image digests, {@code release} and {@code promote} for app digests per environment, {@code init}
 * to import a compose file, {@code doctor} for what this machine has. Exit codes: 0 fine,
 * 1 a check found something, 2 bad input or usage. Errors go to stderr, without a stack trace
 * unless {@code --verbose} is given.
 */
@Command(name = "parity", mixinStandardHelpOptions = true, versionProvider = ParityCli.Version.class,
    description = "Declare your system once in Java; render, check and compare every environment from it.",
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

  /**
   * The commands, in the order help lists them. Only the one a command line names is built (picocli
   * reads a command's annotations by reflection: building all of them was a third of a short
   * command's start-up); help, --version and unknown commands get them all.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("init", InitCommand::new);
    commands.put("generate", GenerateCommand::new);
    commands.put("check", CheckCommand::new);
    commands.put("diff", DiffCommand::new);
    commands.put("drift", DriftCommand::new);
    commands.put("up", UpCommand::new);
    commands.put("down", DownCommand::new);
    commands.put("status", StatusCommand::new);
    commands.put("lock", LockCommand::new);
    commands.put("release", ReleaseCommand::new);
    commands.put("promote", PromoteCommand::new);
    commands.put("doctor", DoctorCommand::new);
    return commands;
  }

  /** Runs the command line with the given writers and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new ParityCli());
    String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    COMMANDS.forEach((name, command) -> {
      if (named == null || !COMMANDS.containsKey(named) || named.equals(name)) {
        commandLine.addSubcommand(name, command.get());
      }
    });
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
        "Missing command: init, generate, check, diff, drift, up, down, status, lock, release, promote or doctor");
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

  /** Parity's version, from the jar's manifest, or the development version when run from classes. */
  static String version() {
    String version = ParityCli.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }

  /**
   * The lines {@code --version} prints: Parity's version, the Java runtime's, and the Docker
   * engine's when it answers within {@link MachineFacts#TIMEOUT}.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      MachineFacts.Fact docker = MachineFacts.docker(System.getenv());
      return new String[] {"parity " + version(), MachineFacts.java(),
          docker.found() ? docker.text() : "Docker engine " + docker.text()};
    }
  }
}
