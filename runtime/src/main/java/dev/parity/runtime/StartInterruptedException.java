package dev.parity.runtime;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;

/**
 * The thread that called {@link LocalStack#start} was interrupted (the user pressed Ctrl-C, or the
 * process got SIGTERM) while the stack was being pulled, started, waited for, migrated or built:
 * everything this start created was removed before this was thrown, and the message says so.
 */
public final class StartInterruptedException extends ParityException {

  private static final long serialVersionUID = 1L;

  public StartInterruptedException(String message) {
    super(ErrorCode.RUNTIME, message);
  }
}
