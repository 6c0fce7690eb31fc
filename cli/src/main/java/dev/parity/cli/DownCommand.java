package dev.parity.cli;

import dev.parity.runtime.LocalStack;
import dev.parity.runtime.StackRemoval;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity down}: removes what {@code parity up} started, found by its labels. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = {"Remove every container and network of the spec's stack in one environment, found by the"
        + " labels dev.parity.stack and dev.parity.environment: also what a killed `parity up` left.",
        "Named volumes (a database's data among them) are kept for the next `up`, like compose's; --volumes"
            + " removes them too. The env files `up` wrote for the environment are removed, and so is whatever an"
            + " interrupted `drift schema --spec` left of its throwaway database (stack <stack>-expected)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing of the stack is left", "2:bad input, an unknown environment, or Docker is not reachable"})
final class DownCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Option(names = "--env", paramLabel = "<name>", defaultValue = "local",
      description = "The environment to remove (default: ${DEFAULT-VALUE}).")
  String environment;

  @Option(names = {"-v", "--volumes"}, description = "Also remove the stack's named volumes (compose's `down --volumes`).")
  boolean volumes;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.load();
    StackRemoval removal = LocalStack.of(loaded.stack()).down(environment, volumes, loaded.folder());
    PrintWriter out = command.commandLine().getOut();
    out.printf("Removed %d containers and networks of stack '%s' (%s).%n",
        removal.containersAndNetworks(), loaded.stack().name(), environment);
    if (!removal.removedVolumes().isEmpty()) {
      out.printf("Removed volumes: %s.%n", String.join(", ", removal.removedVolumes()));
    }
    java.util.List<java.nio.file.Path> envFiles = WrittenEnvFiles.remove(loaded.folder(), environment);
    if (!envFiles.isEmpty()) {
      out.printf("Removed env files: %s.%n", envFiles.stream().map(Object::toString)
          .collect(java.util.stream.Collectors.joining(", ")));
    }
    String throwaway = ExpectedSchemas.stackName(loaded.stack());
    StackRemoval expected = LocalStack.removeThrowaway(throwaway, loaded.folder());
    if (expected.containersAndNetworks() > 0 || !expected.removedVolumes().isEmpty()) {
      out.printf("Removed %d containers and networks and %d volumes of stack '%s' (the throwaway database an"
          + " interrupted `drift schema --spec` left).%n", expected.containersAndNetworks(),
          expected.removedVolumes().size(), throwaway);
    }
    if (!removal.keptVolumes().isEmpty()) {
      out.printf("Kept volumes: %s (named volumes outlive `down`, like compose's; `parity down --volumes` removes"
          + " them).%n", String.join(", ", removal.keptVolumes()));
    }
    return 0;
  }
}
