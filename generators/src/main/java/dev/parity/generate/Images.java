package dev.parity.generate;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import java.util.Optional;

/**
 * The image of each app remote environments run: its repository, and the digest a release
 * recorded per environment. The one source that Terraform, the Kubernetes overlays
 * ({@code images:} entries) and ENVIRONMENTS.md (the delivery flow) read, so all show the same.
 */
public final class Images {

  private Images() {
  }

  /** The repository remote environments pull {@code app} from: declared, else {@code <stack>-<app>}. */
  public static String repository(Stack stack, App app) {
    return app.imageRepository().orElse(stack.name() + "-" + app.name());
  }

  /**
   * The digest ({@code sha256:…}) {@code app} runs in {@code environment}, if one is recorded.
   * Parity records none yet, so this is always empty: overlays keep the base's
   * {@code :unreleased} image and ENVIRONMENTS.md says "no release recorded".
   */
  public static Optional<String> digestOf(App app, Environment environment) {
    return Optional.empty();
  }
}
