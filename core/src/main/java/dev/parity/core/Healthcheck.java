package dev.parity.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A container's own health check (compose {@code healthcheck:}, Dockerfile {@code HEALTHCHECK}):
 * a command that exits 0 when the service is healthy.
 *
 * <pre>{@code
 * Healthcheck.command("wget", "-qO-", "http://127.0.0.1:8025/livez").interval(Duration.ofSeconds(5));
 * Healthcheck.shell("pg_isready -U \"$POSTGRES_USER\"");
 * }</pre>
 *
 * Defaults: interval 10 s, timeout 5 s, 5 retries, start period 10 s (compose's units: whole
 * seconds or milliseconds, written as {@code 10s}, {@code 500ms}).
 *
 * @param test the command: in exec form (compose {@code ["CMD", ...]}) or one shell line
 *     (compose {@code ["CMD-SHELL", line]})
 * @param shell whether {@code test} is one shell line
 */
public record Healthcheck(List<String> test, boolean shell, Duration interval, Duration timeout, int retries,
    Duration startPeriod) {

  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_START = Duration.ofSeconds(10);

  public Healthcheck {
    test = List.copyOf(test);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startPeriod, "startPeriod");
  }

  /** A check run without a shell: compose {@code ["CMD", arguments...]}. */
  public static Healthcheck command(String... arguments) {
    return new Healthcheck(List.of(arguments), false, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, 5, DEFAULT_START);
  }

  /** A check run by the image's {@code /bin/sh -c}: compose {@code ["CMD-SHELL", line]}. */
  public static Healthcheck shell(String line) {
    return new Healthcheck(List.of(line), true, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, 5, DEFAULT_START);
  }

  /** How often the check runs. */
  public Healthcheck interval(Duration every) {
    return new Healthcheck(test, shell, every, timeout, retries, startPeriod);
  }

  /** How long one run may take before it counts as failed. */
  public Healthcheck timeout(Duration limit) {
    return new Healthcheck(test, shell, interval, limit, retries, startPeriod);
  }

  /** How many failures in a row make the container unhealthy. */
  public Healthcheck retries(int count) {
    return new Healthcheck(test, shell, interval, timeout, count, startPeriod);
  }

  /** How long after start failures do not count yet. */
  public Healthcheck startPeriod(Duration grace) {
    return new Healthcheck(test, shell, interval, timeout, retries, grace);
  }
}
