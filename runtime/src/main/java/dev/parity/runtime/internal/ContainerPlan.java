package dev.parity.runtime.internal;

import dev.parity.core.Healthcheck;
import dev.parity.core.ImageRef;
import dev.parity.core.Restart;
import dev.parity.core.Service;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one container of a service needs, as Docker's create call takes it: image,
 * environment, ports, mounts, command, restart policy, user, init, health check, networks, and
 * how to tell that it is ready. A service with local replicas has one plan per replica.
 *
 * @param service the declared service
 * @param replica the replica's number (1 to n) when the app runs several, else 0
 * @param declaredImage the image as the spec declares it (for an app, the image built for it)
 * @param image the image Docker runs: the declared one, or its counterpart on a mirror
 * @param environment the container's environment variables, in declaration order
 * @param ports the main port first, then the further ones
 * @param mounts named volumes, bind mounts and secret files
 * @param secretFiles the content of each secret file, by the host path it is written to
 * @param command the arguments replacing the image's {@code CMD}, or null for the image's
 * @param entrypoint the image's replacement {@code ENTRYPOINT}, or null
 * @param restart the restart policy, or null for Docker's default
 * @param hostname the container's host name, or null for Docker's
 * @param user the user to run as, or null for the image's
 * @param init whether Docker's init runs as PID 1, or null for Docker's default
 * @param healthcheck the health check Docker runs, or null for the image's
 * @param networks the stack networks joined, by their declared name ({@link #DEFAULT_NETWORK} for the default)
 * @param readiness when the service counts as healthy
 */
record ContainerPlan(Service service, int replica, ImageRef declaredImage, ImageRef image,
    Map<String, String> environment, List<PortPlan> ports, List<MountPlan> mounts, Map<Path, String> secretFiles,
    List<String> command, List<String> entrypoint, Restart restart, String hostname, String user, Boolean init,
    Healthcheck healthcheck, List<String> networks, Readiness readiness) {

  /** The name of the stack's default network, joined by services that declare none. */
  static final String DEFAULT_NETWORK = "default";

  ContainerPlan {
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    ports = List.copyOf(ports);
    mounts = List.copyOf(mounts);
    secretFiles = Collections.unmodifiableMap(new LinkedHashMap<>(secretFiles));
    command = command == null ? null : List.copyOf(command);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    networks = List.copyOf(networks);
  }

  /** The service's name, which is also its alias on every network it joins. */
  String name() {
    return service.name();
  }

  /** The suffix of the container's name: the service name, with the replica's number when there are several. */
  String containerSuffix() {
    return replica == 0 ? service.name() : service.name() + "-" + replica;
  }

  int containerPort() {
    return service.containerPort();
  }

  /** The main port's fixed host port, or null for one Docker picks (or none when it is not published). */
  Integer hostPort() {
    return ports.get(0).hostPort();
  }

  /** Whether the main port is published on the host, so readiness can use it. */
  boolean publishesMainPort() {
    return ports.get(0).published();
  }

  List<String> dependsOn() {
    return service.dependsOn();
  }

  /** The named volumes the container mounts, by Docker name. */
  List<MountPlan> volumes() {
    return mounts.stream().filter(m -> m.kind() == MountPlan.Kind.VOLUME).toList();
  }

  /**
   * One port of the container.
   *
   * @param containerPort the port inside
   * @param protocol {@code tcp} or {@code udp}
   * @param published whether it is published on {@code hostIp} (else only exposed to the other services)
   * @param hostPort the fixed host port when published, or null for one Docker picks
   * @param hostIp the host address it binds when published: 127.0.0.1 unless the spec names another loopback
   */
  record PortPlan(int containerPort, String protocol, boolean published, Integer hostPort, String hostIp) {

    PortPlan(int containerPort, String protocol, boolean published, Integer hostPort) {
      this(containerPort, protocol, published, hostPort, dev.parity.core.Port.LOOPBACK);
    }

    static PortPlan internal(int containerPort, String protocol) {
      return new PortPlan(containerPort, protocol, false, null);
    }
  }

  /**
   * One mount of the container.
   *
   * @param kind a named volume, a bind mount of a host path, or an anonymous volume
   * @param source the volume's Docker name, the absolute host path, or null for an anonymous volume
   * @param target the absolute path in the container
   * @param readOnly whether the container sees it read-only
   * @param relabel a bind mount's SELinux relabelling, {@code z} or {@code Z}; null leaves the labels alone
   */
  record MountPlan(Kind kind, String source, String target, boolean readOnly, String relabel) {

    MountPlan(Kind kind, String source, String target, boolean readOnly) {
      this(kind, source, target, readOnly, null);
    }

    enum Kind {
      VOLUME, BIND, ANONYMOUS
    }
  }
}
