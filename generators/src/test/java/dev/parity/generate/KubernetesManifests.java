package dev.parity.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * Kubernetes manifests as the real tools see them: an overlay built by {@code kubectl kustomize},
 * its objects validated by {@code k8s-validate} (the Kubernetes OpenAPI schemas of the pinned npm
 * package kubernetes-models, installed by {@code .ci/k8s-schemas.sh}), and the rules a reviewer
 * checks on every object.
 */
public final class KubernetesManifests {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
      "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by");
  /** A digest-pinned image, {@code repository@sha256:<64 hex>}. */
  private static final Pattern PINNED = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");

  private KubernetesManifests() {
  }

  /** The objects {@code kubectl kustomize overlay} renders, in its order. */
  public static List<JsonNode> build(Path overlay) {
    RealTool.require("kubectl");
    String output = RealTool.assertAccepts(overlay, "kubectl", "kustomize", ".");
    try {
      List<JsonNode> objects = new ArrayList<>();
      YAML.readerFor(JsonNode.class).readValues(output).forEachRemaining(o -> objects.add((JsonNode) o));
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails, with the validator's messages, unless every object is valid by its schema. */
  public static void assertSchemaValid(Path workDir, List<JsonNode> objects) {
    RealTool.require("k8s-validate", ".ci/k8s-schemas.sh");
    try {
      ArrayNode array = JSON.createArrayNode();
      objects.forEach(array::add);
      Path file = Files.createTempFile(workDir, "objects", ".json");
      JSON.writeValue(file.toFile(), array);
      RealTool.assertAccepts(workDir, "k8s-validate", file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reviewer's rules, on every object: the recommended labels; for every Deployment, probes,
   * requests and limits, a non-root restricted security context, and an image pinned by digest
   * ({@code released}) or else the never-pushed {@code :unreleased} tag, never {@code latest} or
   * another tag; a PodDisruptionBudget for every app that runs more than one replica; no Secret
   * object (secrets come from ExternalSecrets).
   */
  public static void assertReviewerRules(String overlay, List<JsonNode> objects, boolean released) {
    SoftAssertions softly = new SoftAssertions();
    for (JsonNode object : objects) {
      String id = overlay + ": " + object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
      JsonNode labels = object.path("metadata").path("labels");
      for (String label : LABELS) {
        softly.assertThat(labels.path(label).asText()).as("%s label %s", id, label).isNotEmpty();
      }
      softly.assertThat(object.path("kind").asText()).as(id).isNotEqualTo("Secret");
      if (object.path("kind").asText().equals("Deployment")) {
        deployment(softly, id, object, released);
        int minimum = replicas(objects, object);
        softly.assertThat(minimum > 1 ? hasBudget(objects, object) : true).as("%s runs %d replicas but has no PodDisruptionBudget", id, minimum).isTrue();
      }
    }
    softly.assertAll();
  }

  private static void deployment(SoftAssertions softly, String id, JsonNode deployment, boolean released) {
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    softly.assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as("%s runAsNonRoot", id).isTrue();
    softly.assertThat(pod.path("securityContext").path("runAsUser").asLong()).as("%s runAsUser", id).isPositive();
    softly.assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).as("%s seccomp", id)
        .isEqualTo("RuntimeDefault");
    for (JsonNode container : pod.path("containers")) {
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        softly.assertThat(container.has(probe)).as("%s %s", id, probe).isTrue();
      }
      for (String kind : List.of("requests", "limits")) {
        for (String resource : List.of("cpu", "memory")) {
          softly.assertThat(container.path("resources").path(kind).path(resource).asText()).as("%s %s.%s", id, kind, resource)
              .isNotEmpty();
        }
      }
      JsonNode security = container.path("securityContext");
      softly.assertThat(security.path("allowPrivilegeEscalation").isBoolean() && !security.path("allowPrivilegeEscalation").asBoolean())
          .as("%s allowPrivilegeEscalation: false", id).isTrue();
      softly.assertThat(security.path("capabilities").path("drop").toString()).as("%s drops ALL", id).isEqualTo("[\"ALL\"]");
      String image = container.path("image").asText();
      if (released) {
        softly.assertThat(image).as("%s image", id).matches(PINNED);
      } else {
        softly.assertThat(PINNED.matcher(image).matches() || image.endsWith(":unreleased")).as("%s image %s", id, image).isTrue();
      }
      softly.assertThat(image).as("%s image", id).doesNotEndWith(":latest");
    }
  }

  /** The fewest replicas the Deployment runs: its autoscaler's minimum, else its replicas (1 when unset). */
  private static int replicas(List<JsonNode> objects, JsonNode deployment) {
    String name = deployment.path("metadata").path("name").asText();
    return objects.stream().filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler")
            && o.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
        .map(o -> o.path("spec").path("minReplicas").asInt(1)).findFirst()
        .orElse(deployment.path("spec").path("replicas").asInt(1));
  }

  private static boolean hasBudget(List<JsonNode> objects, JsonNode deployment) {
    Map<String, Object> selector = JSON.convertValue(deployment.path("spec").path("selector").path("matchLabels"), Map.class);
    return objects.stream().anyMatch(o -> o.path("kind").asText().equals("PodDisruptionBudget")
        && JSON.convertValue(o.path("spec").path("selector").path("matchLabels"), Map.class).equals(selector));
  }

  /** Writes {@code files} (paths relative to a deploy tree) under {@code root}. */
  public static void write(Path root, List<GeneratedFile> files) {
    try {
      for (GeneratedFile file : files) {
        Path target = root.resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
