package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.Container;
import dev.parity.core.Healthcheck;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.DockerOps;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault a user will hit: a clear message, the right error code, and nothing left running. */
class FaultsIT {

  private static final String STACK = "it-faults";

  @TempDir
  Path project;

  private DockerOps docker;

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
  }

  @AfterEach
  void removeEverything() {
    if (docker == null) {
      return;
    }
    docker.removeAll(Map.of(StackLabels.STACK, STACK));
  }

  private StackOptions options() {
    return StackOptions.defaults().fixedPorts(false).keepVolumes(false).projectFolder(project).startupTimeout(Duration.ofSeconds(6));
  }

  private static Stack redisOnly(String image, Integer hostPort) {
    Redis redis = Redis.of("cache", TestStacks.version(image)).image(image);
    Stack.Builder b = Stack.named(STACK).service(hostPort == null ? redis : redis.hostPort(hostPort))
        .environment(Environment.local());
    return TestStacks.variant(b, "cache", image).build();
  }

  @Test
  void aMissingImageNamesTheImageAndTheMirrorTried() {
    String missing = TestStacks.REDIS.replaceFirst(":[^-]+", ":7.0.99");
    Stack stack = redisOnly(missing, null);

    assertThatThrownBy(() -> LocalStack.of(stack).start(options().registryMirror(TestStacks.REGISTRY)))
        .isInstanceOfSatisfying(ParityException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_UNAVAILABLE);
          assertThat(e.code().exitCode()).isEqualTo(1);
          assertThat(e.getMessage()).startsWith("image '" + missing + "' of service 'cache' is not on this machine"
              + " and cannot be pulled: ")
              .contains("It was looked for on the mirror as '" + TestStacks.REGISTRY + "/library/" + missing
                  + "' (--registry-mirror " + TestStacks.REGISTRY + ").")
              .endsWith("Everything this run started was removed.");
        });
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }

  @Test
  void aServiceThatNeverGetsHealthyShowsItsLogAndEverythingStartedIsRemoved() {
    Stack.Builder b = Stack.named(STACK)
        .service(Redis.of("cache", TestStacks.version(TestStacks.REDIS)).image(TestStacks.REDIS))
        .service(Container.of("stuck", TestStacks.REDIS).port(6379).options(o -> o.healthcheck(Healthcheck.command("false"))))
        .environment(Environment.local());
    Stack stack = TestStacks.variant(b, "cache", TestStacks.REDIS).build();

    assertThatThrownBy(() -> LocalStack.of(stack).start(options()))
        .isInstanceOfSatisfying(ParityException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNHEALTHY);
          assertThat(e.getMessage()).startsWith("service 'stuck' (" + TestStacks.REDIS + ") did not become healthy"
              + " in 6 s (waited for its health check [false] to exit 0); last lines of its log:\n  | ")
              .contains("Ready to accept connections")
              .endsWith("Everything this run started was removed.");
        });
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }

  @Test
  void aTakenFixedHostPortNamesThePortAndTheServiceBeforeAnythingStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Stack stack = redisOnly(TestStacks.REDIS, port);

      assertThatThrownBy(() -> LocalStack.of(stack).start(options().fixedPorts(true)))
          .isInstanceOfSatisfying(ParityException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PORT_IN_USE);
            assertThat(e.getMessage()).startsWith("port " + port + " of service 'cache' is already in use on 127.0.0.1;");
          });
    }
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }

  @Test
  void aFailingMigrationGivesFlywaysMessageAndIsKeptOnlyWhenAsked() throws Exception {
    TestStacks.migrations(project.resolve("db"), "CREATE TABLE users (id int);", "CREATE TABLE broken (;");
    Stack stack = TestStacks.shop(STACK, "db");

    assertThatThrownBy(() -> LocalStack.of(stack).start(options().startupTimeout(Duration.ofSeconds(60))))
        .isInstanceOfSatisfying(ParityException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
          assertThat(e.getMessage()).startsWith("migration of service 'db' failed at version 2 (" + project.resolve("db") + "):\n")
              .contains("V2__step2.sql").contains("syntax error")
              .endsWith("Everything this run started was removed.");
        });
    assertThat(TestStacks.containers(docker, STACK)).isZero();

    assertThatThrownBy(() -> LocalStack.of(stack).start(options().startupTimeout(Duration.ofSeconds(60)).keepOnFailure(true)))
        .hasMessageEndingWith("The stack was kept for inspection (--keep-on-failure); `parity down` removes it.");
    assertThat(TestStacks.containers(docker, STACK)).isEqualTo(2);
    assertThat(LocalStack.of(stack).down("local")).isEqualTo(3);
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }
}
