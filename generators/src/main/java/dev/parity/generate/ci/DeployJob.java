package dev.parity.generate.ci;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deploy-<env>}: one environment's deploy, in this order, each step stopping the job when it fails:
 * <ol>
 *   <li>on Kubernetes, kubectl and the kubeconfig, which the gate's cluster check reads;</li>
 *   <li>the schema gate, {@code ci/parity-gate.sh drift <env>}: a schema changed by hand stops the deploy
 *       before anything changes (pending migrations pass: the next step applies them);</li>
 *   <li>the migrations ({@link KubernetesDeploy} runs each database's migration Job on a cluster,
 *       {@link InstanceDeploy} runs each database's migrations image with {@code docker run} on the runner for
 *       instances: the same digest on both, so no Flyway is installed anywhere);</li>
 *   <li>the roll-out of this run's app images and the wait until they are ready.</li>
 * </ol>
 * The migrations run in the same job as the roll-out, so one approval of the GitHub environment covers
 * both and a failed migration ends the job before any app changes. The images are the build job's
 * outputs ({@link Pipeline#variable}), the same in every environment of the run.
 */
final class DeployJob {

  private DeployJob() {
  }

  static String id(Environment environment) {
    return "deploy-" + environment.name();
  }

  /** The deploy of {@code environment}, after {@code previous} (the gate's build, or the previous environment's release). */
  static Job render(Pipeline pipeline, Environment environment, String previous) {
    List<String> needs = previous.equals(Pipeline.BUILD) ? List.of(Pipeline.BUILD) : List.of(Pipeline.BUILD, previous);
    List<Step> steps = new ArrayList<>(Steps.withParity(pipeline));
    List<Service> databases = pipeline.databases();
    environment.kubernetes().ifPresent(k8s -> steps.addAll(KubernetesDeploy.access(environment)));
    if (!databases.isEmpty()) {
      steps.add(schemaGate(pipeline, environment, databases));
    }
    boolean migrated = false;
    if (environment.kubernetes().isPresent()) {
      steps.addAll(KubernetesDeploy.steps(pipeline, environment, environment.kubernetes().get()));
      migrated = true;
    }
    if (environment.runsOnInstances()) {
      steps.addAll(InstanceDeploy.steps(pipeline, environment, !migrated));
    }
    Job job = Job.of(id(environment), needs, steps).onMain().deploysTo(environment.name());
    for (App app : pipeline.stack().apps()) {
      job = job.env(Pipeline.variable(app), Pipeline.fromBuild(Pipeline.output(app)));
    }
    for (Service database : databases) {
      job = job.env(Pipeline.migrationsVariable(database), Pipeline.fromBuild(Pipeline.migrationsOutput(database)));
    }
    if (!migrated && environment.runsOnInstances() && pipeline.migrationRegistries().contains("ghcr.io")) {
      job = job.grant("packages", "read");
    }
    return job;
  }

  /** Before anything changes: the environment's database schema must be what its applied migrations produce. */
  private static Step schemaGate(Pipeline pipeline, Environment environment, List<Service> databases) {
    Step step = Step.run("Schema gate: " + environment.name() + " against its migrations",
        pipeline.gate() + " drift " + Pipeline.shell(environment.name())).in(Step.SPEC_DIR);
    for (Service db : databases) {
      step = GateScript.passwordVariable(db).map(step::withSecret).orElse(step);
      step = step.withSecret(GateScript.urlVariable(db));
    }
    return step;
  }
}
