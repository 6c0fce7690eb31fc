package dev.parity.generate.docs;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per remote environment, in promotion order, what a deploy runs and in which order (gate,
 * migrate, roll out, wait, test, promote) and what stops it, as ENVIRONMENTS.md lists it. Derived
 * from the model alone: the target (Kubernetes or instances), the databases with migrations
 * ({@link Stack#migratedDatabases()}) and the promotion order.
 */
final class DeployOrder {

  private DeployOrder() {
  }

  /** Each environment's name with its numbered steps (Markdown, code in backticks). */
  static List<Map<String, Object>> environments(Stack stack) {
    List<Map<String, Object>> result = new ArrayList<>();
    List<Environment> remote = stack.remoteEnvironments();
    for (int i = 0; i < remote.size(); i++) {
      Environment env = remote.get(i);
      List<String> steps = new ArrayList<>();
      List<Service> databases = stack.migratedDatabases();
      steps.add(gate(env, databases));
      if (env.kubernetes().isPresent()) {
        Kubernetes k8s = env.kubernetes().get();
        String ns = " -n " + k8s.namespace();
        for (Service db : databases) {
          String job = "job/" + db.name() + "-migrate";
          steps.add("**migrate** " + db.name() + ": `kubectl delete " + job + ns + " --ignore-not-found`, `kubectl"
              + " apply -k k8s/overlays/" + env.name() + "/migrate`, `kubectl wait --for=condition=complete"
              + " --timeout=600s " + job + ns + "`; a failed or timed-out migration stops the deploy and the running"
              + " version keeps serving");
        }
        steps.add("**roll out**: `kubectl apply -k k8s/overlays/" + env.name() + "`");
        List<String> waits = new ArrayList<>();
        for (App app : stack.apps()) {
          waits.add("`kubectl rollout status deployment/" + app.name() + ns + "`");
        }
        if (!waits.isEmpty()) {
          steps.add("**wait**: " + String.join(", ", waits) + "; a rollout that does not finish stops the deploy");
        }
      } else {
        for (Service db : databases) {
          steps.add("**migrate** " + db.name() + ": `docker run --rm --network host <this run's " + db.name()
              + " migrations image> migrate` on the runner (the digest the earlier environments applied; `FLYWAY_URL`"
              + " from the endpoint of `" + env.name() + "` or the secret `" + db.name().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_JDBC_URL" + "`) before"
              + " `terraform apply`; a failed migration stops the deploy and nothing is applied");
        }
        steps.add("**roll out**: `terraform apply -var-file=" + env.name() + ".tfvars` in workspace `" + env.name() + "`");
      }
      if (i == 0) {
        steps.add("**test**: the integration tests; a failure stops the promotion");
      }
      if (i + 1 < remote.size()) {
        steps.add("**promote**: `parity promote " + env.name() + " " + remote.get(i + 1).name() + "` records the same"
            + " release unit (app and migrations images by digest, migration version) for `" + remote.get(i + 1).name()
            + "`, with the digest of the config `" + remote.get(i + 1).name() + "` renders");
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", env.name());
      entry.put("steps", steps);
      result.add(entry);
    }
    return result;
  }

  /**
   * The deploy job's gate, as {@code ci/parity-gate.sh drift <env>} runs it: the history-aware schema gate per
   * migrated database and, on Kubernetes, {@code parity drift cluster}; {@code parity check} runs once before,
   * in the workflow's gate job.
   */
  private static String gate(Environment env, List<Service> databases) {
    List<String> checks = new ArrayList<>();
    for (Service db : databases) {
      checks.add("`parity drift schema --env " + env.name() + " --service " + db.name() + "` (pending migrations pass)");
    }
    if (env.kubernetes().isPresent()) {
      checks.add("`parity drift cluster --env " + env.name() + "`");
    }
    String what = checks.isEmpty() ? "" : " runs " + String.join(" and ", checks);
    return "**gate**: `ci/parity-gate.sh drift " + env.name() + "`" + what + ", after the workflow's `parity check`;"
        + " a finding stops the deploy";
  }
}
