package dev.parity.drift;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import org.testcontainers.DockerClientFactory;

/**
 * The images Docker-backed tests run, in one place, read from the environment that
 * {@code shared/ci/docker-env.sh} exports. Without Docker the tests skip with the reason, unless
 * {@code PARITY_REQUIRE_DOCKER=true}, when they fail.
 */
public final class TestImages {

  private TestImages() {
  }

  public static String postgres() {
    return image("PARITY_CI_POSTGRES_IMAGE");
  }

  public static String mariadb() {
    return image("PARITY_CI_MARIADB_IMAGE");
  }

  public static String redis() {
    return image("PARITY_CI_REDIS_IMAGE");
  }

  private static String image(String variable) {
    String image = System.getenv(variable);
    if (image == null || image.isBlank()) {
      unavailable(variable + " is not set; run eval \"$(bash ../shared/ci/docker-env.sh)\" first");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      unavailable("Docker is not reachable (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")");
    }
    return image;
  }

  private static void unavailable(String reason) {
    if ("true".equals(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      fail("PARITY_REQUIRE_DOCKER=true but " + reason);
    }
    System.err.println("[parity] Docker tests skipped: " + reason);
    abort("skipped: " + reason);
  }
}
