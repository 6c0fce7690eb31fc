package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.SecretRef;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Images;
import dev.parity.generate.flyway.Migrations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration step of one environment, {@code k8s/overlays/<env>/migrate/}: a kustomization of
 * its own, applied and awaited before the app overlay, holding each migrated database's
 * {@code <db>-migrate} Job and NetworkPolicy, plus the Namespace and the ExternalSecrets of the
 * database passwords (the same objects the app overlay holds; Kustomize loads no file above a
 * kustomization's folder, and on a first deploy the Job must not wait for the app overlay).
 * Its {@code images:} pin each migrations image by the digest the release records, as the app
 * overlay pins the apps; before a release the Job names {@code <repository>:unreleased}.
 */
final class MigrateOverlay {

  private final GenerationContext context;
  private final Stack stack;
  private final Environment env;
  private final Kubernetes k8s;
  private final String folder;

  MigrateOverlay(GenerationContext context, Environment env) {
    this.context = context;
    this.stack = context.stack();
    this.env = env;
    this.k8s = env.kubernetes().orElseThrow();
    this.folder = "k8s/overlays/" + env.name() + "/migrate/";
  }

  List<GeneratedFile> files() {
    List<Service> databases = stack.migratedDatabases();
    if (databases.isEmpty()) {
      return List.of();
    }
    Map<String, ObjectNode> resources = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    resources.put("namespace.yaml", Namespaces.of(stack, k8s));
    for (Service database : databases) {
      String dir = database.name() + "/";
      resources.put(dir + "job.yaml", MigrationJobs.job(stack, database, env));
      notes.put(dir + "job.yaml", jobNote(database));
      resources.put(dir + "networkpolicy.yaml", MigrationJobs.networkPolicy(stack, database));
      Migrations.passwordKey(database).ifPresent(key -> {
        SecretRef ref = env.secrets().get(key);
        if (ref != null) {
          resources.put("secrets/" + Kubernetes.secretName(key) + ".yaml", ExternalSecrets.of(stack, key, ref, k8s));
        }
      });
    }
    List<GeneratedFile> files = new ArrayList<>();
    files.add(Manifests.file(context, folder + "kustomization.yaml", kustomization(resources, databases), note()));
    resources.forEach((path, object) -> files.add(Manifests.file(context, folder + path, object,
        notes.getOrDefault(path, ""))));
    return files;
  }

  private ObjectNode kustomization(Map<String, ObjectNode> resources, List<Service> databases) {
    ObjectNode kustomization = Kustomizations.head();
    kustomization.put("namespace", k8s.namespace());
    ArrayNode list = kustomization.putArray("resources");
    resources.keySet().forEach(list::add);
    ObjectNode labels = kustomization.putArray("labels").addObject();
    labels.putObject("pairs").put(Manifests.INSTANCE, stack.name() + "-" + env.name());
    labels.put("includeSelectors", false);
    labels.put("includeTemplates", true);
    ArrayNode images = Manifests.NODES.arrayNode();
    for (Service database : databases) {
      Images.migrationsDigestOf(context.releases(), database, env).ifPresent(digest -> images.addObject()
          .put("name", stack.migrationsRepository(database)).put("digest", digest));
    }
    if (!images.isEmpty()) {
      kustomization.set("images", images);
    }
    return kustomization;
  }

  private String note() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Environment '" + env.name() + "': the migrations, applied and awaited before the apps roll out:");
    String context = k8s.context().map(c -> " --context " + c).orElse("");
    lines.add("  kubectl apply -k ." + context);
    for (Service database : stack.migratedDatabases()) {
      lines.add("  kubectl wait --for=condition=complete --timeout=" + MigrationJobs.DEADLINE_SECONDS + "s job/"
          + MigrationJobs.name(database) + " -n " + k8s.namespace() + context);
    }
    for (Service database : stack.migratedDatabases()) {
      lines.add(Images.migrationsDigestOf(this.context.releases(), database, env)
          .map(d -> Images.migrationsComponent(database) + ": " + stack.migrationsRepository(database) + "@" + d)
          .orElse(Images.migrationsComponent(database) + ": no release recorded; "
              + MigrationJobs.image(stack, database) + " is never pushed, so the Job does not start until a"
              + " digest is pinned here"));
    }
    return String.join("\n", lines);
  }

  private String jobNote(Service database) {
    String name = MigrationJobs.name(database);
    return "\nRuns `flyway migrate` of database '" + database.name() + "' once, from its migrations image."
        + " A Job's pod template is immutable and a finished Job is not run again, so each deploy deletes"
        + " the previous one first, then applies and waits:"
        + "\n  kubectl delete job/" + name + " -n " + k8s.namespace() + " --ignore-not-found"
        + "\n  kubectl apply -k k8s/overlays/" + env.name() + "/migrate && kubectl wait --for=condition=complete job/" + name + " -n " + k8s.namespace()
        + "\nThe apps roll out only after it completes; a failure (" + (MigrationJobs.BACKOFF_LIMIT + 1)
        + " attempts, " + MigrationJobs.DEADLINE_SECONDS + " s at most)"
        + " stops the deploy and leaves the running version serving.";
  }
}
