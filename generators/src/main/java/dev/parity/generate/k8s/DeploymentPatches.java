package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Resources;
import dev.parity.core.Stack;

/**
 * The knobs of an app's Deployment in one environment, as a strategic-merge patch
 * ({@code k8s/overlays/<env>/<app>/deployment-patch.yaml}): {@code replicas} from the instance count
 * (left to the autoscaler when the environment autoscales), the container's requests and limits,
 * and the config hash that rolls the pods when the ConfigMap changes.
 */
final class DeploymentPatches {

  /** The pod-template annotation holding the SHA-256 of the app's ConfigMap data. */
  static final String CONFIG_HASH = "parity.dev/config-sha256";

  private DeploymentPatches() {
  }

  static ObjectNode of(Stack stack, App app, Environment env, Kubernetes k8s) {
    ObjectNode patch = Manifests.object("apps/v1", "Deployment", app.name(), null);
    ObjectNode spec = patch.putObject("spec");
    if (!k8s.autoscales()) {
      spec.put("replicas", env.instances().orElse(1));
    }
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").putObject("annotations").put(CONFIG_HASH, ConfigMaps.hash(stack, app, env));
    ObjectNode container = template.putObject("spec").putArray("containers").addObject();
    container.put("name", app.name());
    k8s.resources().ifPresent(r -> container.set("resources", resources(r)));
    return patch;
  }

  private static ObjectNode resources(Resources r) {
    ObjectNode resources = Manifests.NODES.objectNode();
    ObjectNode requests = resources.putObject("requests");
    requests.put("cpu", r.cpuRequest());
    requests.put("memory", r.memoryRequest());
    ObjectNode limits = resources.putObject("limits");
    r.cpuLimit().ifPresent(c -> limits.put("cpu", c));
    r.memoryLimit().ifPresent(m -> limits.put("memory", m));
    return resources;
  }

  /** The replicas an app runs with at least: the autoscaler's minimum, else the instance count. */
  static int minimumReplicas(Environment env, Kubernetes k8s) {
    return k8s.autoscales() ? k8s.minReplicas() : env.instances().orElse(1);
  }
}
