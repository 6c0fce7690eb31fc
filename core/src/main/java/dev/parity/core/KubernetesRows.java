package dev.parity.core;

import java.util.Optional;
import java.util.function.Function;

/**
 * The rows {@link EnvironmentDiff} adds when either environment runs on Kubernetes: where it runs,
 * the cluster's namespace and context, container resources and autoscaling. These are the knobs
 * that make one overlay differ from another, as instance count and type make one tfvars differ.
 */
final class KubernetesRows {

  /** Receives one aspect and its two values. */
  interface Sink {
    void row(String aspect, String left, String right);
  }

  private static final String NONE = "—";

  private KubernetesRows() {
  }

  static void add(Environment left, Environment right, Sink sink) {
    sink.row("runs on", target(left), target(right));
    row(sink, left, right, "Kubernetes namespace", k -> Optional.of(k.namespace()));
    row(sink, left, right, "Kubernetes context", Kubernetes::context);
    row(sink, left, right, "container CPU (request / limit)",
        k -> k.resources().map(r -> r.cpuRequest() + " / " + r.cpuLimit().orElse(NONE)));
    row(sink, left, right, "container memory (request / limit)",
        k -> k.resources().map(r -> r.memoryRequest() + " / " + r.memoryLimit().orElse(NONE)));
    row(sink, left, right, "autoscaling", k -> k.autoscales()
        ? Optional.of(k.minReplicas() + " to " + k.maxReplicas() + " replicas at " + k.targetCpu() + "% CPU")
        : Optional.empty());
  }

  private static void row(Sink sink, Environment left, Environment right, String aspect,
      Function<Kubernetes, Optional<String>> value) {
    sink.row(aspect, left.kubernetes().flatMap(value).orElse(NONE), right.kubernetes().flatMap(value).orElse(NONE));
  }

  /** Where an environment runs: Docker Compose, instances, Kubernetes, or both remote targets. */
  static String target(Environment env) {
    if (env.isLocal()) {
      return "Docker Compose";
    }
    if (env.runsOnKubernetes()) {
      return env.runsOnInstances() ? "instances and Kubernetes" : "Kubernetes";
    }
    return "instances";
  }
}
