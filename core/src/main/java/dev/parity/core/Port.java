package dev.parity.core;

import java.util.Optional;

/**
 * A further port a service listens on, beside its main port, or a range of them: published on a
 * loopback address of the developer's machine by the local stack (compose
 * {@code ports: "127.0.0.1:HOST:CONTAINER"}), or reachable only from the other services (compose
 * {@code expose:}).
 *
 * <pre>{@code
 * Port.published(2222, 22);                    // ssh of a git server on 127.0.0.1:2222
 * Port.published(53, 53).udp();                // "127.0.0.1:53:53/udp"
 * Port.publishedOnAnyPort(3000);               // "127.0.0.1::3000": Docker picks the host port
 * Port.published(9090, 8080).through(8081);    // "127.0.0.1:9090-9091:8080-8081"
 * Port.published(8443, 443).on("::1");         // "[::1]:8443:443", the IPv6 loopback
 * Port.internal(9090);                         // metrics, for the other services only
 * }</pre>
 *
 * <p>Compose publishes a port without a host address on every interface; Parity never does (the
 * address is 127.0.0.1 unless {@link #on} names another one, and {@code 0.0.0.0} or {@code ::} are
 * refused). Kubernetes environments list each port of a range in the app's Service and container
 * ports, with protocol {@code UDP} for a UDP port.
 *
 * @param containerPort the (first) port inside the container, 1 to 65535
 * @param hostPort the (first) host port when published; 0 when Docker picks a free one; null when
 *     only the other services reach it
 * @param protocol {@code tcp} or {@code udp}
 * @param hostIp the host address a published port binds, an IPv4 or IPv6 literal; 127.0.0.1 by default
 * @param count how many consecutive ports: 1 for one port, more for a range (host and container
 *     ranges have the same length, as compose requires)
 */
public record Port(int containerPort, Integer hostPort, String protocol, String hostIp, int count) {

  /** The address published ports bind unless {@link #on} names another. */
  public static final String LOOPBACK = "127.0.0.1";

  /** One port, bound on 127.0.0.1 when published. */
  public Port(int containerPort, Integer hostPort, String protocol) {
    this(containerPort, hostPort, protocol, LOOPBACK, 1);
  }

  /** A TCP port published on 127.0.0.1:{@code hostPort} by the local stack. */
  public static Port published(int hostPort, int containerPort) {
    return new Port(containerPort, hostPort, "tcp");
  }

  /**
   * A TCP port published on a host port Docker picks when the stack starts (compose
   * {@code "127.0.0.1::CONTAINER"}; {@code docker-compose port} or {@code parity status} shows it).
   */
  public static Port publishedOnAnyPort(int containerPort) {
    return new Port(containerPort, 0, "tcp");
  }

  /** A TCP port only the other services reach (compose {@code expose}). */
  public static Port internal(int containerPort) {
    return new Port(containerPort, null, "tcp");
  }

  /** The same port over UDP. */
  public Port udp() {
    return new Port(containerPort, hostPort, "udp", hostIp, count);
  }

  /**
   * The same port bound on another host address, such as {@code "::1"} or {@code "127.0.0.2"}
   * (compose {@code "[::1]:8443:443"}). Addresses of every interface ({@code 0.0.0.0}, {@code ::}) are refused.
   */
  public Port on(String hostAddress) {
    return new Port(containerPort, hostPort, protocol, hostAddress, count);
  }

  /**
   * A range from this container port through {@code lastContainerPort}, published on as many
   * consecutive host ports from the host port (compose {@code "9090-9091:8080-8081"}).
   */
  public Port through(int lastContainerPort) {
    return new Port(containerPort, hostPort, protocol, hostIp, lastContainerPort - containerPort + 1);
  }

  public Optional<Integer> published() {
    return Optional.ofNullable(hostPort);
  }

  /** Whether Docker picks the host port. */
  public boolean anyHostPort() {
    return hostPort != null && hostPort == 0;
  }

  /** The last container port of the range, the container port itself for one port. */
  public int lastContainerPort() {
    return containerPort + count - 1;
  }

  /** Whether the host address is an IPv6 literal. */
  public boolean ipv6() {
    return hostIp != null && hostIp.contains(":");
  }
}
