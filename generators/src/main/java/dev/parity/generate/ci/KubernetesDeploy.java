package dev.parity.generate.ci;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The steps of a deploy job that apply one environment's Kustomize overlay to its cluster:
 * <ol>
 *   <li>the kubeconfig from the GitHub environment's secret {@code KUBE_CONFIG}, written with mode
 *       0600 under {@code $RUNNER_TEMP} and exported as {@code KUBECONFIG};</li>
 *   <li>in the environment that builds the images, a throwaway Kustomization
 *       ({@code k8s/release-<env>/}, in the runner's checkout only) that layers the digests the build
 *       just pushed over the overlay, as kustomize's {@code images: [{name, digest}]}; later
 *       environments apply their committed overlay, whose digests {@code parity promote} recorded;</li>
 *   <li>{@code kubectl apply -k} with the environment's context when the spec names one, then
 *       {@code kubectl rollout status} for every app, so the job fails when pods do not become ready.</li>
 * </ol>
 */
final class KubernetesDeploy {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** How long {@code kubectl rollout status} waits for each Deployment. */
  static final String ROLLOUT_TIMEOUT = "10m";

  private KubernetesDeploy() {
  }

  /**
   * The steps for {@code environment}; {@code inTree} turns a tree path into one relative to the
   * spec folder, {@code shell} quotes a shell word, and {@code pushed} says whether this job pushed
   * the images (whose {@code repository@sha256:…} are in {@link GitHubWorkflow#digestVariable}).
   */
  static List<ObjectNode> steps(Stack stack, Environment environment, Kubernetes k8s, boolean pushed,
      UnaryOperator<String> inTree, UnaryOperator<String> shell) {
    List<ObjectNode> steps = new ArrayList<>();
    ObjectNode kubeconfig = NODES.objectNode();
    kubeconfig.put("name", "Write the kubeconfig of " + environment.name());
    kubeconfig.putObject("env").put("KUBE_CONFIG", "${{ secrets.KUBE_CONFIG }}");
    kubeconfig.put("run", String.join("\n",
        "install -m 600 /dev/null \"$RUNNER_TEMP/kubeconfig\"",
        "printf '%s' \"$KUBE_CONFIG\" > \"$RUNNER_TEMP/kubeconfig\"",
        "echo \"KUBECONFIG=$RUNNER_TEMP/kubeconfig\" >> \"$GITHUB_ENV\"") + "\n");
    steps.add(kubeconfig);

    String overlay = inTree.apply("k8s/overlays/" + environment.name());
    if (pushed && !stack.apps().isEmpty()) {
      String release = inTree.apply("k8s/release-" + environment.name());
      List<String> lines = new ArrayList<>();
      lines.add("mkdir -p " + shell.apply(release));
      lines.add("{");
      lines.add("  echo 'resources:'");
      lines.add("  echo '  - ../overlays/" + environment.name() + "'");
      lines.add("  echo 'images:'");
      for (App app : stack.apps()) {
        lines.add("  echo '  - name: " + GitHubWorkflow.repository(app, stack) + "'");
        lines.add("  echo \"    digest: ${" + GitHubWorkflow.digestVariable(app) + "#*@}\"");
      }
      lines.add("} > " + shell.apply(release + "/kustomization.yaml"));
      ObjectNode pin = NODES.objectNode();
      pin.put("name", "Pin the digests just pushed over the " + environment.name() + " overlay");
      pin.put("working-directory", "${{ env.SPEC_DIR }}");
      pin.put("run", String.join("\n", lines) + "\n");
      steps.add(pin);
      overlay = release;
    }

    String kubectl = "kubectl" + k8s.context().map(c -> " --context " + shell.apply(c)).orElse("");
    List<String> run = new ArrayList<>();
    run.add(kubectl + " apply -k " + shell.apply(overlay));
    for (App app : stack.apps()) {
      run.add(kubectl + " --namespace " + k8s.namespace() + " rollout status deployment/" + app.name()
          + " --timeout=" + ROLLOUT_TIMEOUT);
    }
    ObjectNode deploy = NODES.objectNode();
    deploy.put("name", "Deploy " + environment.name() + " to Kubernetes");
    deploy.put("working-directory", "${{ env.SPEC_DIR }}");
    deploy.put("run", String.join("\n", run) + "\n");
    steps.add(deploy);
    return steps;
  }
}
