package dev.parity.core;

import java.util.Optional;

/**
 * A service that the local stack runs as a container and remote environments run as a managed
 * engine of the same version.
 */
public interface Database {

  /** The engine name as cloud providers spell it: {@code postgres}, {@code mysql}, {@code mariadb}, {@code redis}. */
  String engine();

  /** The exact engine version shared by every environment, for example {@code 14.9}. */
  String version();

  /** The container image the local stack runs; its tag starts with {@link #version()}. */
  ImageRef image();

  /** The folder of versioned SQL migrations, relative to the spec's folder, if the database has one. */
  default Optional<String> migrations() {
    return Optional.empty();
  }
}
