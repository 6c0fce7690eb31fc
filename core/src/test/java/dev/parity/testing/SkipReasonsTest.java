package dev.parity.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The build's console names every skipped test and its reason (tools/skip-reasons). */
class SkipReasonsTest {

  @Test
  void everySkippedTestIsPrintedWithItsReason() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
        .execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(Skips.class), selectClass(AbortsInBeforeAll.class))
            .configurationParameter("junit.jupiter.conditions.deactivate", "")
            .build(),
        new SkipReasons(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    String console = bytes.toString(StandardCharsets.UTF_8);

    assertThat(console)
        .contains("[parity] SKIPPED SkipReasonsTest$Skips.disabled(): no engine here\n")
        .contains("[parity] SKIPPED SkipReasonsTest$Skips.aborted(): Docker is not reachable; start it\n")
        .contains("[parity] SKIPPED " + AbortsInBeforeAll.class.getName() + ": no compose\n")
        .doesNotContain("ran()");
  }

  @Test
  void everyModulesTestsLoadTheListener() {
    assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(p -> p.type().getName()))
        .contains(SkipReasons.class.getName());
  }

  // Run only through the launcher above: Surefire skips nested static classes whose names do not end in Test.
  static class Skips {
    @Test
    void ran() {
    }

    @Test
    @Disabled("no engine here")
    void disabled() {
    }

    @Test
    void aborted() {
      Assumptions.abort("Docker is not reachable;\nstart it");
    }
  }

  static class AbortsInBeforeAll {
    @BeforeAll
    static void docker() {
      Assumptions.abort("skipped: no compose");
    }

    @Test
    void never() {
    }
  }
}
