package dev.parity.generate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.KubernetesManifests;
import dev.parity.generate.RealTool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every overlay of the fixtures builds with {@code kubectl kustomize}, every object it renders is
 * valid by the Kubernetes schemas, and the reviewer's rules hold.
 */
class KustomizeRealToolTest {

  @TempDir
  Path dir;

  private List<JsonNode> build(Stack stack, String env) {
    KubernetesManifests.write(dir, new KubernetesGenerator().generate(Fixtures.context(stack)));
    return KubernetesManifests.build(dir.resolve("k8s/overlays/" + env));
  }

  @Test
  void everyPlatformOverlayBuildsValidatesAndFollowsTheRules() {
    Stack stack = Fixtures.platform().build();
    for (String env : List.of("staging", "production")) {
      List<JsonNode> objects = build(stack, env);
      assertThat(objects).extracting(o -> o.path("kind").asText()).contains("Namespace", "Deployment", "Service",
          "ConfigMap", "NetworkPolicy", "PodDisruptionBudget", "Ingress", "ExternalSecret");
      KubernetesManifests.assertSchemaValid(dir, objects);
      KubernetesManifests.assertReviewerRules(env, objects, false);
    }
  }

  @Test
  void theConfigMapCarriesTheJdbcUrlOfTheDatabasesEndpoint() {
    for (String env : List.of("staging", "production")) {
      JsonNode config = build(Fixtures.platform().build(), env).stream()
          .filter(o -> o.path("kind").asText().equals("ConfigMap") && o.at("/data").has("SPRING_DATASOURCE_URL"))
          .findFirst().orElseThrow();
      assertThat(config.at("/data/SPRING_DATASOURCE_URL").asText()).isEqualTo("jdbc:postgresql://db." + env + ".internal:5432/db");
    }
  }

  @Test
  void theOverlaySetsNamespaceInstanceLabelReplicasAndResources() {
    List<JsonNode> objects = build(Fixtures.platform().build(), "staging");
    JsonNode api = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")
        && o.at("/metadata/name").asText().equals("api")).findFirst().orElseThrow();
    assertThat(api.at("/metadata/namespace").asText()).isEqualTo("platform-staging");
    assertThat(api.at("/metadata/labels/app.kubernetes.io~1instance").asText()).isEqualTo("platform-staging");
    assertThat(api.at("/spec/template/metadata/labels/app.kubernetes.io~1instance").asText()).isEqualTo("platform-staging");
    assertThat(api.at("/spec/selector/matchLabels").has("app.kubernetes.io/instance")).isFalse();
    assertThat(api.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(api.at("/spec/template/spec/containers/0/resources/limits/memory").asText()).isEqualTo("256Mi");
    assertThat(api.at("/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/name").asText()).isEqualTo("db-password");
  }

  /**
   * Issue 19: Kubernetes environments were never migrated. Each has a migrate kustomization whose
   * Job runs the migrations image under the apps' pod security, with the password from the
   * ExternalSecret's Secret and egress only to DNS and the database's port.
   */
  @Test
  void everyMigrateOverlayBuildsValidatesAndRunsTheJobRestricted() {
    Stack stack = Fixtures.shop(Fixtures.cluster("staging", 2), Fixtures.cluster("production", 1)).build();
    for (String env : List.of("staging", "production")) {
      List<JsonNode> objects = build(stack, env + "/migrate");
      assertThat(objects).extracting(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText())
          .containsExactlyInAnyOrder("Namespace/shop-" + env, "Job/db-migrate", "NetworkPolicy/db-migrate",
              "ExternalSecret/db-password");
      KubernetesManifests.assertSchemaValid(dir, objects);
      KubernetesManifests.assertReviewerRules(env + "/migrate", objects, false);
      JsonNode job = objects.stream().filter(o -> o.path("kind").asText().equals("Job")).findFirst().orElseThrow();
      assertThat(job.at("/metadata/namespace").asText()).isEqualTo("shop-" + env);
      assertThat(job.at("/metadata/labels/app.kubernetes.io~1component").asText()).isEqualTo("migration");
      assertThat(job.at("/metadata/labels/app.kubernetes.io~1instance").asText()).isEqualTo("shop-" + env);
      assertThat(job.at("/spec/backoffLimit").asInt()).isEqualTo(1);
      assertThat(job.at("/spec/activeDeadlineSeconds").asInt()).isEqualTo(600);
      JsonNode pod = job.at("/spec/template/spec");
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/securityContext/runAsUser").asLong()).isEqualTo(10001);
      assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
      JsonNode container = pod.at("/containers/0");
      assertThat(container.at("/image").asText()).isEqualTo("ghcr.io/acme/shop-db-migrations:unreleased");
      assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
      assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
      assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
      assertThat(container.toString()).contains("\"secretKeyRef\":{\"key\":\"DB_PASSWORD\",\"name\":\"db-password\"}");
      JsonNode policy = objects.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).findFirst()
          .orElseThrow();
      assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("db-migrate");
      assertThat(policy.at("/spec/ingress")).isEmpty();
      assertThat(policy.at("/spec/egress").toString()).contains("\"port\":53", "\"port\":5432")
          .doesNotContain("6379");
    }
  }

  @Test
  void aSchemaViolationFailsTheValidator() {
    RealTool.require("k8s-validate", ".ci/k8s-schemas.sh");
    List<JsonNode> objects = build(Fixtures.platform().build(), "staging");
    ((com.fasterxml.jackson.databind.node.ObjectNode) objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
        .findFirst().orElseThrow().get("spec")).put("replicas", "two");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KubernetesManifests.assertSchemaValid(dir, objects))
        .hasMessageContaining("spec/replicas must be integer");
  }

  @Test
  void urlOfAnAppOnAnEnvironmentOnKubernetesAloneIsItsServiceInTheSameNamespace() {
    Stack stack = Stack.named("shop")
        .service(dev.parity.core.App.node("web", "node:20.11.0-alpine3.19").source("web").dependsOn("api").uses("API_URL"))
        .service(dev.parity.core.App.node("api", "node:20.11.0-alpine3.19").source("api").port(8080))
        .config(dev.parity.core.ConfigKey.url("API_URL").value(dev.parity.core.ConfigValue.urlOf("api")))
        .environment(dev.parity.core.Environment.local())
        .environment(dev.parity.core.Environment.remote("staging").instances(2)
            .kubernetes(dev.parity.core.Kubernetes.namespace("shop-staging")
                .resources(dev.parity.core.Resources.requests("100m", "128Mi").limits("500m", "256Mi"))))
        .build();

    List<JsonNode> objects = build(stack, "staging");

    JsonNode config = objects.stream().filter(o -> o.path("kind").asText().equals("ConfigMap")
        && o.at("/data").has("API_URL")).findFirst().orElseThrow();
    assertThat(config.at("/data/API_URL").asText()).isEqualTo("http://api:8080");
    JsonNode service = objects.stream().filter(o -> o.path("kind").asText().equals("Service")
        && o.at("/metadata/name").asText().equals("api")).findFirst().orElseThrow();
    assertThat(service.at("/metadata/namespace").asText()).isEqualTo(config.at("/metadata/namespace").asText());
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
  }
}
