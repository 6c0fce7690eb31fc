package dev.parity.runtime.internal;

import dev.parity.core.ParityException;

/** A start that failed and was kept for inspection ({@code --keep-on-failure}), with what did start. */
public final class KeptFailure extends ParityException {

  private static final long serialVersionUID = 1L;

  private final transient StartedStack started;

  KeptFailure(ParityException failure, StartedStack started) {
    super(failure.code(), failure.getMessage(), failure.getCause() == null ? failure : failure.getCause());
    this.started = started;
  }

  /** The services started so far: their published ports and the generated secrets. */
  public StartedStack started() {
    return started;
  }
}
