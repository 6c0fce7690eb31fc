package dev.parity.runtime.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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

  String createNetwork(String name, Map<String, String> labels) {
    return client.createNetworkCmd().withName(name).withLabels(labels).withDriver("bridge").exec().getId();
  }

  /** Creates and starts a container on {@code network}, reachable there as its service name. */
  String run(ContainerPlan plan, String containerName, String network, Map<String, String> labels) {
    ExposedPort exposed = ExposedPort.tcp(plan.containerPort());
    Ports.Binding binding = plan.hostPort() == null
        ? Ports.Binding.bindIp("127.0.0.1")
        : Ports.Binding.bindIpAndPort("127.0.0.1", plan.hostPort());
    HostConfig host = HostConfig.newHostConfig().withNetworkMode(network)
        .withPortBindings(new PortBinding(binding, exposed));
    List<String> env = plan.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .sorted().collect(Collectors.toList());
    CreateContainerCmd create = client.createContainerCmd(plan.image().toString()).withName(containerName)
        .withLabels(labels).withEnv(env).withExposedPorts(exposed).withHostConfig(host)
        .withAliases(plan.name());
    String id = create.exec().getId();
    try {
      client.startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      String message = DockerProbe.firstLine(e);
      remove(id);
      if (plan.hostPort() != null && (message.contains("port is already allocated") || message.contains("address already in use"))) {
        throw PortCheck.taken(plan.service(), plan.hostPort());
      }
      throw new ParityException(ErrorCode.RUNTIME, "service '" + plan.name() + "' did not start: " + message, e);
    }
    return id;
  }

  int mappedPort(String id, int containerPort) {
    InspectContainerResponse info = client.inspectContainerCmd(id).exec();
    Ports.Binding[] bindings = info.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      throw new ParityException(ErrorCode.RUNTIME, "container " + id + " publishes no port for " + containerPort);
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
