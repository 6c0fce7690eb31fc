package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Kubernetes;
import dev.parity.core.Stack;

/**
 * The environment's Ingress ({@code k8s/overlays/<env>/ingress.yaml}), for an environment with a
 * host name: every path of the host goes to the {@linkplain Kubernetes#ingressTo ingress app}'s
 * Service, through the declared ingress class or the cluster's default. TLS is left to the
 * cluster's ingress controller or cert-manager.
 */
final class Ingresses {

  private Ingresses() {
  }

  /** The app behind the host name: the declared one, else the first app. */
  static App target(Stack stack, Kubernetes k8s) {
    String name = k8s.ingressApp().orElse(stack.apps().get(0).name());
    return stack.apps().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  static ObjectNode of(Stack stack, String hostname, Kubernetes k8s) {
    App app = target(stack, k8s);
    ObjectNode ingress = Manifests.object("networking.k8s.io/v1", "Ingress", app.name(),
        Manifests.labels(stack, app.name(), "ingress"));
    ObjectNode spec = ingress.putObject("spec");
    k8s.ingressClass().ifPresent(c -> spec.put("ingressClassName", c));
    ObjectNode rule = spec.putArray("rules").addObject();
    rule.put("host", hostname);
    ObjectNode path = rule.putObject("http").putArray("paths").addObject();
    path.put("path", "/");
    path.put("pathType", "Prefix");
    ObjectNode service = path.putObject("backend").putObject("service");
    service.put("name", app.name());
    service.putObject("port").put("name", "http");
    return ingress;
  }
}
