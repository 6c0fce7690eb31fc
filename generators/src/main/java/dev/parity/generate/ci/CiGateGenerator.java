package dev.parity.generate.ci;

import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.List;

/**
 * The parity gate for CI: {@code ci/parity-gate.sh}, which runs {@code parity check} and prints
 * {@code parity diff} between consecutive remote environments, and {@code ci/github/parity.yml},
 * a GitHub Actions workflow that runs the gate, builds each app image once and promotes that same
 * image from environment to environment, with integration tests after the first.
 */
public final class CiGateGenerator implements Generator {

  /** Where the gate script sits in the tree. */
  public static final String SCRIPT = "ci/parity-gate.sh";
  /** Where the GitHub Actions workflow sits in the tree; teams copy it to {@code .github/workflows/}. */
  public static final String WORKFLOW = "ci/github/parity.yml";

  @Override
  public String name() {
    return "ci";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    return List.of(
        GeneratedFile.script(SCRIPT, GateScript.render(context, SCRIPT)),
        GeneratedFile.of(WORKFLOW, new GitHubWorkflow(context, SCRIPT).render()));
  }
}
