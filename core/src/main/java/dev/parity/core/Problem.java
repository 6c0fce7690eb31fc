package dev.parity.core;

import java.util.Objects;

/**
 * One thing wrong with a spec: the element it concerns ({@code service 'web'}, {@code environment
 * 'staging', key 'DB_HOST'}), what is wrong with which value, and the fix.
 */
public record Problem(String element, String message, String fix) {

  public Problem {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
  }

  /** One line: {@code <element>: <message>; fix: <fix>}. */
  @Override
  public String toString() {
    return element + ": " + message + "; fix: " + fix;
  }
}
