package dev.parity.drift.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of one namespace that carry Parity's labels ({@code app.kubernetes.io/managed-by=parity} and
 * {@code app.kubernetes.io/part-of=<stack>}), read over the Kubernetes API with fabric8's client, of the
 * kinds Parity renders: Namespace, ConfigMap, Service, PersistentVolumeClaim, Deployment, Job, HorizontalPodAutoscaler,
 * PodDisruptionBudget, NetworkPolicy, Ingress and ExternalSecret. Secrets are never listed, so no secret
 * value is read; an ExternalSecret holds only key names and the store. A kind whose API the cluster does
 * not serve (the External Secrets CRD not installed) reads as none of it.
 *
 * <pre>{@code
 * try (LiveCluster cluster = LiveCluster.connect("prod-eu-west-1")) {
 *   List<ObjectNode> live = cluster.objects("shop-production", "shop");
 * }
 * }</pre>
 */
public final class LiveCluster implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ResourceDefinitionContext> KINDS = List.of(
      kind("", "v1", "ConfigMap", "configmaps"),
      kind("", "v1", "Service", "services"),
      kind("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
      kind("apps", "v1", "Deployment", "deployments"),
      kind("batch", "v1", "Job", "jobs"),
      kind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"),
      kind("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"),
      kind("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies"),
      kind("networking.k8s.io", "v1", "Ingress", "ingresses"),
      kind("external-secrets.io", "v1", "ExternalSecret", "externalsecrets"));

  private final KubernetesClient client;
  private final String where;

  private LiveCluster(KubernetesClient client, String where) {
    this.client = client;
    this.where = where;
  }

  /**
   * A client for {@code context} of the kubeconfig ({@code KUBECONFIG}, else {@code ~/.kube/config}), or its
   * current context when null. Nothing is contacted before {@link #objects}.
   *
   * @throws ParityException exit code 2 when the kubeconfig has no such context
   */
  public static LiveCluster connect(String context) {
    Config config;
    try {
      config = Config.autoConfigure(context);
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "cannot configure a client for context '" + context + "': "
          + e.getMessage() + "; check KUBECONFIG and `kubectl config get-contexts`");
    }
    if (context != null && (config.getCurrentContext() == null
        || !context.equals(config.getCurrentContext().getName()))) {
      throw new ParityException(ErrorCode.UNREACHABLE, "context '" + context + "' is not in the kubeconfig"
          + " (KUBECONFIG or ~/.kube/config); list them with `kubectl config get-contexts`");
    }
    String where = config.getMasterUrl() + (context == null ? "" : " (context " + context + ")");
    return new LiveCluster(new KubernetesClientBuilder().withConfig(config).build(), where);
  }

  /** A reader over an existing client, for example a mock server's. */
  public static LiveCluster of(KubernetesClient client) {
    return new LiveCluster(client, client.getMasterUrl().toString());
  }

  /** The API server and context, as reports name them. */
  public String where() {
    return where;
  }

  /**
   * The namespace itself and every object of it with Parity's labels for {@code stack}, as JSON trees.
   *
   * @throws ParityException exit code 2, saying which: the API server cannot be reached, it refuses the
   *     credential (401) or forbids the read (403), or the namespace does not exist
   */
  public List<ObjectNode> objects(String namespace, String stack) {
    List<ObjectNode> objects = new ArrayList<>();
    try {
      Namespace ns = client.namespaces().withName(namespace).get();
      if (ns == null) {
        throw new ParityException(ErrorCode.NOT_COMPARED, "namespace '" + namespace + "' does not exist on "
            + where + "; deploy the environment first (kubectl apply -k) or check the spec's namespace");
      }
      objects.add(tree(ns));
      for (ResourceDefinitionContext kind : KINDS) {
        try {
          for (GenericKubernetesResource r : client.genericKubernetesResources(kind).inNamespace(namespace)
              .withLabel("app.kubernetes.io/managed-by", "parity").withLabel("app.kubernetes.io/part-of", stack)
              .list().getItems()) {
            objects.add(tree(r));
          }
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            throw e;
          }
        }
      }
    } catch (KubernetesClientException e) {
      throw failure(e, namespace);
    }
    return objects;
  }

  private ParityException failure(KubernetesClientException e, String namespace) {
    if (e.getCode() == 401) {
      return new ParityException(ErrorCode.UNREACHABLE, "the API server at " + where + " refused the credential"
          + " (HTTP 401 Unauthorized); renew it (for example `aws eks update-kubeconfig` or `kubectl login`)");
    }
    if (e.getCode() == 403) {
      return new ParityException(ErrorCode.UNREACHABLE, "the API server at " + where + " forbids reading namespace '"
          + namespace + "' (HTTP 403 Forbidden); grant the credential get and list on its objects");
    }
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return new ParityException(ErrorCode.UNREACHABLE, "cannot reach the Kubernetes API server at " + where + ": "
        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
  }

  private ObjectNode tree(Object resource) {
    try {
      return (ObjectNode) JSON.readTree(client.getKubernetesSerialization().asJson(resource));
    } catch (IOException e) {
      throw new IllegalStateException("the client's own JSON always parses", e);
    }
  }

  private static ResourceDefinitionContext kind(String group, String version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }

  @Override
  public void close() {
    client.close();
  }
}
