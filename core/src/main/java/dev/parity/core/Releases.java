package dev.parity.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each remote environment runs of each app: the image reference of its current release and
 * every digest it has run before, as {@code parity release} and {@code parity promote} record them
 * in {@code deploy/releases/<env>.json}. An image is built once and promoted unchanged, so remote
 * environments run {@code repository@sha256:…}, never a tag.
 *
 * <pre>{@code
 * Releases releases = Releases.of(Map.of("staging", Map.of("web",
 *     new Releases.Released("ghcr.io/acme/shop-web@sha256:4b1c…", List.of("sha256:4b1c…")))));
 * releases.image("staging", "web");   // Optional[ghcr.io/acme/shop-web@sha256:4b1c…]
 * }</pre>
 */
public final class Releases {

  private static final Releases NONE = new Releases(Map.of());

  /**
   * The release of one app in one environment.
   *
   * @param image the reference the environment runs, {@code repository@sha256:…} (a hand-edited
   *     file may hold a tag here, which {@code parity check} reports)
   * @param history every digest the environment has run for the app, oldest first, the current one last
   * @param migrationVersion for a database's migrations image ({@code <db>-migrations}), the highest
   *     versioned migration it holds (Flyway's version, such as {@code 3} or {@code 2.1}); empty for an app
   */
  public record Released(String image, List<String> history, Optional<String> migrationVersion) {
    public Released {
      Objects.requireNonNull(image, "image");
      history = List.copyOf(history);
      Objects.requireNonNull(migrationVersion, "migrationVersion");
    }

    /** An app's release. */
    public Released(String image, List<String> history) {
      this(image, history, Optional.empty());
    }

    /** The digest of {@link #image}, if it carries a well-formed one. */
    public Optional<String> digest() {
      int at = image.lastIndexOf('@');
      String digest = at < 0 ? null : image.substring(at + 1);
      return ImageLock.isDigest(digest) ? Optional.of(digest) : Optional.empty();
    }
  }

  private final Map<String, Map<String, Released>> byEnvironment;

  private Releases(Map<String, Map<String, Released>> byEnvironment) {
    Map<String, Map<String, Released>> copy = new TreeMap<>();
    byEnvironment.forEach((env, apps) -> copy.put(env, Collections.unmodifiableMap(new TreeMap<>(apps))));
    this.byEnvironment = Collections.unmodifiableMap(copy);
  }

  /** No environment has a release: generated files leave the image to the deploy. */
  public static Releases none() {
    return NONE;
  }

  /** The releases by environment name, then app name. */
  public static Releases of(Map<String, Map<String, Released>> byEnvironment) {
    return new Releases(byEnvironment);
  }

  /** Every environment with a release file, by name. */
  public Map<String, Map<String, Released>> environments() {
    return byEnvironment;
  }

  /** The release of {@code app} in {@code environment}. */
  public Optional<Released> released(String environment, String app) {
    return Optional.ofNullable(byEnvironment.getOrDefault(environment, Map.of()).get(app));
  }

  /**
   * The reference {@code environment} runs for {@code app}, {@code repository@sha256:…}; empty when
   * the app is not released there or its release names no well-formed digest.
   */
  public Optional<String> image(String environment, String app) {
    return released(environment, app).filter(r -> r.digest().isPresent()).map(Released::image);
  }

  /** A copy in which {@code environment} runs {@code released} for {@code app}. */
  public Releases with(String environment, String app, Released released) {
    Map<String, Map<String, Released>> copy = new LinkedHashMap<>(byEnvironment);
    Map<String, Released> apps = new TreeMap<>(copy.getOrDefault(environment, Map.of()));
    apps.put(app, released);
    copy.put(environment, apps);
    return new Releases(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Releases other && byEnvironment.equals(other.byEnvironment);
  }

  @Override
  public int hashCode() {
    return byEnvironment.hashCode();
  }
}
