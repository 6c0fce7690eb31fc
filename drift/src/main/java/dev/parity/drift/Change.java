package dev.parity.drift;

/** How the two sides of a finding differ. */
public enum Change {
  /** The item exists on the {@code from} (expected) side only. */
  ONLY_IN_FROM,
  /** The item exists on the {@code to} (actual) side only. */
  ONLY_IN_TO,
  /** The item exists on both sides with different values. */
  CHANGED,
  /** The item exists but breaks a rule of the spec (a wrong type, a placeholder secret). */
  INVALID;

  /** The name JSON reports use: {@code only_in_from}, {@code only_in_to}, {@code changed}, {@code invalid}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
