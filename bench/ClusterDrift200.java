import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.drift.DriftReport;
import dev.parity.drift.cluster.ClusterDrift;
import dev.parity.drift.cluster.Kustomize;
import dev.parity.drift.cluster.LiveCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * drift cluster on a namespace of N Deployments (default 200), each with its Service, on fabric8's mock API
 * server in CRUD mode: the overlay rendered in memory, the namespace read over HTTP, the comparison. The
 * median of RUNS after a warm-up, and each phase apart. One Deployment carries a hand-set image, which the
 * report must find. Run with bench/cluster-drift.sh.
 */
public final class ClusterDrift200 {

  /** Held, so that the level set on it is not lost when the logger is collected. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  public static void main(String[] args) throws Exception {
    QUIET.setLevel(java.util.logging.Level.WARNING);
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Map<String, String> files = overlay(n);
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of()), false);
    server.init();
    try (KubernetesClient client = server.createClient()) {
      ObjectMapper json = new ObjectMapper();
      for (ObjectNode object : Kustomize.render(files, "k8s/overlays/production")) {
        create(client, object);
      }
      client.apps().deployments().inNamespace("bench-production").withName("app" + (n / 2)).edit(d -> {
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/acme/bench:hotfix");
        return d;
      });
      LiveCluster cluster = LiveCluster.of(client);
      long[] total = new long[runs];
      long[] render = new long[runs];
      long[] read = new long[runs];
      long[] compare = new long[runs];
      DriftReport report = null;
      for (int i = -3; i < runs; i++) {
        long t0 = System.nanoTime();
        List<ObjectNode> expected = Kustomize.render(files, "k8s/overlays/production");
        long t1 = System.nanoTime();
        List<ObjectNode> live = cluster.objects("bench-production", "bench");
        long t2 = System.nanoTime();
        report = ClusterDrift.compare(expected, live, "spec", "mock");
        long t3 = System.nanoTime();
        if (i == -3) {
          System.out.printf("first run, cold JVM: %.0f ms%n", (t3 - t0) / 1e6);
        }
        if (i >= 0) {
          render[i] = t1 - t0;
          read[i] = t2 - t1;
          compare[i] = t3 - t2;
          total[i] = t3 - t0;
        }
      }
      System.out.printf("%d Deployments + %d Services + namespace; median of %d runs (warm JVM):%n", n, n, runs);
      System.out.printf("  total %.0f ms (render %.0f ms, read over HTTP %.0f ms, compare %.1f ms)%n",
          median(total), median(render), median(read), median(compare));
      System.out.printf("  findings: %d (%s)%n", report.findings().size(),
          report.findings().isEmpty() ? "none" : report.findings().get(0).object() + ": "
              + report.findings().get(0).message());
    } finally {
      server.destroy();
    }
  }

  private static double median(long[] nanos) {
    long[] copy = nanos.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2] / 1e6;
  }

  private static void create(KubernetesClient client, ObjectNode object) {
    GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(object.toString(),
        GenericKubernetesResource.class);
    String kind = r.getKind();
    String apiVersion = r.getApiVersion();
    int slash = apiVersion.indexOf('/');
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
        .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash)).withVersion(apiVersion.substring(slash + 1))
        .withKind(kind).withPlural(kind.toLowerCase() + "s").withNamespaced(!kind.equals("Namespace")).build();
    if (kind.equals("Namespace")) {
      client.genericKubernetesResources(context).resource(r).create();
    } else {
      client.genericKubernetesResources(context).inNamespace(r.getMetadata().getNamespace()).resource(r).create();
    }
  }

  /** A base of n apps (Deployment and Service each) and a production overlay patching replicas and resources. */
  private static Map<String, String> overlay(int n) {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder base = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
        + "resources:\n");
    StringBuilder patches = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String app = "app" + i;
      base.append("  - ").append(app).append("/deployment.yaml\n  - ").append(app).append("/service.yaml\n");
      files.put("k8s/base/" + app + "/deployment.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: %1$s
            labels: {app.kubernetes.io/name: %1$s, app.kubernetes.io/part-of: bench, app.kubernetes.io/managed-by: parity}
          spec:
            selector:
              matchLabels: {app.kubernetes.io/name: %1$s}
            template:
              metadata:
                labels: {app.kubernetes.io/name: %1$s, app.kubernetes.io/part-of: bench}
              spec:
                containers:
                  - name: %1$s
                    image: ghcr.io/acme/bench@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    ports: [{name: http, containerPort: 8080}]
                    env: [{name: PORT, value: "8080"}, {name: LOG_LEVEL, value: info}]
                    readinessProbe: {httpGet: {path: /health, port: http}, periodSeconds: 10}
                    securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}
          """.formatted(app));
      files.put("k8s/base/" + app + "/service.yaml", """
          apiVersion: v1
          kind: Service
          metadata:
            name: %1$s
            labels: {app.kubernetes.io/name: %1$s, app.kubernetes.io/part-of: bench, app.kubernetes.io/managed-by: parity}
          spec:
            selector: {app.kubernetes.io/name: %1$s}
            ports: [{name: http, port: 8080, targetPort: http}]
          """.formatted(app));
      files.put("k8s/overlays/production/" + app + "/deployment-patch.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: %1$s}
          spec:
            replicas: 3
            template:
              spec:
                containers:
                  - name: %1$s
                    resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {memory: 512Mi}}
          """.formatted(app));
      patches.append("  - path: ").append(app).append("/deployment-patch.yaml\n");
    }
    files.put("k8s/base/kustomization.yaml", base.toString());
    files.put("k8s/overlays/production/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n"
        + "  name: bench-production\n  labels: {app.kubernetes.io/part-of: bench, app.kubernetes.io/managed-by: parity}\n");
    files.put("k8s/overlays/production/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
        + "kind: Kustomization\nnamespace: bench-production\nresources:\n  - ../../base\n  - namespace.yaml\n"
        + "patches:\n" + patches);
    return files;
  }
}
