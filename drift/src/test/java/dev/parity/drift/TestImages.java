package dev.parity.drift;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * The images Docker-backed tests run, in one place, read from the {@code PARITY_CI_*}
 * variables CI exports (official tags otherwise). Without Docker the tests skip with the reason, unless
 * {@code PARITY_REQUIRE_DOCKER=true}, when they fail.
 */
public final class TestImages {

  private TestImages() {
  }

  public static String postgres() {
    return image("PARITY_CI_POSTGRES_IMAGE", "postgres:16.4");
  }

  public static String mariadb() {
    return image("PARITY_CI_MARIADB_IMAGE", "mariadb:10.11.6");
  }

  public static String redis() {
    return image("PARITY_CI_REDIS_IMAGE", "redis:7.2.5");
  }

  /** The image named in {@code variable}, else the official {@code fallback}; skips first when Docker is away. */
  private static String image(String variable, String fallback) {
    String host = System.getenv("DOCKER_HOST");
    // Like the docker command, only the engine DOCKER_HOST names counts (Testcontainers would try others)
    if (host != null && host.startsWith("unix://") && !Files.exists(Path.of(host.substring("unix://".length())))) {
      unavailable("Docker is not reachable (DOCKER_HOST=" + host + ": no such socket)");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      unavailable("Docker is not reachable (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")");
    }
    String image = System.getenv(variable);
    return image == null || image.isBlank() ? fallback : image;
  }

  private static void unavailable(String reason) {
    if ("true".equals(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      fail("PARITY_REQUIRE_DOCKER=true but " + reason);
    }
    abort("skipped: " + reason + " (set PARITY_REQUIRE_DOCKER=true to fail instead)");
  }
}
