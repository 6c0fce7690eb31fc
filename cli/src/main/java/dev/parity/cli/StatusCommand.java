package dev.parity.cli;

import dev.parity.runtime.LocalStack;
import dev.parity.runtime.ServiceStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code parity status}: the containers of the spec's stack, in every environment. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the containers of the spec's stack that run on the local Docker engine, in every environment.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown (also when nothing runs)", "2:bad input, or Docker is not reachable"})
final class StatusCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.load();
    List<ServiceStatus> services = LocalStack.of(loaded.stack()).status();
    PrintWriter out = command.commandLine().getOut();
    if (services.isEmpty()) {
      out.printf("Stack '%s' is not running.%n", loaded.stack().name());
      return 0;
    }
    out.printf("%-12s %-12s %-10s %-40s %s%n", "ENVIRONMENT", "SERVICE", "STATE", "IMAGE", "PORTS");
    for (ServiceStatus s : services) {
      out.printf("%-12s %-12s %-10s %-40s %s%n", s.environment(), s.service(), s.state(), s.image(), s.ports());
    }
    return 0;
  }
}
