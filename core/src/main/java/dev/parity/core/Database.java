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

  /** The service name. */
  String name();

  /** How the local container runs; see {@link Service#options()}. */
  ServiceOptions options();

  /**
   * Where the engine keeps its data in the container: {@code /var/lib/postgresql/data},
   * {@code /var/lib/mysql} or {@code /data} (Redis).
   */
  String dataPath();

  /**
   * What holds the data locally: the mount the options declare at {@link #dataPath()} (a named
   * volume such as {@code db_data}, so a stack moving to Parity keeps its data, or a folder), else
   * the named volume {@code <name>-data}.
   */
  default Mount dataMount() {
    String path = dataPath();
    return options().mounts().stream()
        .filter(m -> m.target().equals(path) || m.target().equals(path + "/"))
        .findFirst().orElse(Mount.volume(name() + "-data", path));
  }

  /** Whether {@link #dataMount()} is declared in the options rather than Parity's {@code <name>-data}. */
  default boolean declaresDataMount() {
    return options().mounts().contains(dataMount());
  }

  /** The folder of versioned SQL migrations, relative to the spec's folder, if the database has one. */
  default Optional<String> migrations() {
    return Optional.empty();
  }

  /** The Flyway placeholders of the migrations; none by default, and then migrations are applied as written. */
  default MigrationPlaceholders placeholders() {
    return MigrationPlaceholders.none();
  }

  /** Flyway's baseline of the migrations; none by default, and then a non-empty schema without history is refused. */
  default MigrationBaseline baseline() {
    return MigrationBaseline.none();
  }
}
