package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Where no Docker engine answers, a {@link ParityStack} class is skipped and says why on the console. */
class SkippedClassTest {

  @TempDir
  Path temp;

  /** Runs {@link NeedsDocker} in this JVM and prints how many classes were skipped; started by the test below. */
  public static void main(String[] args) {
    long skipped = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsDocker.class)).execute()
        .containerEvents().skipped().count();
    System.out.println("skipped classes: " + skipped);
  }

  @Test
  void aClassSkippedForWantOfDockerPrintsTheReasonOnTheConsole() throws Exception {
    String socket = "unix://" + temp.resolve("docker.sock");
    ProcessBuilder jvm = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SkippedClassTest.class.getName())).redirectErrorStream(true);
    jvm.environment().put("DOCKER_HOST", socket);
    jvm.environment().remove("PARITY_REQUIRE_DOCKER");
    Process process = jvm.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(output).contains("[parity] " + NeedsDocker.class.getName() + " skipped, Docker is not reachable;"
        + " tried:   " + socket + ": no such socket Start the Docker engine")
        .contains("(set PARITY_REQUIRE_DOCKER=true to fail instead)\n")
        .contains("skipped classes: 1")
        .doesNotContain("SLF4J");
  }

  @ParityStack(spec = ItSpec.class)
  static class NeedsDocker {
    @Test
    void never() {
    }
  }
}
