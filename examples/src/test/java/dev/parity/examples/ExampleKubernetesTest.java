package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.generate.KubernetesManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay of every example's committed tree builds with {@code kubectl kustomize}, each
 * object it renders is valid by the Kubernetes schemas, and a reviewer's rules hold. No release is
 * recorded yet, so no environment counts as released.
 */
class ExampleKubernetesTest {

  @TempDir
  Path temp;

  /** Example and overlay folder, for every example with Kubernetes environments. */
  static Stream<Object[]> overlays() throws IOException {
    List<Object[]> overlays = new java.util.ArrayList<>();
    for (Examples.Example example : Examples.all()) {
      Path root = example.deploy().resolve("k8s/overlays");
      if (Files.isDirectory(root)) {
        try (Stream<Path> list = Files.list(root)) {
          list.sorted().forEach(p -> {
            overlays.add(new Object[] {example, p.getFileName().toString()});
            if (Files.isDirectory(p.resolve("migrate"))) {
              overlays.add(new Object[] {example, p.getFileName() + "/migrate"});
            }
          });
        }
      }
    }
    return overlays.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overlays")
  void overlayBuildsValidatesAndFollowsTheRules(Examples.Example example, String env) {
    List<JsonNode> objects = KubernetesManifests.build(example.deploy().resolve("k8s/overlays/" + env));
    if (env.endsWith("/migrate")) {
      assertThat(objects).extracting(o -> o.path("kind").asText()).contains("Namespace", "Job", "NetworkPolicy",
          "ExternalSecret");
    } else {
      assertThat(objects).extracting(o -> o.path("kind").asText()).contains("Namespace", "Deployment", "Service",
          "ConfigMap", "NetworkPolicy", "ExternalSecret");
    }
    KubernetesManifests.assertSchemaValid(temp, objects);
    KubernetesManifests.assertReviewerRules(example + " " + env, objects, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.parity.examples.NoSecretValueTest#examples")
  void bothExamplesRunAnEnvironmentOnKubernetes(Examples.Example example) {
    assertThat(example.deploy().resolve("k8s/base/kustomization.yaml")).exists();
  }
}
