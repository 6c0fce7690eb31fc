package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.Kubernetes;
import dev.parity.core.Stack;

/**
 * The environment's Namespace ({@code k8s/overlays/<env>/namespace.yaml}); it enforces the Pod
 * Security Standard "restricted", which the generated pods meet.
 */
final class Namespaces {

  private Namespaces() {
  }

  static ObjectNode of(Stack stack, Kubernetes k8s) {
    ObjectNode labels = Manifests.labels(stack, stack.name(), "namespace");
    labels.put("pod-security.kubernetes.io/enforce", "restricted");
    return Manifests.object("v1", "Namespace", k8s.namespace(), labels);
  }
}
