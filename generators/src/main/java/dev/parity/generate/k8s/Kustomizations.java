package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Stack;

/** The {@code kustomization.yaml} heads, and the base's, which lists each app's Deployment and Service. */
final class Kustomizations {

  private Kustomizations() {
  }

  static ObjectNode head() {
    ObjectNode kustomization = Manifests.NODES.objectNode();
    kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    kustomization.put("kind", "Kustomization");
    return kustomization;
  }

  static ObjectNode base(Stack stack) {
    ObjectNode kustomization = head();
    ArrayNode resources = kustomization.putArray("resources");
    for (App app : stack.apps()) {
      resources.add(app.name() + "/deployment.yaml");
      resources.add(app.name() + "/service.yaml");
    }
    AppVolumes.claimFiles(stack).forEach(resources::add);
    return kustomization;
  }
}
