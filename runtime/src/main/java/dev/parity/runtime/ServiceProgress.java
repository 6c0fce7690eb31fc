package dev.parity.runtime;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One change of state of one service while a stack starts or stops, for progress output.
 *
 * @param service the service name
 * @param phase what the service is doing now
 * @param elapsed time since the stack began to start
 * @param detail the image, the applied migration versions, or why it failed
 */
public record ServiceProgress(String service, Phase phase, Duration elapsed, String detail) {

  /** The states a service passes through. */
  public enum Phase {
    PULLING, BUILDING, STARTING, WAITING, HEALTHY, MIGRATING, MIGRATED, READY, FAILED, REMOVED
  }

  public ServiceProgress {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(elapsed, "elapsed");
    detail = detail == null ? "" : detail;
  }

  /** The line progress output prints: {@code [  2.4s] db         healthy    postgres:15.4}. */
  public String line() {
    return String.format(Locale.ROOT, "[%5.1fs] %-12s %-10s %s", elapsed.toMillis() / 1000.0, service,
        phase.name().toLowerCase(Locale.ROOT), detail).stripTrailing();
  }
}
