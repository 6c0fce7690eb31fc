package dev.parity.drift.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a stack's running containers with docker-java: by the labels {@code parity up} sets
 * ({@code dev.parity.stack}, {@code dev.parity.environment}, {@code dev.parity.service}) and, for the
 * local environment, by Docker Compose's ({@code com.docker.compose.project}, {@code com.docker.compose.service}).
 */
public final class DockerContainers implements AutoCloseable {

  public static final String STACK_LABEL = "dev.parity.stack";
  public static final String ENVIRONMENT_LABEL = "dev.parity.environment";
  public static final String SERVICE_LABEL = "dev.parity.service";
  public static final String COMPOSE_PROJECT_LABEL = "com.docker.compose.project";
  public static final String COMPOSE_SERVICE_LABEL = "com.docker.compose.service";

  private final DockerClient client;
  private final String host;

  private DockerContainers(DockerClient client, String host) {
    this.client = client;
    this.host = host;
  }

  /**
   * A client of the Docker engine at {@code dockerHost}, or of {@code DOCKER_HOST} / the default
   * socket when it is {@code null}.
   */
  public static DockerContainers connect(String dockerHost) {
    DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (dockerHost != null) {
      config.withDockerHost(dockerHost);
    }
    DefaultDockerClientConfig built = config.build();
    ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(built.getDockerHost())
        .sslConfig(built.getSSLConfig()).build();
    return new DockerContainers(DockerClientImpl.getInstance(built, http), built.getDockerHost().toString());
  }

  /** The running containers of {@code stack} in {@code environment}, labelled with their service. */
  public List<RunningContainer> running(String stack, String environment, boolean includeCompose) {
    Map<String, Container> found = new LinkedHashMap<>();
    try {
      client.listContainersCmd().withLabelFilter(Map.of(STACK_LABEL, stack, ENVIRONMENT_LABEL, environment)).exec()
          .forEach(c -> found.put(c.getId(), c));
      if (includeCompose) {
        client.listContainersCmd().withLabelFilter(Map.of(COMPOSE_PROJECT_LABEL, stack)).exec()
            .forEach(c -> found.putIfAbsent(c.getId(), c));
      }
      List<RunningContainer> running = new ArrayList<>();
      for (Container c : found.values()) {
        running.add(inspect(c));
      }
      return running;
    } catch (RuntimeException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "cannot list containers at " + host + ": " + e.getMessage()
          + "; check that Docker runs there (tried --docker-host, else DOCKER_HOST, else the default socket)", e);
    }
  }

  private RunningContainer inspect(Container c) {
    InspectContainerResponse container = client.inspectContainerCmd(c.getId()).exec();
    InspectImageResponse image = client.inspectImageCmd(container.getImageId()).exec();
    Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
    String service = labels.getOrDefault(SERVICE_LABEL, labels.getOrDefault(COMPOSE_SERVICE_LABEL, c.getId()));
    String name = container.getName() == null ? c.getId() : container.getName().replaceFirst("^/", "");
    return new RunningContainer(service, name, container.getConfig().getImage(),
        image.getRepoDigests() == null ? List.of() : image.getRepoDigests(),
        keys(container.getConfig().getEnv()),
        keys(image.getConfig() == null ? null : image.getConfig().getEnv()));
  }

  private static Set<String> keys(String[] environment) {
    if (environment == null) {
      return Set.of();
    }
    return Arrays.stream(environment).map(e -> e.contains("=") ? e.substring(0, e.indexOf('=')) : e)
        .collect(Collectors.toSet());
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // nothing to release that matters
    }
  }
}
