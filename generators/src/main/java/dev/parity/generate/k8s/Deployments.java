package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.ConfigKey;
import dev.parity.core.Kubernetes;
import dev.parity.core.SecretFile;
import dev.parity.core.Stack;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An app's Deployment in {@code k8s/base/<app>/deployment.yaml}: what every environment shares.
 * The container takes its plain config from the overlay's ConfigMap {@code <app>-config}, each
 * secret from the Secret its ExternalSecret creates, probes from the health path (a TCP check on
 * the port without one), and the restrictive {@link PodSecurity}. Replicas and resources come from
 * the overlay.
 */
final class Deployments {

  /** Startup may take up to 30 × 5 s before liveness checks begin. */
  private static final int STARTUP_FAILURES = 30;

  private Deployments() {
  }

  static ObjectNode of(Stack stack, App app) {
    ObjectNode deployment = Manifests.object("apps/v1", "Deployment", app.name(), Manifests.labels(stack, app.name(), "app"));
    ObjectNode spec = deployment.putObject("spec");
    spec.set("selector", Manifests.matchLabels(Manifests.selector(stack, app)));
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").set("labels", Manifests.labels(stack, app.name(), "app"));
    ObjectNode pod = template.putObject("spec");
    pod.put("automountServiceAccountToken", false);
    pod.put("enableServiceLinks", false);
    pod.set("securityContext", PodSecurity.pod(app));
    ObjectNode container = pod.putArray("containers").addObject();
    container.put("name", app.name());
    container.put("image", KubernetesImages.baseImage(stack, app));
    app.options().entrypoint().ifPresent(e -> container.set("command", Manifests.array(e.toArray(String[]::new))));
    if (app.buildKind() == BuildKind.DOCKERFILE && !app.command().isEmpty()) {
      // the team's Dockerfile has its own CMD; a generated one already runs the start command
      container.set("args", Manifests.array(app.command().toArray(String[]::new)));
    }
    ObjectNode port = container.putArray("ports").addObject();
    port.put("name", "http");
    port.put("containerPort", app.containerPort());
    port.put("protocol", "TCP");
    ArrayNode ports = (ArrayNode) container.get("ports");
    for (FurtherPorts.One further : FurtherPorts.of(app)) {
      ObjectNode p = ports.addObject();
      p.put("name", further.name());
      p.put("containerPort", further.port());
      p.put("protocol", further.protocol());
    }
    container.putArray("envFrom").addObject().putObject("configMapRef").put("name", ConfigMaps.name(app));
    ArrayNode env = environment(stack, app);
    if (!env.isEmpty()) {
      container.set("env", env);
    }
    container.set("startupProbe", probe(app, 5, STARTUP_FAILURES));
    container.set("readinessProbe", probe(app, 10, 3));
    container.set("livenessProbe", probe(app, 20, 3));
    container.set("securityContext", PodSecurity.container(app));
    volumes(app, container, pod);
    return deployment;
  }

  /** The secret variables: each from its key of the Secret named after the key; optional for an optional key. */
  private static ArrayNode environment(Stack stack, App app) {
    Map<String, String> secretVariables = new LinkedHashMap<>();
    for (ConfigKey key : stack.config()) {
      if (key.secret() && app.uses().contains(key.name())) {
        secretVariables.put(key.name(), key.name());
      }
    }
    app.options().secretEnv().forEach(secretVariables::putIfAbsent);
    ArrayNode env = Manifests.NODES.arrayNode();
    secretVariables.forEach((variable, key) -> {
      ObjectNode ref = env.addObject().put("name", variable).putObject("valueFrom").putObject("secretKeyRef");
      ref.put("name", Kubernetes.secretName(key));
      ref.put("key", key);
      boolean required = stack.config().stream().anyMatch(k -> k.name().equals(key) && k.required());
      if (!required) {
        ref.put("optional", true);
      }
    });
    for (SecretFile file : app.options().secretFiles()) {
      file.variable().ifPresent(v -> env.addObject().put("name", v).put("value", file.path()));
    }
    return env;
  }

  private static ObjectNode probe(App app, int periodSeconds, int failureThreshold) {
    ObjectNode probe = Manifests.NODES.objectNode();
    if (app.healthPath().isPresent()) {
      ObjectNode get = probe.putObject("httpGet");
      get.put("path", app.healthPath().get());
      get.put("port", "http");
    } else {
      probe.putObject("tcpSocket").put("port", "http");
    }
    probe.put("periodSeconds", periodSeconds);
    probe.put("timeoutSeconds", 2);
    probe.put("failureThreshold", failureThreshold);
    return probe;
  }

  /**
   * A writable {@code /tmp} under a read-only root, the app's declared volumes ({@link AppVolumes}), and each secret
   * file at {@code /run/secrets/<name>}.
   */
  private static void volumes(App app, ObjectNode container, ObjectNode pod) {
    ArrayNode mounts = Manifests.NODES.arrayNode();
    ArrayNode volumes = Manifests.NODES.arrayNode();
    if (PodSecurity.readOnlyRoot(app)) {
      mounts.addObject().put("name", "tmp").put("mountPath", "/tmp");
      volumes.addObject().put("name", "tmp").putObject("emptyDir");
    }
    AppVolumes.add(app, mounts, volumes);
    AppVolumes.addShm(app, mounts, volumes);
    for (SecretFile file : app.options().secretFiles()) {
      String volume = "secret-" + Kubernetes.secretName(file.key());
      mounts.addObject().put("name", volume).put("mountPath", file.path()).put("subPath", file.name()).put("readOnly", true);
      ObjectNode secret = volumes.addObject().put("name", volume).putObject("secret");
      secret.put("secretName", Kubernetes.secretName(file.key()));
      secret.putArray("items").addObject().put("key", file.key()).put("path", file.name());
    }
    if (!mounts.isEmpty()) {
      container.set("volumeMounts", mounts);
      pod.set("volumes", volumes);
    }
  }
}
