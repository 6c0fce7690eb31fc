package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Stack;

/**
 * An app's ClusterIP Service in {@code k8s/base/<app>/service.yaml}: its container port as {@code http}, then
 * each further port (every port of a range) as {@code tcp-PORT} or {@code udp-PORT}.
 */
final class Services {

  private Services() {
  }

  static ObjectNode of(Stack stack, App app) {
    ObjectNode service = Manifests.object("v1", "Service", app.name(), Manifests.labels(stack, app.name(), "app"));
    ObjectNode spec = service.putObject("spec");
    spec.put("type", "ClusterIP");
    spec.set("selector", Manifests.selector(stack, app));
    ObjectNode port = spec.putArray("ports").addObject();
    port.put("name", "http");
    port.put("port", app.containerPort());
    port.put("targetPort", "http");
    port.put("protocol", "TCP");
    ArrayNode ports = (ArrayNode) spec.get("ports");
    for (FurtherPorts.One further : FurtherPorts.of(app)) {
      ObjectNode p = ports.addObject();
      p.put("name", further.name());
      p.put("port", further.port());
      p.put("targetPort", further.name());
      p.put("protocol", further.protocol());
    }
    return service;
  }
}
