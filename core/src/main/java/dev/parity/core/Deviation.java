package dev.parity.core;

import java.util.List;
import java.util.Objects;

/**
 * A deliberate difference between environments, declared with its reason so that every report
 * lists it. The version of a service is never a deviation: it is declared once.
 *
 * <pre>{@code
 * Deviation.of("db").in("local")
 *     .differs("runs the postgres:14.9-alpine container")
 *     .because("production runs Amazon RDS for PostgreSQL 14.9, which has no image");
 * }</pre>
 */
public final class Deviation {

  private final String service;
  private final List<String> environments;
  private final String difference;
  private final String reason;

  private Deviation(String service, List<String> environments, String difference, String reason) {
    this.service = Objects.requireNonNull(service, "service");
    this.environments = List.copyOf(environments);
    this.difference = difference;
    this.reason = reason;
  }

  /** Starts a deviation of {@code service}. */
  public static Deviation of(String service) {
    return new Deviation(service, List.of(), null, null);
  }

  /** The environments where the service deviates. */
  public Deviation in(String... environmentNames) {
    return new Deviation(service, List.of(environmentNames), difference, reason);
  }

  /** What differs there, in words. */
  public Deviation differs(String what) {
    return new Deviation(service, environments, what, reason);
  }

  /** Why the difference is acceptable. */
  public Deviation because(String why) {
    return new Deviation(service, environments, difference, why);
  }

  public String service() {
    return service;
  }

  public List<String> environments() {
    return environments;
  }

  public String difference() {
    return difference == null ? "" : difference;
  }

  public String reason() {
    return reason == null ? "" : reason;
  }

  @Override
  public String toString() {
    return "Deviation[" + service + " in " + environments + ": " + difference + "]";
  }
}
