package dev.parity.core;

import java.util.Objects;

/** The one exception Parity throws for anything a user can fix; its message says how. */
public class ParityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public ParityException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ParityException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
