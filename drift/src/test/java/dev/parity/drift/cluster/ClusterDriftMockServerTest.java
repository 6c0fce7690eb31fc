package dev.parity.drift.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.drift.DriftReport;
import dev.parity.drift.ReportFormat;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code drift cluster} against fabric8's mock API server in CRUD mode, loaded with each example's overlay
 * as {@code kubectl kustomize} prints it plus what a real API server adds, then changed as a person would.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterDriftMockServerTest {

  KubernetesClient client;

  static List<Object[]> overlays() {
    return ExampleOverlays.ALL.stream().map(a -> new Object[] {a[0], a[1]}).toList();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlays")
  void anUntouchedClusterOnTheMockServerHasNoDrift(String example, String env) {
    MockCluster.load(client, ExampleOverlays.kubectlKustomize(example, env));
    DriftReport report = drift(example, env);
    assertEquals("Cluster drift: spec (" + env + ") (from) vs cluster (to)\nNo drift.\n",
        ReportFormat.TEXT.render(report));
  }

  @Test
  void setImageOnTheMockServerIsDrift() {
    load("node-postgres-redis", "staging");
    client.apps().deployments().inNamespace("shop-staging").withName("web")
        .edit(d -> {
          d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/acme/shop-web:hotfix");
          return d;
        });
    assertReport("node-postgres-redis", "staging", """
        1 difference in 1 object:
        Deployment web
          spec.template.spec.containers[web].image: ghcr.io/acme/shop-web:unreleased vs ghcr.io/acme/shop-web:hotfix
        """);
  }

  @Test
  void scaleOnTheMockServerIsDrift() {
    load("node-postgres-redis", "staging");
    client.apps().deployments().inNamespace("shop-staging").withName("web").scale(5);
    assertReport("node-postgres-redis", "staging", """
        1 difference in 1 object:
        Deployment web
          spec.replicas: 2 vs 5
        """);
  }

  @Test
  void anEnvValueEditedOnTheMockServerIsDrift() {
    load("node-postgres-redis", "staging");
    client.configMaps().inNamespace("shop-staging").withName("web-config")
        .edit(c -> new ConfigMapBuilder(c).addToData("LOG_LEVEL", "debug").addToData("FEATURE_X", "on").build());
    assertReport("node-postgres-redis", "staging", """
        2 differences in 1 object:
        ConfigMap web-config
          data.LOG_LEVEL: info vs debug
          data.FEATURE_X is on, which the spec does not render
        """);
  }

  @Test
  void aContainerEnvEditedOnTheMockServerIsDrift() {
    load("java-service", "staging");
    client.apps().deployments().inNamespace("orders-staging").withName("api").edit(d -> {
      var env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
      env.get(0).getValueFrom().getSecretKeyRef().setName("orders-db-password-old");
      env.add(new io.fabric8.kubernetes.api.model.EnvVar("JAVA_TOOL_OPTIONS", "-Xmx2g", null));
      return d;
    });
    assertReport("java-service", "staging", """
        2 differences in 1 object:
        Deployment api
          spec.template.spec.containers[api].env[ORDERS_DB_PASSWORD].valueFrom.secretKeyRef.name: orders-db-password vs orders-db-password-old
          spec.template.spec.containers[api].env[JAVA_TOOL_OPTIONS] is not rendered by the spec
        """);
  }

  @Test
  void aNetworkPolicyRemovedOnTheMockServerIsDrift() {
    load("node-postgres-redis", "production");
    client.network().networkPolicies().inNamespace("shop-production").withName("web").delete();
    assertReport("node-postgres-redis", "production", """
        1 difference in 1 object:
        NetworkPolicy web
          rendered by the spec, but not in the cluster
        """);
  }

  @Test
  void aSidecarAddedOnTheMockServerIsDrift() {
    load("node-postgres-redis", "production");
    client.apps().deployments().inNamespace("shop-production").withName("web").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().add(new ContainerBuilder().withName("proxy")
          .withImage("envoyproxy/envoy:v1.31.0").build());
      return d;
    });
    assertReport("node-postgres-redis", "production", """
        1 difference in 1 object:
        Deployment web
          spec.template.spec.containers[proxy] is not rendered by the spec
        """);
  }

  @Test
  void aProbeChangedOnTheMockServerIsDrift() {
    load("node-postgres-redis", "production");
    client.apps().deployments().inNamespace("shop-production").withName("web").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe().setPeriodSeconds(5);
      d.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe().setInitialDelaySeconds(30);
      return d;
    });
    assertReport("node-postgres-redis", "production", """
        2 differences in 1 object:
        Deployment web
          spec.template.spec.containers[web].livenessProbe.periodSeconds: 20 vs 5
          spec.template.spec.containers[web].livenessProbe.initialDelaySeconds is 30, which the spec does not render
        """);
  }

  @Test
  void anHpaAtSevenReplicasOnTheMockServerIsNotDrift() {
    load("node-postgres-redis", "production");
    client.apps().deployments().inNamespace("shop-production").withName("web").scale(7);
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop-production").withName("web")
        .editStatus(h -> {
          h.getStatus().setCurrentReplicas(7);
          h.getStatus().setDesiredReplicas(7);
          return h;
        });
    assertEquals("Cluster drift: spec (production) (from) vs cluster (to)\nNo drift.\n",
        ReportFormat.TEXT.render(drift("node-postgres-redis", "production")));
  }

  @Test
  void resourceQuantitiesWrittenAnotherWayAreTheSameAmountNotDrift() {
    load("node-postgres-redis", "production");
    client.apps().deployments().inNamespace("shop-production").withName("web").edit(d -> {
      var resources = d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
      resources.getLimits().put("cpu", new io.fabric8.kubernetes.api.model.Quantity("2000m"));
      resources.getLimits().put("memory", new io.fabric8.kubernetes.api.model.Quantity("1024Mi"));
      resources.getRequests().put("cpu", new io.fabric8.kubernetes.api.model.Quantity("0.5"));
      return d;
    });
    assertEquals("Cluster drift: spec (production) (from) vs cluster (to)\nNo drift.\n",
        ReportFormat.TEXT.render(drift("node-postgres-redis", "production")));
  }

  @Test
  void aResourceQuantityOfAnotherAmountIsDrift() {
    load("node-postgres-redis", "production");
    client.apps().deployments().inNamespace("shop-production").withName("web").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
          .put("cpu", new io.fabric8.kubernetes.api.model.Quantity("1500m"));
      return d;
    });
    assertReport("node-postgres-redis", "production", """
        1 difference in 1 object:
        Deployment web
          spec.template.spec.containers[web].resources.limits.cpu: 2 vs 1500m
        """);
  }

  @Test
  void anObjectWithParityLabelsTheSpecDoesNotRenderOnTheMockServerIsDrift() {
    load("node-postgres-redis", "production");
    client.configMaps().inNamespace("shop-production").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("debug-config").withLabels(Map.of("app.kubernetes.io/managed-by", "parity",
            "app.kubernetes.io/part-of", "shop")).endMetadata().addToData("X", "1").build()).create();
    client.configMaps().inNamespace("shop-production").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("someone-elses").endMetadata().build()).create();
    assertReport("node-postgres-redis", "production", """
        1 difference in 1 object:
        ConfigMap debug-config
          carries Parity's labels, but the spec renders no such object
        """);
  }

  private void load(String example, String env) {
    MockCluster.load(client, ExampleOverlays.kubectlKustomize(example, env));
  }

  private void assertReport(String example, String env, String findings) {
    DriftReport report = drift(example, env);
    assertEquals("Cluster drift: spec (" + env + ") (from) vs cluster (to)\n" + findings, ReportFormat.TEXT.render(report));
  }

  private DriftReport drift(String example, String env) {
    List<ObjectNode> expected = Kustomize.render(ExampleOverlays.files(example), "k8s/overlays/" + env);
    String namespace = expected.stream().filter(o -> o.path("kind").asText().equals("Namespace")).findFirst()
        .orElseThrow().path("metadata").path("name").asText();
    String stack = expected.get(0).path("metadata").path("labels").path("app.kubernetes.io/part-of").asText();
    return ClusterDrift.compare(expected, LiveCluster.of(client).objects(namespace, stack), "spec (" + env + ")",
        "cluster");
  }
}
