package dev.parity.generate.k8s;

import dev.parity.core.App;
import dev.parity.core.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An app's further ports as Kubernetes lists them, in the container and in the Service: one entry per
 * port (a range is expanded, since neither lists ranges), named {@code tcp-PORT} or {@code udp-PORT}
 * (at most 9 characters, within the 15 an IANA service name allows), with protocol {@code TCP} or
 * {@code UDP}. Host ports and addresses are the local stack's and mean nothing in a cluster.
 */
final class FurtherPorts {

  /** One port: its name, number and protocol. */
  record One(String name, int port, String protocol) {
  }

  private FurtherPorts() {
  }

  static List<One> of(App app) {
    List<One> ports = new ArrayList<>();
    for (Port port : app.options().ports()) {
      for (int p = port.containerPort(); p <= port.lastContainerPort(); p++) {
        if (p != app.containerPort() || !"tcp".equals(port.protocol())) {
          ports.add(new One(port.protocol() + "-" + p, p, port.protocol().toUpperCase(Locale.ROOT)));
        }
      }
    }
    return ports;
  }
}
