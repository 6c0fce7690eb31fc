package dev.parity.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The CPU and memory of each app's container on Kubernetes, the cluster's counterpart of an
 * instance type: requests are what the scheduler reserves, limits what the container may use.
 * Quantities use Kubernetes quantity syntax: CPU in cores ({@code "1"}, {@code "0.5"}) or
 * millicores ({@code "250m"}), memory in bytes with a binary ({@code "256Mi"}, {@code "1Gi"}) or
 * decimal ({@code "500M"}) suffix.
 *
 * <pre>{@code
 * Resources.requests("250m", "256Mi").limits("1", "512Mi");
 * }</pre>
 *
 * Becomes {@code resources.requests} and {@code resources.limits} of each app's container in the
 * environment's overlay. Validation refuses a malformed quantity, a zero request, missing limits
 * and a request above its limit (the API server refuses those too).
 */
public final class Resources {

  private final String cpuRequest;
  private final String memoryRequest;
  private final String cpuLimit;
  private final String memoryLimit;

  private Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    this.cpuRequest = cpuRequest;
    this.memoryRequest = memoryRequest;
    this.cpuLimit = cpuLimit;
    this.memoryLimit = memoryLimit;
  }

  /** What the scheduler reserves for each container: {@code resources.requests.cpu} and {@code .memory}. */
  public static Resources requests(String cpu, String memory) {
    return new Resources(cpu, memory, null, null);
  }

  /** The most each container may use: {@code resources.limits.cpu} and {@code .memory}; required. */
  public Resources limits(String cpu, String memory) {
    return new Resources(cpuRequest, memoryRequest, cpu, memory);
  }

  public String cpuRequest() {
    return cpuRequest;
  }

  public String memoryRequest() {
    return memoryRequest;
  }

  public Optional<String> cpuLimit() {
    return Optional.ofNullable(cpuLimit);
  }

  public Optional<String> memoryLimit() {
    return Optional.ofNullable(memoryLimit);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources r && Objects.equals(cpuRequest, r.cpuRequest) && Objects.equals(memoryRequest, r.memoryRequest)
        && Objects.equals(cpuLimit, r.cpuLimit) && Objects.equals(memoryLimit, r.memoryLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cpuRequest, memoryRequest, cpuLimit, memoryLimit);
  }

  @Override
  public String toString() {
    return "requests cpu " + cpuRequest + ", memory " + memoryRequest + "; limits cpu " + cpuLimit + ", memory " + memoryLimit;
  }
}
