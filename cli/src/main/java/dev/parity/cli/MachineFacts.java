package dev.parity.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import dev.parity.runtime.internal.DockerProbe;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code parity --version} and {@code parity doctor} report about this machine: the Java
 * runtime, the Docker engine (asked with a short timeout, so an unreachable one costs seconds, not
 * minutes), a registry's {@code /v2/} endpoint, and tools on the {@code PATH}.
 */
final class MachineFacts {

  /** How long the Docker engine and a registry may take to answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private MachineFacts() {
  }

  /** The outcome of one look: found with a description, or missing with the reason. */
  record Fact(boolean found, String text) {
  }

  /** {@code Java 17.0.9 (Eclipse Adoptium) at /usr/lib/jvm/...}. */
  static String java() {
    return "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
        + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
  }

  /** The engine's version and API version at the place it answered, or why none answered. */
  static Fact docker(Map<String, String> env) {
    List<URI> candidates = DockerProbe.candidates(env);
    CompletableFuture<Fact> ask = CompletableFuture.supplyAsync(() -> {
      try (DockerClient client = DockerProbe.connect(candidates)) {
        Version version = client.versionCmd().exec();
        return new Fact(true, "Docker engine " + version.getVersion() + " (API " + version.getApiVersion() + ")");
      } catch (Exception e) {
        return new Fact(false, "not reachable: " + e.getMessage().replace("\n", " "));
      }
    });
    try {
      return ask.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      ask.cancel(true);
      return new Fact(false, "no answer within " + TIMEOUT.toSeconds() + " s from " + candidates);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Fact(false, "interrupted");
    } catch (ExecutionException e) {
      return new Fact(false, "not reachable: " + e.getCause());
    }
  }

  /** Whether a registry answers its API root, {@code GET http://HOST:PORT/v2/} (200, or 401 asking for a login). */
  static Fact registry(String hostAndPort) {
    URI uri = URI.create("http://" + hostAndPort + "/v2/");
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status == 200 || status == 401 ? new Fact(true, "registry answers at " + uri + " (HTTP " + status + ")")
          : new Fact(false, uri + " answered HTTP " + status + ", not a registry's API");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Fact(false, "interrupted");
    } catch (Exception e) {
      return new Fact(false, uri + " does not answer: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  /** The executable {@code tool} on {@code path} (a PATH value), if any. */
  static Optional<Path> onPath(String tool, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)) && !Files.isDirectory(Path.of(dir, tool))) {
        return Optional.of(Path.of(dir, tool));
      }
    }
    return Optional.empty();
  }
}
