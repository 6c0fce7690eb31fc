package dev.parity.drift.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a live object that the API server or a controller owns, which the spec never renders and
 * whose presence is not drift: server metadata ({@code uid}, {@code resourceVersion}, {@code managedFields},
 * ...), {@code status}, the annotations kubectl and the Deployment controller add, and the defaults the API
 * server fills in, each with its default value from the Kubernetes API reference (v1.30: Pod, Container,
 * Probe, Deployment, Job, Service, NetworkPolicy) and the External Secrets CRD. A defaulted field with
 * another value than its default is drift: someone set it.
 *
 * <p>Rules match the field's path with list elements written {@code []}; a rule starting with {@code **}
 * matches any path ending so.
 */
final class ServerFields {

  /** Any value: owned by the server or a controller. */
  private static final Set<String> OWNED = Set.of(
      "status",
      "metadata.uid", "metadata.resourceVersion", "metadata.generation", "metadata.creationTimestamp",
      "metadata.managedFields", "metadata.selfLink", "metadata.deletionTimestamp",
      "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration",
      "metadata.annotations.deployment.kubernetes.io/revision",
      "metadata.labels.kubernetes.io/metadata.name",
      "spec.finalizers",
      "spec.template.metadata.annotations.kubectl.kubernetes.io/restartedAt",
      "spec.template.metadata.creationTimestamp",
      // Service: allocated by the API server
      "spec.clusterIP", "spec.clusterIPs", "spec.ipFamilies",
      // Job: the controller's selector and the labels it adds to the pod template
      "spec.selector.matchLabels.batch.kubernetes.io/controller-uid",
      "spec.template.metadata.labels.batch.kubernetes.io/controller-uid",
      "spec.template.metadata.labels.batch.kubernetes.io/job-name",
      "spec.template.metadata.labels.controller-uid", "spec.template.metadata.labels.job-name",
      // NetworkPolicy: derived from the presence of ingress and egress rules
      "spec.policyTypes");

  /** Kind-specific fields owned elsewhere. */
  private static final Map<String, Set<String>> OWNED_BY_KIND = Map.of(
      "Job", Set.of("spec.selector"),
      "HorizontalPodAutoscaler", Set.of("spec.behavior"),
      // PersistentVolumeClaim: bound by the volume controller, the class filled in by the default StorageClass
      "PersistentVolumeClaim", Set.of("spec.volumeName", "spec.storageClassName", "metadata.finalizers",
          "metadata.annotations.pv.kubernetes.io/bind-completed",
          "metadata.annotations.pv.kubernetes.io/bound-by-controller",
          "metadata.annotations.volume.beta.kubernetes.io/storage-provisioner",
          "metadata.annotations.volume.kubernetes.io/storage-provisioner",
          "metadata.annotations.volume.kubernetes.io/selected-node"));

  /** Defaults the API server fills in, with the values it fills in. */
  private static final Map<String, List<String>> DEFAULTS = Map.ofEntries(
      Map.entry("spec.progressDeadlineSeconds", List.of("600")),
      Map.entry("spec.revisionHistoryLimit", List.of("10")),
      Map.entry("spec.strategy.type", List.of("RollingUpdate")),
      Map.entry("spec.strategy.rollingUpdate.maxSurge", List.of("25%")),
      Map.entry("spec.strategy.rollingUpdate.maxUnavailable", List.of("25%")),
      Map.entry("**spec.dnsPolicy", List.of("ClusterFirst")),
      Map.entry("**spec.restartPolicy", List.of("Always", "Never", "OnFailure")),
      Map.entry("**spec.schedulerName", List.of("default-scheduler")),
      Map.entry("**spec.terminationGracePeriodSeconds", List.of("30")),
      Map.entry("**containers[].terminationMessagePath", List.of("/dev/termination-log")),
      Map.entry("**containers[].terminationMessagePolicy", List.of("File")),
      Map.entry("**containers[].imagePullPolicy", List.of("IfNotPresent", "Always")),
      Map.entry("**Probe.successThreshold", List.of("1")),
      Map.entry("**Probe.timeoutSeconds", List.of("1")),
      Map.entry("**Probe.periodSeconds", List.of("10")),
      Map.entry("**Probe.failureThreshold", List.of("3")),
      Map.entry("**Probe.initialDelaySeconds", List.of("0")),
      Map.entry("**httpGet.scheme", List.of("HTTP")),
      Map.entry("**.protocol", List.of("TCP")),
      Map.entry("**fieldRef.apiVersion", List.of("v1")),
      Map.entry("**configMap.defaultMode", List.of("420")),
      Map.entry("**secret.defaultMode", List.of("420")),
      Map.entry("spec.sessionAffinity", List.of("None")),
      Map.entry("spec.volumeMode", List.of("Filesystem")),
      Map.entry("spec.ipFamilyPolicy", List.of("SingleStack")),
      Map.entry("spec.internalTrafficPolicy", List.of("Cluster")),
      Map.entry("spec.type", List.of("ClusterIP")),
      Map.entry("spec.ports[].targetPort", List.of()),
      Map.entry("spec.backoffLimit", List.of("6")),
      Map.entry("spec.completions", List.of("1")),
      Map.entry("spec.parallelism", List.of("1")),
      Map.entry("spec.completionMode", List.of("NonIndexed")),
      Map.entry("spec.suspend", List.of("false")),
      Map.entry("spec.manualSelector", List.of("false")),
      Map.entry("spec.podReplacementPolicy", List.of("TerminatingOrFailed")),
      Map.entry("spec.minReplicas", List.of("1")),
      Map.entry("spec.target.deletionPolicy", List.of("Retain")),
      Map.entry("spec.refreshPolicy", List.of("Periodic")),
      Map.entry("spec.data[].remoteRef.conversionStrategy", List.of("Default")),
      Map.entry("spec.data[].remoteRef.decodingStrategy", List.of("None")),
      Map.entry("spec.data[].remoteRef.metadataPolicy", List.of("None")));

  private ServerFields() {
  }

  /**
   * Whether a field present only on the live object is the server's, not a hand edit.
   *
   * @param kind the object's kind
   * @param path the field's path, list elements as {@code []}
   * @param value the live value
   * @param replicasManaged whether the spec leaves the Deployment's replicas to an autoscaler
   */
  static boolean owned(String kind, String path, JsonNode value, boolean replicasManaged) {
    if (value.isNull() || (value.isContainerNode() && value.isEmpty())) {
      return true;
    }
    if (path.equals("spec.replicas") && replicasManaged) {
      return true;
    }
    if (OWNED.contains(path) || OWNED_BY_KIND.getOrDefault(kind, Set.of()).contains(path)) {
      return true;
    }
    for (Map.Entry<String, List<String>> rule : DEFAULTS.entrySet()) {
      if (matches(rule.getKey(), path)) {
        return rule.getValue().isEmpty() || (value.isValueNode() && rule.getValue().contains(value.asText()));
      }
    }
    return false;
  }

  private static boolean matches(String rule, String path) {
    return rule.startsWith("**") ? path.endsWith(rule.substring(2)) : rule.equals(path);
  }
}
