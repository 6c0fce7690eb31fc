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
  /** Reading or writing files failed. */
  IO(1);

  private final int exitCode;

  ErrorCode(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code the CLI uses for this error. */
  public int exitCode() {
    return exitCode;
  }
}
