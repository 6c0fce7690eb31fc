package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Images;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One environment's Kustomize overlay, {@code k8s/overlays/<env>/}: the shared base plus what only
 * the environment's knobs decide (namespace, replicas or autoscaling, resources, config values,
 * secret references, host name) and its {@code kustomization.yaml}, which sets the namespace, the
 * {@code app.kubernetes.io/instance} label and the image digests.
 */
final class Overlay {

  private final GenerationContext context;
  private final Stack stack;
  private final Environment env;
  private final Kubernetes k8s;
  private final String folder;
  private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
  private final Map<String, ObjectNode> patches = new LinkedHashMap<>();

  Overlay(GenerationContext context, Environment env) {
    this.context = context;
    this.stack = context.stack();
    this.env = env;
    this.k8s = env.kubernetes().orElseThrow();
    this.folder = "k8s/overlays/" + env.name() + "/";
  }

  List<GeneratedFile> files() {
    resources.put("namespace.yaml", Namespaces.of(stack, k8s));
    for (App app : stack.apps()) {
      String dir = app.name() + "/";
      resources.put(dir + "configmap.yaml", ConfigMaps.of(stack, app, env));
      resources.put(dir + "networkpolicy.yaml", NetworkPolicies.of(stack, app, env, k8s));
      if (DeploymentPatches.minimumReplicas(env, k8s) > 1) {
        resources.put(dir + "poddisruptionbudget.yaml", ScalingObjects.disruptionBudget(stack, app));
      }
      if (k8s.autoscales()) {
        resources.put(dir + "horizontalpodautoscaler.yaml", ScalingObjects.autoscaler(stack, app, k8s));
      }
      patches.put(dir + "deployment-patch.yaml", DeploymentPatches.of(stack, app, env, k8s));
    }
    env.hostname().ifPresent(host -> resources.put("ingress.yaml", Ingresses.of(stack, host, k8s)));
    for (String key : secretKeys()) {
      SecretRef ref = env.secrets().get(key);
      resources.put("secrets/" + Kubernetes.secretName(key) + ".yaml", ExternalSecrets.of(stack, key, ref, k8s));
    }
    List<GeneratedFile> files = new ArrayList<>();
    files.add(Manifests.file(context, folder + "kustomization.yaml", kustomization(), note()));
    resources.forEach((path, object) -> files.add(Manifests.file(context, folder + path, object, "")));
    patches.forEach((path, object) -> files.add(Manifests.file(context, folder + path, object, "")));
    files.addAll(new MigrateOverlay(context, env).files());
    return files;
  }

  /** The secret keys some app reads that this environment references, in schema order. */
  private Set<String> secretKeys() {
    Set<String> used = new LinkedHashSet<>();
    stack.apps().forEach(app -> used.addAll(stack.keysUsedBy(app)));
    Set<String> keys = new LinkedHashSet<>();
    env.secrets().keySet().stream().filter(used::contains).forEach(keys::add);
    return keys;
  }

  private ObjectNode kustomization() {
    ObjectNode kustomization = Kustomizations.head();
    kustomization.put("namespace", k8s.namespace());
    ArrayNode list = kustomization.putArray("resources");
    list.add("../../base");
    resources.keySet().forEach(list::add);
    ObjectNode labels = kustomization.putArray("labels").addObject();
    labels.putObject("pairs").put(Manifests.INSTANCE, stack.name() + "-" + env.name());
    labels.put("includeSelectors", false);
    labels.put("includeTemplates", true);
    ArrayNode patchList = kustomization.putArray("patches");
    patches.keySet().forEach(p -> patchList.addObject().put("path", p));
    ArrayNode images = KubernetesImages.entries(context, env);
    if (!images.isEmpty()) {
      kustomization.set("images", images);
    }
    return kustomization;
  }

  private String note() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Environment '" + env.name() + "' on Kubernetes: kubectl apply -k ."
        + k8s.context().map(c -> " --context " + c).orElse(""));
    for (App app : stack.apps()) {
      lines.add(Images.digestOf(context.releases(), app, env)
          .map(d -> app.name() + ": " + Images.repository(stack, app) + "@" + d)
          .orElse(app.name() + ": no release recorded; the base's " + KubernetesImages.baseImage(stack, app)
              + " is never pushed, so pods do not start until a digest is pinned here"));
    }
    return String.join("\n", lines);
  }
}
