package dev.parity.drift.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a real API server and its controllers add to the objects {@code kubectl apply} sends, written out
 * here from the Kubernetes API reference (v1.30) independently of the rules drift cluster ignores by:
 * server metadata, kubectl's last-applied annotation, status, and the defaults of Deployment, PodSpec,
 * Container, Probe, Service, Namespace and the External Secrets CRD.
 */
final class ServerAdded {

  private static int uid;

  private ServerAdded() {
  }

  static ObjectNode to(ObjectNode applied) {
    ObjectNode object = applied.deepCopy();
    ObjectNode metadata = (ObjectNode) object.with("metadata");
    metadata.put("uid", String.format("5f0c%04d-8b1e-4c5a-9d3e-1a2b3c4d5e6f", ++uid));
    metadata.put("creationTimestamp", "2026-12-01T08:00:00Z");
    metadata.put("generation", 3);
    ((ObjectNode) metadata.with("annotations")).put("kubectl.kubernetes.io/last-applied-configuration",
        applied.toString());
    ObjectNode managed = metadata.putArray("managedFields").addObject();
    managed.put("manager", "kubectl-client-side-apply").put("operation", "Update")
        .put("apiVersion", object.path("apiVersion").asText()).put("time", "2026-12-01T08:00:00Z")
        .put("fieldsType", "FieldsV1").putObject("fieldsV1").putObject("f:metadata");
    ObjectNode spec = (ObjectNode) object.get("spec");
    switch (object.path("kind").asText()) {
      case "Namespace" -> {
        ((ObjectNode) metadata.with("labels")).put("kubernetes.io/metadata.name", metadata.path("name").asText());
        object.putObject("spec").putArray("finalizers").add("kubernetes");
        object.putObject("status").put("phase", "Active");
      }
      case "Deployment" -> {
        ((ObjectNode) metadata.with("annotations")).put("deployment.kubernetes.io/revision", "4");
        if (!spec.has("replicas")) {
          spec.put("replicas", 1);
        }
        spec.put("progressDeadlineSeconds", 600).put("revisionHistoryLimit", 10);
        ObjectNode strategy = spec.putObject("strategy");
        strategy.put("type", "RollingUpdate");
        strategy.putObject("rollingUpdate").put("maxSurge", "25%").put("maxUnavailable", "25%");
        ObjectNode template = (ObjectNode) spec.get("template");
        ((ObjectNode) template.with("metadata")).putNull("creationTimestamp");
        ObjectNode pod = (ObjectNode) template.get("spec");
        pod.put("dnsPolicy", "ClusterFirst").put("restartPolicy", "Always").put("schedulerName", "default-scheduler")
            .put("terminationGracePeriodSeconds", 30);
        for (JsonNode c : pod.path("containers")) {
          ObjectNode container = (ObjectNode) c;
          container.put("terminationMessagePath", "/dev/termination-log").put("terminationMessagePolicy", "File")
              .put("imagePullPolicy", "IfNotPresent");
          for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            if (container.get(probe) instanceof ObjectNode p) {
              p.put("successThreshold", 1);
              if (p.get("httpGet") instanceof ObjectNode http) {
                http.put("scheme", "HTTP");
              }
            }
          }
        }
        ObjectNode status = object.putObject("status");
        status.put("observedGeneration", 3).put("replicas", spec.path("replicas").asInt())
            .put("readyReplicas", spec.path("replicas").asInt());
        status.putArray("conditions").addObject().put("type", "Available").put("status", "True");
      }
      case "Service" -> {
        spec.put("clusterIP", "10.96.41.7");
        spec.putArray("clusterIPs").add("10.96.41.7");
        spec.put("sessionAffinity", "None").put("ipFamilyPolicy", "SingleStack").put("internalTrafficPolicy",
            "Cluster");
        spec.putArray("ipFamilies").add("IPv4");
        object.putObject("status").putObject("loadBalancer");
      }
      case "HorizontalPodAutoscaler" -> object.putObject("status").put("currentReplicas", 2)
          .put("desiredReplicas", 2);
      case "ExternalSecret" -> {
        ((ObjectNode) spec.with("target")).put("deletionPolicy", "Retain");
        for (JsonNode entry : spec.path("data")) {
          ((ObjectNode) entry.with("remoteRef")).put("conversionStrategy", "Default")
              .put("decodingStrategy", "None").put("metadataPolicy", "None");
        }
        ArrayNode conditions = object.putObject("status").putArray("conditions");
        conditions.addObject().put("type", "Ready").put("status", "True").put("reason", "SecretSynced");
      }
      case "Ingress" -> object.putObject("status").putObject("loadBalancer").putArray("ingress").addObject()
          .put("hostname", "k8s-ingress-0a1b2c.elb.eu-west-1.amazonaws.com");
      case "PodDisruptionBudget" -> object.putObject("status").put("currentHealthy", 2).put("desiredHealthy", 1)
          .put("disruptionsAllowed", 1).put("expectedPods", 2);
      default -> {
      }
    }
    return object;
  }
}
