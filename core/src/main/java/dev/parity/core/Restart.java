package dev.parity.core;

/**
 * What Docker does when a service's container stops (compose {@code restart:}, Docker's
 * {@code --restart}); see Docker's "Start containers automatically".
 */
public enum Restart {
  /** Never restart: compose {@code "no"}, the default. */
  NO("no"),
  /** Always restart, also after the daemon restarts. */
  ALWAYS("always"),
  /** Restart when the container exits with a non-zero code. */
  ON_FAILURE("on-failure"),
  /** Like {@link #ALWAYS}, unless it was stopped by hand. */
  UNLESS_STOPPED("unless-stopped");

  private final String compose;

  Restart(String compose) {
    this.compose = compose;
  }

  /** The value as compose and Docker spell it. */
  public String compose() {
    return compose;
  }
}
