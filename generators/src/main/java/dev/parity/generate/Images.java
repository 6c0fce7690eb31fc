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

  /**
   * The official Flyway image the migrations images build on: {@code flyway/flyway:<version>},
   * exactly the version of the Flyway library Parity itself migrates with ({@code parity up},
   * {@code drift}), read from the build ({@code flyway.properties}); never a floating tag.
   */
  public static final String FLYWAY = "flyway/flyway:" + flywayVersion();

  private Images() {
  }

  private static String flywayVersion() {
    java.util.Properties properties = new java.util.Properties();
    try (java.io.InputStream in = Images.class.getResourceAsStream("flyway.properties")) {
      properties.load(in);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("flyway.properties is missing from the generators jar", e);
    }
    return properties.getProperty("flyway.version");
  }

  /**
   * The digest {@code database}'s migrations image has in {@code environment}, if its release file
   * records one.
   */
  public static Optional<String> migrationsDigestOf(Releases releases, dev.parity.core.Service database,
      Environment environment) {
    return releases.image(environment.name(), migrationsComponent(database))
        .map(image -> image.substring(image.indexOf('@') + 1));
  }

  /** The name under which a release file records {@code database}'s migrations image: {@code <db>-migrations}. */
  public static String migrationsComponent(dev.parity.core.Service database) {
    return database.name() + "-migrations";
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
