package dev.parity.generate.ci;

import dev.parity.core.Environment;
import java.util.List;

/** {@code integration-tests-<env>}: after an environment is deployed, before it is recorded and promoted. */
final class IntegrationTestsJob {

  private IntegrationTestsJob() {
  }

  static String id(Environment environment) {
    return "integration-tests-" + environment.name();
  }

  static Job render(Environment environment, boolean promotes) {
    return Job.of(id(environment), List.of(DeployJob.id(environment)), List.of(Steps.checkout(),
        Step.run("Integration tests (placeholder: replace with your suite)",
            "echo \"::warning title=No integration tests::replace this step with\" \\\n"
                + "  \"the suite that tests " + environment.name() + (promotes ? " before promotion" : "") + "\"\n")))
        .onMain();
  }
}
