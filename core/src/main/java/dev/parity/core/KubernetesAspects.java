package dev.parity.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an environment's Kubernetes target decides, aspect by aspect, in words: where it runs, the
 * cluster's namespace and context, container resources and autoscaling. These are the knobs that
 * make one overlay differ from another, as instance count and type make one tfvars differ;
 * {@link EnvironmentDiff} and ENVIRONMENTS.md show the same rows.
 */
public final class KubernetesAspects {

  private static final String NONE = "—";

  private KubernetesAspects() {
  }

  /** Aspect to value, in a fixed order; {@code —} where it does not apply. */
  public static Map<String, String> of(Environment env) {
    Map<String, String> aspects = new LinkedHashMap<>();
    aspects.put("runs on", target(env));
    Kubernetes k = env.kubernetes().orElse(null);
    aspects.put("Kubernetes namespace", k == null ? NONE : k.namespace());
    aspects.put("Kubernetes context", k == null ? NONE : k.context().orElse(NONE));
    aspects.put("container CPU (request / limit)", k == null ? NONE
        : k.resources().map(r -> r.cpuRequest() + " / " + r.cpuLimit().orElse(NONE)).orElse(NONE));
    aspects.put("container memory (request / limit)", k == null ? NONE
        : k.resources().map(r -> r.memoryRequest() + " / " + r.memoryLimit().orElse(NONE)).orElse(NONE));
    aspects.put("autoscaling", k == null || !k.autoscales() ? NONE
        : k.minReplicas() + " to " + k.maxReplicas() + " replicas at " + k.targetCpu() + "% CPU");
    return aspects;
  }

  /** Where an environment runs: Docker Compose, instances, Kubernetes, or both remote targets. */
  public static String target(Environment env) {
    if (env.isLocal()) {
      return "Docker Compose";
    }
    if (env.runsOnKubernetes()) {
      return env.runsOnInstances() ? "instances and Kubernetes" : "Kubernetes";
    }
    return "instances";
  }
}
