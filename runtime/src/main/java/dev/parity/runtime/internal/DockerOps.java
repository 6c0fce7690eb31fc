package dev.parity.runtime.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Docker operations of the local stack, over docker-java. */
public final class DockerOps {

  private final DockerClient client;

  public DockerOps(DockerClient client) {
    this.client = client;
  }

  DockerClient client() {
    return client;
  }

  /** Whether the engine has {@code reference} locally. */
  public boolean hasImage(String reference) {
    try {
      client.inspectImageCmd(reference).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Removes the tag {@code reference}, keeping the image while other tags name it. */
  public void untag(String reference) {
    client.removeImageCmd(reference).withNoPrune(true).exec();
  }

  /** Pulls {@code reference}; returns why it failed, or null. */
  String pull(String reference) {
    try {
      boolean done = client.pullImageCmd(reference).start().awaitCompletion(10, TimeUnit.MINUTES);
      return done ? null : "the pull did not finish in 10 minutes";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (RuntimeException e) {
      return DockerProbe.firstLine(e);
    }
  }

  void tag(String source, String repository, String tag) {
    client.tagImageCmd(source, repository, tag).exec();
  }

  String createNetwork(String name, Map<String, String> labels, boolean internal) {
    return client.createNetworkCmd().withName(name).withLabels(labels).withDriver("bridge").withInternal(internal)
        .exec().getId();
  }

  /**
   * Creates the named volume {@code name} unless it exists (a later run reuses it, like compose);
   * returns whether it was created.
   */
  boolean ensureVolume(String name, Map<String, String> labels) {
    try {
      client.inspectVolumeCmd(name).exec();
      return false;
    } catch (NotFoundException e) {
      client.createVolumeCmd().withName(name).withLabels(labels).withDriver("local").exec();
      return true;
    }
  }

  /** The names of every volume that carries all of {@code labels} and has each label named in {@code present}. */
  public List<String> volumes(Map<String, String> labels, String... present) {
    List<String> filters = new ArrayList<>(labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    filters.addAll(List.of(present));
    List<InspectVolumeResponse> volumes = client.listVolumesCmd().withFilter("label", filters).exec().getVolumes();
    return volumes == null ? List.of() : volumes.stream().map(InspectVolumeResponse::getName).sorted().toList();
  }

  /** Removes the volumes {@link #volumes} lists; returns their names. Run after the containers are gone. */
  public List<String> removeVolumes(Map<String, String> labels, String... present) {
    List<String> removed = new ArrayList<>();
    for (String volume : volumes(labels, present)) {
      try {
        client.removeVolumeCmd(volume).exec();
        removed.add(volume);
      } catch (NotFoundException e) {
        // already gone
      }
    }
    return removed;
  }

  /**
   * Creates and starts a container: on its first stack network at creation, connected to the
   * others before it starts, reachable on each by its service name.
   *
   * @param networks the Docker network of each stack network, by declared name
   */
  String run(ContainerPlan plan, String containerName, Map<String, String> networks, Map<String, String> labels) {
    CreateContainerCmd create = CreateRequests.apply(client.createContainerCmd(plan.image().toString()), plan,
        containerName, networks.get(plan.networks().get(0)), labels);
    String id = create.exec().getId();
    try {
      for (String network : plan.networks().subList(1, plan.networks().size())) {
        client.connectToNetworkCmd().withNetworkId(networks.get(network)).withContainerId(id)
            .withContainerNetwork(new ContainerNetwork().withAliases(plan.name())).exec();
      }
      client.startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      String message = DockerProbe.firstLine(e);
      remove(id);
      List<Integer> fixed = plan.ports().stream().filter(p -> p.published() && p.hostPort() != null)
          .map(ContainerPlan.PortPlan::hostPort).toList();
      if (!fixed.isEmpty() && (message.contains("port is already allocated") || message.contains("address already in use"))) {
        int port = fixed.stream().filter(p -> message.contains(":" + p)).findFirst().orElse(fixed.get(0));
        throw PortCheck.taken(plan.service(), port);
      }
      throw new ParityException(ErrorCode.RUNTIME, "service '" + plan.name() + "' did not start: " + message, e);
    }
    return id;
  }

  /** The host port {@code containerPort} is published on; -1 when it has none (yet, or the container died). */
  int mappedPort(String id, int containerPort) {
    InspectContainerResponse info = client.inspectContainerCmd(id).exec();
    Ports.Binding[] bindings = info.getNetworkSettings().getPorts() == null ? null
        : info.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      return -1;
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
  }

  /** Docker's state of the container: {@code running}, {@code exited}, … and the exit code. */
  InspectContainerResponse.ContainerState state(String id) {
    return client.inspectContainerCmd(id).exec().getState();
  }

  /** The last {@code lines} lines the container printed, stdout and stderr together. */
  String logTail(String id, int lines) {
    StringBuilder text = new StringBuilder();
    try {
      client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              text.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
          }).awaitCompletion(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      return "(its log could not be read: " + DockerProbe.firstLine(e) + ")";
    }
    return text.toString().stripTrailing();
  }

  /** Runs {@code command} in the container; -1 when it could not run. */
  int exec(String id, List<String> command) {
    try {
      String exec = client.execCreateCmd(id).withCmd(command.toArray(String[]::new))
          .withAttachStdout(true).withAttachStderr(true).exec().getId();
      client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(30, TimeUnit.SECONDS);
      Long code = client.inspectExecCmd(exec).exec().getExitCodeLong();
      return code == null ? -1 : code.intValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  void remove(String containerId) {
    try {
      client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // already gone
    }
  }

  void removeNetwork(String networkId) {
    try {
      client.removeNetworkCmd(networkId).exec();
    } catch (NotFoundException e) {
      // already gone
    }
  }

  /** Every container, running or not, that carries all of {@code labels}. */
  public List<Container> containers(Map<String, String> labels) {
    return client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
  }

  List<Network> networks(Map<String, String> labels) {
    return client.listNetworksCmd().withFilter("label", labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList()).exec();
  }

  /** Removes every container and network that carries all of {@code labels}; returns how many. */
  public int removeAll(Map<String, String> labels) {
    int removed = 0;
    for (Container container : containers(labels)) {
      remove(container.getId());
      removed++;
    }
    for (Network network : networks(labels)) {
      removeNetwork(network.getId());
      removed++;
    }
    return removed;
  }

  /** The published ports of a listed container as Docker prints them. */
  public static String ports(Container container) {
    ContainerPort[] ports = container.getPorts() == null ? new ContainerPort[0] : container.getPorts();
    List<String> text = new ArrayList<>();
    Arrays.stream(ports).filter(p -> p.getPublicPort() != null)
        .forEach(p -> text.add(p.getIp() + ":" + p.getPublicPort() + "->" + p.getPrivatePort() + "/" + p.getType()));
    Collections.sort(text);
    return String.join(", ", text);
  }
}
