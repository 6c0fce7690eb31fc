package dev.parity.drift.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import dev.parity.drift.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** Container drift against containers this test starts with the labels {@code parity up} sets. */
class ContainerDriftIT {

  private final String stackName = "drift-it-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<GenericContainer<?>> started = new ArrayList<>();

  @AfterEach
  void removeContainers() {
    started.forEach(GenericContainer::stop);
  }

  private void run(String image, String service, Map<String, String> env) {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withLabels(Map.of(DockerContainers.STACK_LABEL, stackName, DockerContainers.ENVIRONMENT_LABEL, "local",
            DockerContainers.SERVICE_LABEL, service))
        .withEnv(env);
    started.add(container);
    container.start();
  }

  @Test
  void reports_missing_and_extra_services_image_tag_and_digest_and_environment_keys() {
    String postgres = TestImages.postgres();
    String redis = TestImages.redis();
    String redisTag = redis.substring(redis.indexOf(':') + 1);
    String zeros = "sha256:" + "0".repeat(64);
    Stack stack = Stack.named(stackName)
        .service(Postgres.of("db", postgres.replaceAll("^postgres:([0-9.]+).*$", "$1")).image(postgres).trustLocalConnections())
        .service(Redis.of("cache", "7.9.9").image("redis:7.9.9-bookworm"))
        .service(Container.of("pinned", redis + "@" + zeros).port(6379))
        .service(Container.of("queue", "redis:" + redisTag).port(6379))
        .environment(Environment.local())
        .deviation(Deviation.of("db").in("local").differs("runs " + postgres).because("a stand-in image"))
        .deviation(Deviation.of("cache").in("local").differs("runs redis:7.9.9-bookworm").because("a stand-in image"))
        .build();
    run(postgres, "db", Map.of("POSTGRES_DB", "db", "POSTGRES_HOST_AUTH_METHOD", "trust", "HOTFIX_FLAG", "1"));
    run(redis, "cache", Map.of());
    run(redis, "pinned", Map.of());
    run(redis, "worker", Map.of());

    List<RunningContainer> running;
    try (DockerContainers docker = DockerContainers.connect(null)) {
      running = docker.running(stackName, "local", true);
    }
    DriftReport report = ContainerDrift.compare(ExpectedContainer.of(stack, stack.localEnvironment().orElseThrow()),
        running, "spec", "docker");

    List<String> lines = report.findings().stream().map(ContainerDriftIT::line).toList();
    assertThat(lines).containsExactlyInAnyOrder(
        "service db: environment variable POSTGRES_USER is missing",
        "service db: environment variable HOTFIX_FLAG is not declared in the spec",
        "service cache: image tag 7.9.9-bookworm vs " + redisTag,
        "service pinned: image digest " + zeros + " vs ",
        "service queue: declared, but no container of it is running",
        "service worker: runs a service the spec does not declare");
    assertThat(String.join("\n", lines)).doesNotContain("trust");
  }

  /** The finding without the container's generated name, and a digest without its (machine-specific) value. */
  private static String line(Finding f) {
    String message = f.message().replaceFirst("^container [^:]+: ", "").replaceFirst("^container \\S+ ", "");
    message = message.replaceAll("(image digest sha256:0+ vs ).*", "$1");
    return f.object() + ": " + message;
  }
}
