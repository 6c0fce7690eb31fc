package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.flyway.Migrations;

/**
 * The {@code <db>-migrate} Job of one database in one environment
 * ({@code k8s/overlays/<env>/migrate/<db>/job.yaml}) and its NetworkPolicy. The Job runs the
 * database's migrations image ({@code flyway migrate}) once; the workflow waits for it to complete
 * before it rolls out the apps, so a failed migration leaves the running version serving.
 * The pod runs as {@link PodSecurity} runs apps: uid 10001 (the image's user), no privilege
 * escalation, every capability dropped, RuntimeDefault seccomp, a read-only root with an
 * {@code emptyDir} on {@code /tmp} (the JVM's scratch files; {@code HOME} points there too).
 */
final class MigrationJobs {

  /** One retry: a second failure is the migration's, not the network's. */
  static final int BACKOFF_LIMIT = 1;
  /** Ten minutes for the whole Job, retries included; longer migrations declare themselves in a review. */
  static final int DEADLINE_SECONDS = 600;
  private static final long USER = 10001;

  private MigrationJobs() {
  }

  static String name(Service database) {
    return database.name() + "-migrate";
  }

  static ObjectNode job(Stack stack, Service database, Environment env) {
    ObjectNode job = Manifests.object("batch/v1", "Job", name(database),
        Manifests.labels(stack, name(database), "migration"));
    ObjectNode spec = job.putObject("spec");
    spec.put("backoffLimit", BACKOFF_LIMIT);
    spec.put("activeDeadlineSeconds", DEADLINE_SECONDS);
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").set("labels", Manifests.labels(stack, name(database), "migration"));
    ObjectNode pod = template.putObject("spec");
    pod.put("restartPolicy", "Never");
    pod.put("automountServiceAccountToken", false);
    pod.put("enableServiceLinks", false);
    ObjectNode podSecurity = pod.putObject("securityContext");
    podSecurity.put("runAsNonRoot", true);
    podSecurity.put("runAsUser", USER);
    podSecurity.put("runAsGroup", USER);
    podSecurity.putObject("seccompProfile").put("type", "RuntimeDefault");
    ObjectNode container = pod.putArray("containers").addObject();
    container.put("name", "flyway");
    container.put("image", image(stack, database));
    container.set("args", Manifests.array("migrate"));
    ArrayNode envVars = container.putArray("env");
    String host = env.endpoints().get(database.name());
    if (host == null) {
      throw new dev.parity.core.ParityException(dev.parity.core.ErrorCode.INVALID_SPEC, "environment '" + env.name()
          + "' declares no endpoint for database '" + database.name() + "', so its migrations cannot run there: add"
          + " .endpoint(\"" + database.name() + "\", \"<host>\") to Environment.remote(\"" + env.name() + "\")");
    }
    envVars.addObject().put("name", "FLYWAY_URL").put("value", Migrations.jdbcUrl(database, host,
        database.containerPort()));
    envVars.addObject().put("name", "FLYWAY_USER").put("value", Migrations.user(database));
    Migrations.runSettings(database).forEach((name, value) -> envVars.addObject().put("name", name)
        .put("value", value));
    Migrations.passwordKey(database).ifPresent(key -> envVars.addObject().put("name", "FLYWAY_PASSWORD")
        .putObject("valueFrom").putObject("secretKeyRef").put("name", Kubernetes.secretName(key)).put("key", key));
    envVars.addObject().put("name", "HOME").put("value", "/tmp");
    ObjectNode resources = container.putObject("resources");
    resources.putObject("requests").put("cpu", "100m").put("memory", "256Mi");
    resources.putObject("limits").put("memory", "512Mi");
    ObjectNode security = container.putObject("securityContext");
    security.put("allowPrivilegeEscalation", false);
    security.put("readOnlyRootFilesystem", true);
    security.put("runAsNonRoot", true);
    security.putObject("capabilities").set("drop", Manifests.array("ALL"));
    container.putArray("volumeMounts").addObject().put("name", "tmp").put("mountPath", "/tmp");
    pod.putArray("volumes").addObject().put("name", "tmp").putObject("emptyDir");
    return job;
  }

  /** The migrations image in the Job before a release pins it: its repository at {@code :unreleased}. */
  static String image(Stack stack, Service database) {
    return stack.migrationsRepository(database) + ":" + KubernetesImages.UNRELEASED_TAG;
  }

  /** Egress only to cluster DNS and the database's port; no ingress at all. */
  static ObjectNode networkPolicy(Stack stack, Service database) {
    ObjectNode policy = Manifests.object("networking.k8s.io/v1", "NetworkPolicy", name(database),
        Manifests.labels(stack, name(database), "network-policy"));
    ObjectNode spec = policy.putObject("spec");
    ObjectNode selector = Manifests.NODES.objectNode();
    selector.put(Manifests.NAME, name(database));
    selector.put(Manifests.PART_OF, stack.name());
    spec.set("podSelector", Manifests.matchLabels(selector));
    spec.set("policyTypes", Manifests.array("Ingress", "Egress"));
    spec.putArray("ingress");
    ArrayNode egress = spec.putArray("egress");
    egress.add(NetworkPolicies.dns());
    egress.addObject().set("ports", NetworkPolicies.ports(database.containerPort()));
    return policy;
  }
}
