package dev.parity.cli;

import dev.parity.runtime.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity down}: removes what {@code parity up} started, found by its labels. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = {"Remove every container and network of the spec's stack in one environment, found by the"
        + " labels dev.parity.stack and dev.parity.environment: also what a killed `parity up` left."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing of the stack is left", "2:bad input, an unknown environment, or Docker is not reachable"})
final class DownCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Option(names = "--env", paramLabel = "<name>", defaultValue = "local",
      description = "The environment to remove (default: ${DEFAULT-VALUE}).")
  String environment;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.load();
    int removed = LocalStack.of(loaded.stack()).down(environment);
    command.commandLine().getOut().printf("Removed %d containers and networks of stack '%s' (%s).%n",
        removed, loaded.stack().name(), environment);
    return 0;
  }
}
