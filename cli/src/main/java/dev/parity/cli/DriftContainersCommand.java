package dev.parity.cli;

import dev.parity.core.Environment;
import dev.parity.drift.DriftReport;
import dev.parity.drift.containers.ContainerDrift;
import dev.parity.drift.containers.DockerContainers;
import dev.parity.drift.containers.ExpectedContainer;
import dev.parity.drift.containers.RunningContainer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity drift containers}: the running containers of an environment against the spec. */
@Command(name = "containers", mixinStandardHelpOptions = true,
    description = {"Compare the running containers of an environment with the spec: missing or extra services,"
        + " image repository, tag and digest, environment keys missing or unknown (values are never printed).",
        "Containers are found by the labels dev.parity.stack/environment/service, and for the local environment"
            + " also by Docker Compose's project (the stack name) and service labels."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the containers match the spec", "1:drift found; the report lists every difference",
        "2:bad input or usage, or Docker cannot be reached"})
final class DriftContainersCommand implements Callable<Integer> {

  @Mixin
  DriftSpecOptions specOptions;

  @Option(names = "--docker-host", paramLabel = "<url>",
      description = "The Docker engine, for example unix:///var/run/docker.sock or tcp://host:2375"
          + " (default: DOCKER_HOST, else the local socket).")
  String dockerHost;

  @Mixin
  ReportOptions report;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    report.format();
    LoadedSpec loaded = specOptions.load();
    Environment environment = DriftSpecOptions.environment(loaded, specOptions.environment);
    List<RunningContainer> running;
    try (DockerContainers docker = DockerContainers.connect(dockerHost)) {
      running = docker.running(loaded.stack().name(), environment.name(), environment.isLocal());
    }
    DriftReport result = ContainerDrift.compare(ExpectedContainer.of(loaded.stack(), environment), running,
        loaded.name() + " (" + environment.name() + ")",
        "containers of stack " + loaded.stack().name() + " on " + (dockerHost == null ? "the local Docker" : dockerHost));
    return report.emit(result, command.commandLine().getOut());
  }
}
