package dev.parity.runtime.internal;

import com.github.dockerjava.api.DockerClient;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Finds a Docker engine that answers: the one {@code DOCKER_HOST} names when it is set (like the
 * {@code docker} command, no other is tried then), else the system socket, Docker Desktop's
 * socket in the home folder and the rootless socket, in that order. The client comes from
 * Testcontainers' transport, but without its resource reaper: the stack is labelled and removed
 * by Parity itself, so a detached stack outlives the process that started it.
 */
public final class DockerProbe {

  static {
    Slf4jDefaults.apply();
  }

  private DockerProbe() {
  }

  /** The places a Docker engine is looked for, in order, as read from {@code env}. */
  public static List<URI> candidates(Map<String, String> env) {
    Set<URI> uris = new LinkedHashSet<>();
    String dockerHost = env.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return List.of(URI.create(dockerHost.trim()));
    }
    uris.add(URI.create("unix:///var/run/docker.sock"));
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (home != null) {
      uris.add(URI.create("unix://" + home + "/.docker/run/docker.sock"));
    }
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null) {
      uris.add(URI.create("unix://" + runtime + "/docker.sock"));
    }
    return List.copyOf(uris);
  }

  /** Connects to the first engine of {@link #candidates} that answers a ping. */
  public static DockerClient connect() {
    return connect(candidates(System.getenv()));
  }

  /**
   * Connects to the first of {@code candidates} that answers a ping.
   *
   * @throws ParityException {@link ErrorCode#DOCKER_UNAVAILABLE} listing each place tried and why it failed
   */
  public static DockerClient connect(List<URI> candidates) {
    List<String> tried = new ArrayList<>();
    for (URI uri : candidates) {
      String failure = check(uri);
      if (failure == null) {
        try {
          DockerClient client = DockerClientProviderStrategy.getClientForConfig(
              TransportConfig.builder().dockerHost(uri).build());
          client.pingCmd().exec();
          return client;
        } catch (RuntimeException e) {
          failure = firstLine(e);
        }
      }
      tried.add("  " + uri + ": " + failure);
    }
    throw new ParityException(ErrorCode.DOCKER_UNAVAILABLE, "Docker is not reachable; tried:\n"
        + String.join("\n", tried) + "\nStart the Docker engine (Docker Desktop, `sudo systemctl start docker`"
        + " or `dockerd`), or set DOCKER_HOST to one that runs; `docker info` must work.");
  }

  /**
   * Connects once on a daemon thread and lets the connection go, so that the Docker client's classes
   * and configuration are loaded while the caller does other work (a command loading its spec); the
   * caller's own {@link #connect()} then costs one ping. Failures are ignored here: the caller's
   * connect reports them.
   */
  public static void warmUpInBackground() {
    Thread warmUp = new Thread(() -> {
      try (DockerClient client = connect()) {
        client.versionCmd().exec();
      } catch (Exception | LinkageError ignored) {
        // reported by the caller's own connect
      }
    }, "parity-docker-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** Why {@code uri} cannot be a Docker engine without even connecting, or null. */
  private static String check(URI uri) {
    if ("unix".equals(uri.getScheme())) {
      Path socket = Path.of(uri.getPath());
      if (!Files.exists(socket)) {
        return "no such socket";
      }
      if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
        return "permission denied (add your user to the 'docker' group)";
      }
      return null;
    }
    if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
      return null;
    }
    return "unsupported scheme '" + uri.getScheme() + "' (use unix:// or tcp://)";
  }

  static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }
}
