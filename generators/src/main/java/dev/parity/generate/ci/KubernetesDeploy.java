package dev.parity.generate.ci;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a deploy job that apply one environment's Kustomize overlay to its cluster:
 * <ol>
 *   <li>kubectl, installed at its pinned version ({@link Installs#KUBECTL});</li>
 *   <li>the kubeconfig from the GitHub environment's secret {@code KUBE_CONFIG}, written with mode
 *       0600 under {@code $RUNNER_TEMP} and exported as {@code KUBECONFIG} (these two before the schema
 *       gate, which reads the namespace with it);</li>
 *   <li>throwaway Kustomizations, in the runner's checkout only, that layer this run's digests over the
 *       overlay ({@code k8s/release-<env>/}) and over its migration Jobs ({@code k8s/release-<env>-migrate/}
 *       over {@code k8s/overlays/<env>/migrate}), as kustomize's {@code images: [{name, digest}]};</li>
 *   <li>per database, its migration Job {@code <db>-migrate}: the previous one deleted, this run's applied,
 *       {@code kubectl wait --for=condition=complete} up to {@link #MIGRATE_TIMEOUT}; when it does not
 *       complete, its logs are printed and the job stops before any app rolls out, so the running version
 *       keeps serving;</li>
 *   <li>{@code kubectl apply -k} with the environment's context when the spec names one, then
 *       {@code kubectl rollout status} for every app, so the job fails when pods do not become ready.</li>
 * </ol>
 */
final class KubernetesDeploy {

  /** How long {@code kubectl rollout status} waits for each Deployment. */
  static final String ROLLOUT_TIMEOUT = "10m";
  /** How long a migration Job may run before the deploy stops. */
  static final String MIGRATE_TIMEOUT = "10m";

  private KubernetesDeploy() {
  }

  /**
   * kubectl and the kubeconfig: they come before the schema gate, whose {@code parity drift cluster} reads the
   * namespace through {@code KUBECONFIG} (found by the pipeline rehearsal: written after the gate, the gate had none).
   */
  static List<Step> access(Environment environment) {
    return List.of(Installs.KUBECTL.step(),
        Step.run("Write the kubeconfig of " + environment.name(), String.join("\n",
            "install -m 600 /dev/null \"$RUNNER_TEMP/kubeconfig\"",
            "printf '%s' \"$KUBE_CONFIG\" > \"$RUNNER_TEMP/kubeconfig\"",
            "echo \"KUBECONFIG=$RUNNER_TEMP/kubeconfig\" >> \"$GITHUB_ENV\"") + "\n")
        .withSecret("KUBE_CONFIG"));
  }

  /** The migration and roll-out steps, after {@link #access} and the schema gate. */
  static List<Step> steps(Pipeline pipeline, Environment environment, Kubernetes k8s) {
    String env = environment.name();
    List<Step> steps = new ArrayList<>();

    String kubectl = "kubectl" + k8s.context().map(c -> " --context " + Pipeline.shell(c)).orElse("");
    String namespaced = kubectl + " --namespace " + Pipeline.shell(k8s.namespace());
    List<Service> databases = pipeline.databases();
    if (!databases.isEmpty()) {
      String release = pipeline.inTree("k8s/release-" + env + "-migrate");
      steps.add(pin(pipeline, release, "../overlays/" + env + "/migrate", databases.stream()
              .map(d -> new String[] {pipeline.migrationsRepository(d), Pipeline.migrationsVariable(d)}).toList())
          .named("Pin this run's migrations images over " + env + "'s Jobs"));
      List<String> run = new ArrayList<>();
      for (Service db : databases) {
        run.add(namespaced + " \\\n  delete job/" + db.name() + "-migrate --ignore-not-found");
      }
      run.add(kubectl + (k8s.context().isPresent() ? " \\\n  " : " ") + "apply -k " + Pipeline.shell(release));
      for (Service db : databases) {
        String job = "job/" + db.name() + "-migrate";
        // each piece on a line of its own: yamllint's 80 columns hold long namespace and database names
        run.add("if ! " + kubectl + " \\\n  --namespace " + Pipeline.shell(k8s.namespace())
            + " \\\n  wait --for=condition=complete \\\n  " + job + " --timeout=" + MIGRATE_TIMEOUT + "; then");
        run.add("  " + namespaced + " \\\n    logs " + job + " --all-containers || true");
        run.add("  echo \"::error title=Migration failed::" + job + "\" \\\n"
            + "    \"did not complete in " + env + "; no app was rolled out\"");
        run.add("  exit 1");
        run.add("fi");
      }
      steps.add(Step.run("Migrate the databases of " + env + " before the apps roll out", String.join("\n", run) + "\n")
          .in(Step.SPEC_DIR));
    }

    String overlay = pipeline.inTree("k8s/overlays/" + env);
    if (!pipeline.stack().apps().isEmpty()) {
      overlay = pipeline.inTree("k8s/release-" + env);
      steps.add(pin(pipeline, overlay, "../overlays/" + env, pipeline.stack().apps().stream()
              .map(a -> new String[] {pipeline.repository(a), Pipeline.variable(a)}).toList())
          .named("Pin this run's digests over the " + env + " overlay"));
    }
    List<String> run = new ArrayList<>();
    run.add(kubectl + (k8s.context().isPresent() ? " \\\n  " : " ") + "apply -k " + Pipeline.shell(overlay));
    for (App app : pipeline.stack().apps()) {
      run.add(namespaced + " \\\n  rollout status deployment/" + app.name() + " --timeout=" + ROLLOUT_TIMEOUT);
    }
    steps.add(Step.run("Deploy " + env + " to Kubernetes", String.join("\n", run) + "\n").in(Step.SPEC_DIR));
    return steps;
  }

  /** Writes {@code folder/kustomization.yaml}: {@code resource} with each image (repository, variable) pinned by digest. */
  private static Step pin(Pipeline pipeline, String folder, String resource, List<String[]> images) {
    List<String> lines = new ArrayList<>();
    lines.add("mkdir -p " + Pipeline.shell(folder));
    lines.add("{");
    lines.add("  echo 'resources:'");
    lines.add("  echo '  - " + resource + "'");
    lines.add("  echo 'images:'");
    for (String[] image : images) {
      lines.add("  echo '  - name: " + image[0] + "'");
      lines.add("  echo \"    digest: ${" + image[1] + "#*@}\"");
    }
    lines.add("} > " + Pipeline.shell(folder + "/kustomization.yaml"));
    return Step.run("pin", String.join("\n", lines) + "\n").in(Step.SPEC_DIR);
  }
}
