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

  /** The oldest Flyway command line {@code db/deploy.sh} works with: it reads {@code flyway.toml}, new in 10. */
  static final int FLYWAY_MAJOR = 10;

  private static final java.util.regex.Pattern FLYWAY_VERSION =
      java.util.regex.Pattern.compile("Flyway\\b[^\\n\\d]*(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /**
   * The Flyway command line on {@code path}, with its version as {@code flyway -v} prints it (given
   * {@link #TIMEOUT} three times over, since it starts a JVM); missing when absent or older than
   * {@link #FLYWAY_MAJOR}, with how to install the version the generated workflow installs.
   */
  static Fact flyway(String path) {
    String install = "install the Flyway command line, " + FLYWAY_MAJOR + " or later (the generated workflow"
        + " installs " + flywayVersion() + ": https://download.red-gate.com/maven/release/com/redgate/flyway/"
        + "flyway-commandline/" + flywayVersion() + "/flyway-commandline-" + flywayVersion() + "-linux-x64.tar.gz),"
        + " and put its folder on the PATH";
    Optional<Path> found = onPath("flyway", path);
    if (found.isEmpty()) {
      return new Fact(false, "not on the PATH; " + install);
    }
    Optional<String> output = versionOutput(found.get());
    java.util.regex.Matcher version = FLYWAY_VERSION.matcher(output.orElse(""));
    if (!version.find()) {
      return new Fact(true, "found at " + found.get() + " (its version could not be read from `flyway -v`)");
    }
    String number = output.get().substring(version.start(1), version.end());
    if (Integer.parseInt(version.group(1)) < FLYWAY_MAJOR) {
      return new Fact(false, "Flyway " + number + " at " + found.get() + " is older than " + FLYWAY_MAJOR
          + ", which db/deploy.sh needs (flyway.toml); " + install);
    }
    return new Fact(true, "Flyway " + number + " at " + found.get());
  }

  private static String flywayVersion() {
    return dev.parity.generate.Images.FLYWAY.substring(dev.parity.generate.Images.FLYWAY.indexOf(':') + 1);
  }

  /** What {@code tool -v} prints, stdout and stderr together, or empty when it fails or takes too long. */
  private static Optional<String> versionOutput(Path tool) {
    try {
      Process process = new ProcessBuilder(tool.toString(), "-v").redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
        try {
          return process.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
          return new byte[0];
        }
      });
      if (!process.waitFor(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(new String(read.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS),
          java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException | ExecutionException | TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
