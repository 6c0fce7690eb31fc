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

  @Test
  void aSchemaViolationFailsTheValidator() {
    RealTool.require("k8s-validate", ".ci/k8s-schemas.sh");
    List<JsonNode> objects = build(Fixtures.platform().build(), "staging");
    ((com.fasterxml.jackson.databind.node.ObjectNode) objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
        .findFirst().orElseThrow().get("spec")).put("replicas", "two");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KubernetesManifests.assertSchemaValid(dir, objects))
        .hasMessageContaining("spec/replicas must be integer");
  }
}
