package dev.parity.drift.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/** Loads objects into fabric8's mock API server in CRUD mode, each as a real API server would store it. */
final class MockCluster {

  /** Held, so that the level set on it is not lost when the logger is collected. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    QUIET.setLevel(java.util.logging.Level.WARNING);
  }

  private MockCluster() {
  }

  /** Creates every object of {@code overlay}, with what the server adds ({@link ServerAdded}). */
  static void load(KubernetesClient client, List<ObjectNode> overlay) {
    for (ObjectNode applied : overlay) {
      create(client, ServerAdded.to(applied));
    }
  }

  static void create(KubernetesClient client, ObjectNode object) {
    GenericKubernetesResource resource = client.getKubernetesSerialization().unmarshal(object.toString(),
        GenericKubernetesResource.class);
    ResourceDefinitionContext kind = context(object);
    if (kind.isNamespaceScoped()) {
      client.genericKubernetesResources(kind).inNamespace(object.path("metadata").path("namespace").asText())
          .resource(resource).create();
    } else {
      client.genericKubernetesResources(kind).resource(resource).create();
    }
  }

  static ResourceDefinitionContext context(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    int slash = apiVersion.indexOf('/');
    String plural = switch (kind) {
      case "NetworkPolicy" -> "networkpolicies";
      case "Ingress" -> "ingresses";
      default -> kind.toLowerCase(java.util.Locale.ROOT) + "s";
    };
    return new ResourceDefinitionContext.Builder().withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
        .withVersion(apiVersion.substring(slash + 1)).withKind(kind).withPlural(plural)
        .withNamespaced(!kind.equals("Namespace")).build();
  }
}
