package dev.parity.drift.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-memory rendering of an overlay against {@code kubectl kustomize}, the oracle, for every example. */
class KustomizeTest {

  static List<Object[]> overlays() {
    return ExampleOverlays.ALL.stream().map(a -> new Object[] {a[0], a[1]}).toList();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlays")
  void rendersEachExampleOverlayAsKubectlKustomizeDoes(String example, String env) {
    List<ObjectNode> kubectl = sorted(ExampleOverlays.kubectlKustomize(example, env));
    List<ObjectNode> ours = sorted(Kustomize.render(ExampleOverlays.files(example), "k8s/overlays/" + env));
    assertEquals(kubectl.toString(), ours.toString());
  }

  @Test
  void aKustomizationFieldItDoesNotRenderIsRefusedByName() {
    Map<String, String> files = Map.of("k8s/overlays/x/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nreplicas:\n  - name: web\n    count: 2\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Kustomize.render(files, "k8s/overlays/x"));
    assertEquals("k8s/overlays/x/kustomization.yaml: field 'replicas' is not rendered by drift cluster; it renders"
        + " apiVersion, kind, namespace, resources, labels, patches, images", e.getMessage());
  }

  @Test
  void anImageEntryPinsTheDigestOfItsRepositoryOnly() {
    var entry = ExampleOverlays.YAML.createObjectNode().put("name", "ghcr.io/acme/web").put("digest", "sha256:ab");
    assertEquals("ghcr.io/acme/web@sha256:ab", Kustomize.rewrite("ghcr.io/acme/web:unreleased", entry));
    assertEquals("ghcr.io/acme/webx:1", Kustomize.rewrite("ghcr.io/acme/webx:1", entry));
  }

  private static List<ObjectNode> sorted(List<ObjectNode> objects) {
    return objects.stream().map(ObjectNode::deepCopy).map(KustomizeTest::canonical)
        .sorted(Comparator.comparing(ObjectNode::toString)).toList();
  }

  /** Keys sorted at every level, as kubectl prints them. */
  private static ObjectNode canonical(ObjectNode node) {
    try {
      var mapper = ExampleOverlays.YAML.copy().configure(
          com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
      Object plain = mapper.treeToValue(node, Object.class);
      return mapper.valueToTree(plain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
