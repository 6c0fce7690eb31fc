package dev.parity.cli;

import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The spec and environment a drift command compares against. */
final class DriftSpecOptions {

  @Option(names = "--spec", required = true, paramLabel = "<Spec.java|class>",
      description = "The spec: a .java file compiled on the fly, or a class name found on --classpath.")
  String spec;

  @Option(names = "--env", required = true, paramLabel = "<name>",
      description = "The environment of the spec that is compared, for example production.")
  String environment;

  @Option(names = "--classpath", paramLabel = "<path>", split = ":",
      description = "Extra class path for the spec (folders or jars).")
  List<Path> classpath = List.of();

  @Option(names = "--project-dir", paramLabel = "<dir>", defaultValue = ".",
      description = "Where the spec's relative paths start when --spec is a class name (default: ${DEFAULT-VALUE}).")
  Path projectDir;

  @Option(names = "--spec-timeout", paramLabel = "<seconds>", defaultValue = "30",
      description = "How long the spec's stack() may run before Parity gives up with exit 2 (default: ${DEFAULT-VALUE}).")
  long specTimeout;

  LoadedSpec load() {
    if (specTimeout < 1) {
      throw new ParityException(ErrorCode.USAGE, "--spec-timeout " + specTimeout + ": give the seconds the spec's"
          + " stack() may run, at least 1");
    }
    return SpecLoader.load(spec, classpath, projectDir, java.time.Duration.ofSeconds(specTimeout));
  }

  /** The environment named by {@code --env}, or a usage error listing the declared ones. */
  static Environment environment(LoadedSpec loaded, String name) {
    return loaded.stack().environment(name).orElseThrow(() -> new ParityException(ErrorCode.USAGE,
        "--env '" + name + "' is not an environment of stack '" + loaded.stack().name() + "'; declared: "
            + loaded.stack().environments().stream().map(Environment::name).collect(Collectors.joining(", "))));
  }
}
