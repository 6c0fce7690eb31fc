package dev.parity.core;

import java.util.Optional;

/**
 * A further port a service listens on, beside its main port: published on {@code 127.0.0.1} of
 * the developer's machine by the local stack (compose {@code ports: "127.0.0.1:HOST:CONTAINER"}),
 * or reachable only from the other services (compose {@code expose:}).
 *
 * <pre>{@code
 * Port.published(2222, 22);   // ssh of a git server on 127.0.0.1:2222
 * Port.internal(9090);        // metrics, for the other services only
 * }</pre>
 *
 * @param containerPort the port inside the container, 1 to 65535
 * @param hostPort the port on 127.0.0.1, when published
 * @param protocol {@code tcp} or {@code udp}
 */
public record Port(int containerPort, Integer hostPort, String protocol) {

  /** A TCP port published on 127.0.0.1:{@code hostPort} by the local stack. */
  public static Port published(int hostPort, int containerPort) {
    return new Port(containerPort, hostPort, "tcp");
  }

  /** A TCP port only the other services reach (compose {@code expose}). */
  public static Port internal(int containerPort) {
    return new Port(containerPort, null, "tcp");
  }

  /** The same port over UDP. */
  public Port udp() {
    return new Port(containerPort, hostPort, "udp");
  }

  public Optional<Integer> published() {
    return Optional.ofNullable(hostPort);
  }
}
