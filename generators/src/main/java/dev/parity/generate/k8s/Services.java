package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Stack;

/** An app's ClusterIP Service in {@code k8s/base/<app>/service.yaml}: its container port as {@code http}. */
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
    return service;
  }
}
