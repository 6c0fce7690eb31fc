package dev.parity.runtime;

import dev.parity.core.ParityException;

/**
 * A start that failed with {@link StackOptions#keepOnFailure(boolean)}: what started is left
 * running for inspection, and {@link #stack()} gives its config (published ports, generated
 * secrets) so that it can be written to the env file; {@code parity down} removes it.
 */
public final class KeptStackException extends ParityException {

  private static final long serialVersionUID = 1L;

  private final transient RunningStack stack;

  KeptStackException(ParityException failure, RunningStack stack) {
    super(failure.code(), failure.getMessage(), failure.getCause() == null ? failure : failure.getCause());
    this.stack = stack;
  }

  /** The stack as far as it started; closing it removes it. */
  public RunningStack stack() {
    return stack;
  }
}
