package dev.parity.cli;

import dev.parity.runtime.LocalStack;
import dev.parity.runtime.ServiceStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code parity status}: the containers of the spec's stack, in every environment. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the containers of the spec's stack that run on the local Docker engine, and its named volumes,"
        + " in every environment.",
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
    LocalStack local = LocalStack.of(loaded.stack());
    List<ServiceStatus> services = local.status();
    PrintWriter out = command.commandLine().getOut();
    if (services.isEmpty()) {
      out.printf("Stack '%s' is not running.%n", loaded.stack().name());
    } else {
      out.printf("%-12s %-12s %-10s %-40s %s%n", "ENVIRONMENT", "SERVICE", "STATE", "IMAGE", "PORTS");
      for (ServiceStatus s : services) {
        out.printf("%-12s %-12s %-10s %-40s %s%n", s.environment(), s.service(), s.state(), s.image(), s.ports());
      }
    }
    Map<String, List<String>> volumes = local.volumes();
    if (!volumes.isEmpty()) {
      out.println();
      out.printf("%-12s %s%n", "ENVIRONMENT", "VOLUME (kept across `down`; `down --volumes` removes them)");
      volumes.forEach((environment, names) -> names.forEach(name -> out.printf("%-12s %s%n", environment, name)));
    }
    return 0;
  }
}
