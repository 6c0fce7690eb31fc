package dev.parity.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a service's further {@link Port}s: ports and ranges within 1 to 65535, tcp or udp, a host
 * address that is an IP literal and not every interface, each container port declared once.
 */
final class PortChecks {

  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final ValidationContext context;

  PortChecks(ValidationContext context) {
    this.context = context;
  }

  void check(String element, Service service) {
    Set<String> seen = new HashSet<>();
    seen.add(service.containerPort() + "/tcp");
    for (Port port : service.options().ports()) {
      String protocol = port.protocol();
      boolean valid = inRange(element, port);
      if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
        context.problem(element, "port " + port.containerPort() + " has protocol '" + protocol + "', not tcp or udp",
            "declare Port.published(…) or Port.internal(…), and add .udp() for UDP");
        valid = false;
      }
      if (port.hostPort() != null) {
        checkAddress(element, port);
      }
      for (int p = port.containerPort(); valid && p <= port.lastContainerPort(); p++) {
        if (!seen.add(p + "/" + protocol)) {
          context.problem(element, "declares container port " + p + "/" + protocol + " more than once",
              p == service.containerPort() && "tcp".equals(protocol)
                  ? "remove it from the options: it is the service's main port (publish that one with .hostPort(…))"
                  : "declare each container port once");
        }
      }
    }
  }

  private boolean inRange(String element, Port port) {
    if (port.containerPort() < 1 || port.containerPort() > 65535) {
      context.problem(element, "port " + port.containerPort() + " is out of range", "use a port between 1 and 65535");
      return false;
    }
    if (port.count() < 1) {
      context.problem(element, "port range " + port.containerPort() + "-" + port.lastContainerPort() + " ends below its"
          + " first port", "declare .through(last) with a last port of at least " + port.containerPort());
      return false;
    }
    if (port.lastContainerPort() > 65535) {
      context.problem(element, "port range " + port.containerPort() + "-" + port.lastContainerPort() + " is out of range",
          "end the range at 65535 or below");
      return false;
    }
    if (port.hostPort() != null && port.hostPort() != 0
        && (port.hostPort() < 1 || port.hostPort() + port.count() - 1 > 65535)) {
      context.problem(element, "host port " + (port.count() == 1 ? port.hostPort()
          : port.hostPort() + "-" + (port.hostPort() + port.count() - 1)) + " is out of range",
          "use a port between 1 and 65535, or Port.publishedOnAnyPort(" + port.containerPort() + ") to let Docker pick one");
      return false;
    }
    return true;
  }

  /** The host address: an IPv4 or IPv6 literal (no name, never resolved), not the address of every interface. */
  private void checkAddress(String element, Port port) {
    String ip = port.hostIp();
    String fix = "Port.published(" + port.hostPort() + ", " + port.containerPort() + ").on(\"127.0.0.1\") or .on(\"::1\")";
    if (ip == null || !(IPV4.matcher(ip).matches() || IPV6.matcher(ip).matches())) {
      context.problem(element, "port " + port.containerPort() + " is published on '" + ip + "', which is not an IPv4 or"
          + " IPv6 address", fix);
      return;
    }
    try {
      if (InetAddress.getByName(ip).isAnyLocalAddress()) {
        context.problem(element, "port " + port.containerPort() + " is published on " + ip + ", every interface of the"
            + " developer's machine; Parity publishes local ports on a loopback address only", fix);
      }
    } catch (UnknownHostException e) {
      context.problem(element, "port " + port.containerPort() + " is published on '" + ip + "', which is not an IPv4 or"
          + " IPv6 address", fix);
    }
  }
}
