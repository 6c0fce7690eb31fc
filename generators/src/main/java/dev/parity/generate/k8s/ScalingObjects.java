package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Kubernetes;
import dev.parity.core.Stack;

/**
 * The objects that keep an app's replicas: a PodDisruptionBudget wherever it runs more than one
 * ({@code policy/v1}, at most one pod voluntarily evicted at a time), and a HorizontalPodAutoscaler
 * ({@code autoscaling/v2}, average CPU utilisation of the request) where the environment autoscales.
 */
final class ScalingObjects {

  private ScalingObjects() {
  }

  static ObjectNode disruptionBudget(Stack stack, App app) {
    ObjectNode budget = Manifests.object("policy/v1", "PodDisruptionBudget", app.name(),
        Manifests.labels(stack, app.name(), "availability"));
    ObjectNode spec = budget.putObject("spec");
    spec.put("maxUnavailable", 1);
    spec.set("selector", Manifests.matchLabels(Manifests.selector(stack, app)));
    return budget;
  }

  static ObjectNode autoscaler(Stack stack, App app, Kubernetes k8s) {
    ObjectNode autoscaler = Manifests.object("autoscaling/v2", "HorizontalPodAutoscaler", app.name(),
        Manifests.labels(stack, app.name(), "autoscaling"));
    ObjectNode spec = autoscaler.putObject("spec");
    ObjectNode target = spec.putObject("scaleTargetRef");
    target.put("apiVersion", "apps/v1");
    target.put("kind", "Deployment");
    target.put("name", app.name());
    spec.put("minReplicas", k8s.minReplicas());
    spec.put("maxReplicas", k8s.maxReplicas());
    ObjectNode resource = spec.putArray("metrics").addObject().put("type", "Resource").putObject("resource");
    resource.put("name", "cpu");
    resource.putObject("target").put("type", "Utilization").put("averageUtilization", k8s.targetCpu());
    return autoscaler;
  }
}
