package dev.parity.registry;

import dev.parity.core.ImageRef;

/**
 * Resolves an image reference to the registry's manifest digest: the digest {@code docker inspect}
 * lists in {@code RepoDigests} after a pull, for a multi-platform image the digest of its index.
 *
 * <pre>{@code
 * ImageDigests registry = ImageDigests.registry("127.0.0.1:5000");   // through a mirror; null for none
 * registry.digest(ImageRef.parse("postgres:15.18-bookworm"));       // sha256:…
 * ImageDigests engine = ImageDigests.engine();                       // the local Docker engine's RepoDigests
 * }</pre>
 */
public interface ImageDigests {

  /**
   * The manifest digest {@code image}'s tag names now, {@code sha256:} and 64 hex digits.
   *
   * @throws dev.parity.core.ParityException {@code IMAGE_UNAVAILABLE} (exit 1) when the registry has
   *     no such tag, {@code UNREACHABLE} (exit 2) when it cannot be reached; the message says where it looked
   */
  String digest(ImageRef image);

  /**
   * Over the Registry HTTP API v2 ({@link RegistryDigests}): the image's own registry (Docker Hub
   * for a reference without one), or {@code mirror} ({@code host:port}) when it is not null.
   */
  static ImageDigests registry(String mirror) {
    return new RegistryDigests(mirror);
  }

  /** From the local Docker engine's {@code RepoDigests} of the pulled image ({@link EngineDigests}). */
  static ImageDigests engine() {
    return new EngineDigests();
  }
}
