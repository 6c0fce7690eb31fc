package dev.parity.core;

/**
 * When the local stack pulls a service's image (compose {@code pull_policy:}, Compose
 * specification "pull_policy"). Unset, compose pulls a missing image, as {@link #MISSING}.
 */
public enum PullPolicy {
  /** Pull before every start, even when the image is there ({@code always}). */
  ALWAYS("always"),
  /** Never pull; the image must be there ({@code never}). */
  NEVER("never"),
  /**
   * Pull only when the image is not there: compose {@code if_not_present}, the spelling docker-compose
   * 1.29 accepts and Compose v2 reads as {@code missing}.
   */
  MISSING("if_not_present"),
  /** Build the image from the service's {@code build:} instead of pulling it ({@code build}). */
  BUILD("build");

  private final String compose;

  PullPolicy(String compose) {
    this.compose = compose;
  }

  /** The value compose takes. */
  public String compose() {
    return compose;
  }
}
