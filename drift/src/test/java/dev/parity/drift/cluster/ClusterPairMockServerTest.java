package dev.parity.drift.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.drift.ReportFormat;
import dev.parity.drift.environments.ClusterPair;
import dev.parity.drift.environments.EnvironmentPair;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staging's namespace against production's, each on a fabric8 mock API server of its own in CRUD mode, loaded
 * with the example's overlays as {@code kubectl kustomize} prints them plus what a real API server adds.
 */
class ClusterPairMockServerTest {

  private KubernetesMockServer stagingServer;
  private KubernetesMockServer productionServer;
  private KubernetesClient staging;
  private KubernetesClient production;

  @BeforeEach
  void start() {
    stagingServer = crud();
    productionServer = crud();
    staging = stagingServer.createClient();
    production = productionServer.createClient();
  }

  /** A mock API server in CRUD mode, as {@code @EnableKubernetesMockClient(crud = true)} makes one. */
  static KubernetesMockServer crud() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), true);
    server.init();
    return server;
  }

  @AfterEach
  void stop() {
    staging.close();
    production.close();
    stagingServer.destroy();
    productionServer.destroy();
  }

  /** What the example declares per environment, as the report lists it apart. */
  private static final String ALLOWED = """
      Allowed, as the spec declares (10 differences):
      ConfigMap web-config
        data.DB_HOST: shop-staging.cluster-c9akciq32.eu-west-1.rds.amazonaws.com in staging, \
      shop-production.cluster-c9akciq32.eu-west-1.rds.amazonaws.com in production (declared: the environment's value of DB_HOST)
        data.REDIS_URL: redis://shop-staging.x1y2z3.0001.euw1.cache.amazonaws.com:6379 in staging, \
      redis://shop-production.x1y2z3.0001.euw1.cache.amazonaws.com:6379 in production \
      (declared: the environment's value of REDIS_URL)
      ExternalSecret db-password
        spec.data[DB_PASSWORD].remoteRef.key: /shop/staging/db-password in staging, /shop/production/db-password \
      in production (declared: secret reference)
      Deployment web
        spec.template.spec.containers[web].resources.requests.cpu: 250m in staging, 500m in production (declared: resources)
        spec.template.spec.containers[web].resources.requests.memory: 256Mi in staging, 512Mi in production \
      (declared: resources)
        spec.template.spec.containers[web].resources.limits.cpu: 1 in staging, 2 in production (declared: resources)
        spec.template.spec.containers[web].resources.limits.memory: 512Mi in staging, 1Gi in production \
      (declared: resources)
        spec.replicas: 2 in staging, none in production (declared: instances and autoscaling)
      Ingress web
        spec.rules[0].host: staging.shop.example.com in staging, shop.example.com in production (declared: host name)
      HorizontalPodAutoscaler web
        only in production (declared: instances and autoscaling)
      """;

  @Test
  void untouchedNamespacesDifferOnlyWhereTheSpecDeclares() {
    load();
    assertEquals("Environments drift: staging (from) vs production (to)\nNo drift.\n" + ALLOWED, report());
  }

  @Test
  void anAutoscalerTakingProductionToSevenReplicasIsNotADifference() {
    load();
    production.apps().deployments().inNamespace("shop-production").withName("web").scale(7);
    assertEquals("Environments drift: staging (from) vs production (to)\nNo drift.\n" + ALLOWED, report());
  }

  @Test
  void anEnvValueEditedInProductionIsDriftNamingWhatEachRuns() {
    load();
    production.configMaps().inNamespace("shop-production").withName("web-config")
        .edit(c -> {
          c.getData().put("PORT", "8080");
          return c;
        });
    assertEquals("""
        Environments drift: staging (from) vs production (to)
        1 difference in 1 object:
        ConfigMap web-config
          data.PORT: the spec renders 3000, production runs 8080; staging runs 3000
        """ + ALLOWED, report());
  }

  @Test
  void scalingStagingAndAnImageSetByHandAreDrift() {
    load();
    staging.apps().deployments().inNamespace("shop-staging").withName("web").scale(3);
    production.apps().deployments().inNamespace("shop-production").withName("web").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/acme/shop-web:hotfix");
      return d;
    });
    assertEquals("""
        Environments drift: staging (from) vs production (to)
        2 differences in 1 object:
        Deployment web
          spec.replicas: the spec renders 2, staging runs 3; production renders none there
          spec.template.spec.containers[web].image: the spec renders ghcr.io/acme/shop-web:unreleased, \
        production runs ghcr.io/acme/shop-web:hotfix; staging runs ghcr.io/acme/shop-web:unreleased
        """ + ALLOWED.replace("""
              spec.replicas: 2 in staging, none in production (declared: instances and autoscaling)
            """, "").replace("(10 differences)", "(9 differences)"), report());
  }

  @Test
  void aDeclaredFieldChangedByHandIsDriftNoLongerAllowedAndASidecarIsDrift() {
    load();
    production.apps().deployments().inNamespace("shop-production").withName("web").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
          .put("cpu", new io.fabric8.kubernetes.api.model.Quantity("3"));
      d.getSpec().getTemplate().getSpec().getContainers().add(new io.fabric8.kubernetes.api.model.ContainerBuilder()
          .withName("debug").withImage("busybox:1.36.1").build());
      return d;
    });
    assertEquals("""
        Environments drift: staging (from) vs production (to)
        2 differences in 1 object:
        Deployment web
          spec.template.spec.containers[web].resources.limits.cpu: the spec renders 2, production runs 3; staging runs 1
          production: spec.template.spec.containers[debug] is not rendered by the spec
        """ + ALLOWED.replace("""
              spec.template.spec.containers[web].resources.limits.cpu: 1 in staging, 2 in production (declared: resources)
            """, "").replace("(10 differences)", "(9 differences)"), report());
  }

  private void load() {
    MockCluster.load(staging, ExampleOverlays.kubectlKustomize("node-postgres-redis", "staging"));
    MockCluster.load(production, ExampleOverlays.kubectlKustomize("node-postgres-redis", "production"));
  }

  private String report() {
    return ReportFormat.TEXT.render(EnvironmentPair.report("staging", "production",
        List.of(ClusterPair.compare(side("staging", staging), side("production", production)))));
  }

  private static ClusterPair.Side side(String env, KubernetesClient client) {
    List<ObjectNode> expected = Kustomize.render(ExampleOverlays.files("node-postgres-redis"), "k8s/overlays/" + env);
    return new ClusterPair.Side(env, expected, LiveCluster.of(client).objects("shop-" + env, "shop"));
  }
}
