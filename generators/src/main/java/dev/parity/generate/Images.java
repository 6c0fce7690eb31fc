package dev.parity.generate;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Releases;
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
    return stack.imageRepository(app);
  }

  /**
   * The digest ({@code sha256:…}) {@code app} runs in {@code environment}, if its release file
   * ({@code releases/<env>.json}, written by {@code parity release} and {@code parity promote})
   * records one. Without one, overlays keep the base's {@code :unreleased} image and
   * ENVIRONMENTS.md says "no release recorded".
   */
  public static Optional<String> digestOf(Releases releases, App app, Environment environment) {
    return releases.image(environment.name(), app.name()).map(image -> image.substring(image.indexOf('@') + 1));
  }
}
