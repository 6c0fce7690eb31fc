package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Service;
import dev.parity.core.Stack;

/**
 * An app's NetworkPolicy in one environment ({@code k8s/overlays/<env>/<app>/networkpolicy.yaml}):
 * ingress only from the apps that depend on it and, for the app behind the Ingress, from the
 * ingress controller's namespace; egress only to cluster DNS and to what it declares a dependency
 * on. An app it depends on is selected by its labels; a managed database or cache lives outside the
 * cluster at an address NetworkPolicy cannot name, so its egress is limited to the service's port.
 */
final class NetworkPolicies {

  private NetworkPolicies() {
  }

  static ObjectNode of(Stack stack, App app, Environment env, Kubernetes k8s) {
    ObjectNode policy = Manifests.object("networking.k8s.io/v1", "NetworkPolicy", app.name(),
        Manifests.labels(stack, app.name(), "network-policy"));
    ObjectNode spec = policy.putObject("spec");
    spec.set("podSelector", Manifests.matchLabels(Manifests.selector(stack, app)));
    spec.set("policyTypes", Manifests.array("Ingress", "Egress"));
    ArrayNode ingress = spec.putArray("ingress");
    for (App other : stack.apps()) {
      if (other.dependsOn().contains(app.name())) {
        ObjectNode rule = ingress.addObject();
        rule.putArray("from").addObject().set("podSelector", Manifests.matchLabels(Manifests.selector(stack, other)));
        rule.set("ports", ports(app));
      }
    }
    if (env.hostname().isPresent() && Ingresses.target(stack, k8s).equals(app)) {
      ObjectNode rule = ingress.addObject();
      ObjectNode namespace = Manifests.NODES.objectNode().put("kubernetes.io/metadata.name", k8s.ingressNamespace());
      rule.putArray("from").addObject().set("namespaceSelector", Manifests.matchLabels(namespace));
      rule.set("ports", ports(app.containerPort()));
    }
    ArrayNode egress = spec.putArray("egress");
    egress.add(dns());
    for (String dependency : app.dependsOn()) {
      Service service = stack.service(dependency).orElseThrow();
      ObjectNode rule = egress.addObject();
      if (service instanceof App target) {
        rule.putArray("to").addObject().set("podSelector", Manifests.matchLabels(Manifests.selector(stack, target)));
      }
      rule.set("ports", service instanceof App target ? ports(target) : ports(service.containerPort()));
    }
    return policy;
  }

  /** An app's main port and each of its further ports, which the other apps reach. */
  static ArrayNode ports(App app) {
    ArrayNode ports = ports(app.containerPort());
    FurtherPorts.of(app).forEach(p -> ports.addObject().put("protocol", p.protocol()).put("port", p.port()));
    return ports;
  }

  static ArrayNode ports(int port) {
    ArrayNode ports = Manifests.NODES.arrayNode();
    ports.addObject().put("protocol", "TCP").put("port", port);
    return ports;
  }

  /** Name resolution through the cluster DNS (CoreDNS and kube-dns carry {@code k8s-app: kube-dns}). */
  static ObjectNode dns() {
    ObjectNode rule = Manifests.NODES.objectNode();
    ObjectNode peer = rule.putArray("to").addObject();
    peer.set("namespaceSelector", Manifests.matchLabels(Manifests.NODES.objectNode().put("kubernetes.io/metadata.name", "kube-system")));
    peer.set("podSelector", Manifests.matchLabels(Manifests.NODES.objectNode().put("k8s-app", "kube-dns")));
    ArrayNode ports = rule.putArray("ports");
    ports.addObject().put("protocol", "UDP").put("port", 53);
    ports.addObject().put("protocol", "TCP").put("port", 53);
    return rule;
  }
}
