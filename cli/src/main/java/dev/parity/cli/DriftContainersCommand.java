package dev.parity.cli;

import dev.parity.core.Environment;
import dev.parity.core.ImageLock;
import dev.parity.core.Releases;
import dev.parity.drift.DriftReport;
import dev.parity.drift.containers.ContainerDrift;
import dev.parity.drift.containers.DockerContainers;
import dev.parity.drift.containers.ExpectedContainer;
import dev.parity.drift.containers.RunningContainer;
import dev.parity.pins.ReleaseFiles;
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
        "Digests come from the image lock beside the spec (parity.lock.json) and, for apps in a remote environment,"
            + " from its release file (deploy/releases/<env>.json): a container running another digest is drift.",
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
    List<ExpectedContainer> expected = ExpectedContainer.of(loaded.stack(), environment,
        SpecOptions.lock(loaded).orElse(ImageLock.empty()), releases(loaded));
    DriftReport result = ContainerDrift.compare(expected, running,
        loaded.name() + " (" + environment.name() + ")",
        "containers of stack " + loaded.stack().name() + " on " + (dockerHost == null ? "the local Docker" : dockerHost));
    return report.emit(result, command.commandLine().getOut());
  }

  /** The release files of the tree beside the spec ({@code deploy/releases/}), if any. */
  private static Releases releases(LoadedSpec loaded) {
    return ReleaseFiles.read(loaded.folder().resolve("deploy"), loaded.stack());
  }
}
