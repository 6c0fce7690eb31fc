package dev.parity.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.Kubernetes;
import dev.parity.core.ParityException;
import dev.parity.drift.DriftReport;
import dev.parity.drift.cluster.ClusterDrift;
import dev.parity.drift.cluster.Kustomize;
import dev.parity.drift.cluster.LiveCluster;
import dev.parity.generate.DeployTree;
import dev.parity.generate.GeneratedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity drift cluster}: the objects of an environment's namespace against the overlay the spec renders. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Compare the objects of a Kubernetes environment's namespace with the overlay the spec renders"
        + " (k8s/overlays/<env>, rendered in memory as `kubectl kustomize` prints it; no kubectl needed):"
        + " objects missing, objects with Parity's labels the spec does not render, and every rendered field"
        + " changed by hand (image digest from the release record, replicas or autoscaler bounds, resources,"
        + " probes, securityContext, env, ConfigMap data, ExternalSecret keys and store, Service ports,"
        + " Ingress rules, NetworkPolicy peers, disruption budget, Jobs).",
        "Not drift: what the API server and controllers own (status, uid, resourceVersion, managedFields,"
            + " filled-in defaults, replicas an autoscaler manages, kubectl's annotations). Secrets are never read."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the namespace matches the spec", "1:drift found; the report lists every difference",
        "2:bad input or usage, an unreachable API server, a refused credential or a missing namespace"})
final class DriftClusterCommand implements Callable<Integer> {

  @Mixin
  DriftSpecOptions specOptions;

  @Option(names = "--context", paramLabel = "<name>",
      description = "The kubeconfig context (KUBECONFIG, else ~/.kube/config); default: the one the spec declares"
          + " for the environment (Kubernetes.context), else the kubeconfig's current context.")
  String context;

  @Mixin
  ReportOptions report;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    report.format();
    LoadedSpec loaded = specOptions.load();
    Environment environment = DriftSpecOptions.environment(loaded, specOptions.environment);
    Kubernetes k8s = environment.kubernetes().orElseThrow(() -> new ParityException(ErrorCode.USAGE, "--env '"
        + environment.name() + "' does not run on Kubernetes; drift cluster compares an environment declared with"
        + " .kubernetes(Kubernetes.namespace(...))"));
    List<ObjectNode> expected = expected(loaded, environment);
    String chosen = context != null ? context : k8s.context().orElse(null);
    try (LiveCluster cluster = LiveCluster.connect(chosen)) {
      List<ObjectNode> live = cluster.objects(k8s.namespace(), loaded.stack().name());
      DriftReport result = ClusterDrift.compare(expected, live, loaded.name() + " (" + environment.name() + ")",
          "namespace " + k8s.namespace() + " on " + cluster.where());
      return report.emit(result, command.commandLine().getOut());
    }
  }

  /**
   * What a deploy leaves in the namespace, as the spec renders it now with the release records beside the
   * spec: the environment's overlay and, where databases are migrated, its {@code migrate/} kustomization,
   * which the deploy applies first (its Job and NetworkPolicy stay in the namespace). An object both
   * kustomizations hold (the Namespace, the ExternalSecrets) counts once, as the app overlay renders it.
   */
  static List<ObjectNode> expected(LoadedSpec loaded, Environment environment) {
    DeployTree tree = RenderInputs.of(loaded, loaded.folder().resolve("deploy"), null, List.of()).render();
    Map<String, String> files = new LinkedHashMap<>();
    for (GeneratedFile file : tree.files()) {
      files.put(file.path(), file.content());
    }
    String overlay = "k8s/overlays/" + environment.name();
    try {
      Map<String, ObjectNode> objects = new LinkedHashMap<>();
      put(objects, Kustomize.render(files, overlay));
      if (files.containsKey(overlay + "/migrate/kustomization.yaml")) {
        put(objects, Kustomize.render(files, overlay + "/migrate"));
      }
      return List.copyOf(objects.values());
    } catch (IllegalArgumentException e) {
      throw new ParityException(ErrorCode.TEMPLATE, "the overlay of environment '" + environment.name()
          + "' cannot be rendered: " + e.getMessage());
    }
  }

  private static void put(Map<String, ObjectNode> objects, List<ObjectNode> rendered) {
    for (ObjectNode object : rendered) {
      objects.putIfAbsent(object.path("apiVersion").asText() + "/" + object.path("kind").asText() + "/"
          + object.path("metadata").path("namespace").asText() + "/" + object.path("metadata").path("name").asText(),
          object);
    }
  }
}
