package dev.parity.core;

/** What went wrong, coarse enough for an exit code and fine enough for a test to assert. */
public enum ErrorCode {
  /** The spec declares something invalid; the message lists every problem. */
  INVALID_SPEC(2),
  /** The spec could not be found, compiled or instantiated. */
  SPEC_NOT_LOADED(2),
  /** A command was used wrongly: an unknown environment, a missing option. */
  USAGE(2),
  /** A template could not be read or rendered. */
  TEMPLATE(2),
  /** A database or the Docker engine could not be reached or read. */
  UNREACHABLE(2),
  /**
   * A file Parity reads beside the spec or in the tree (the image lock, a release file) is
   * malformed or names what the spec does not declare; the message names the file and the fix.
   */
  INVALID_FILE(2),
  /**
   * What a check compares with could not be prepared, for example the expected schema of
   * {@code parity drift schema --spec} when a migration fails: nothing was compared, so it is not drift.
   */
  NOT_COMPARED(2),
  /** Reading or writing files failed. */
  IO(1),
  /** No Docker engine answered; the message lists what was tried. */
  DOCKER_UNAVAILABLE(2),
  /** An image is neither present locally nor pullable from the registry (or mirror) tried. */
  IMAGE_UNAVAILABLE(1),
  /** A fixed host port the local stack publishes is already taken. */
  PORT_IN_USE(1),
  /** A service of the local stack exited or did not become healthy in time. */
  UNHEALTHY(1),
  /** A Flyway migration failed. */
  MIGRATION_FAILED(1),
  /** Docker refused an operation of the local stack (create, start, build). */
  RUNTIME(1);

  private final int exitCode;

  ErrorCode(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code the CLI uses for this error. */
  public int exitCode() {
    return exitCode;
  }
}
