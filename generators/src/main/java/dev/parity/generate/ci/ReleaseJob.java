package dev.parity.generate.ci;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code release-<env>}: after an environment is deployed and tested, records what it runs as the audit
 * trail, {@code releases/<env>.json} (with the {@code .tfvars} and overlay that {@code parity check} then
 * holds to it): the first environment with {@code parity release} of each digest this run built (every
 * app's and every migrations image's, from the build job's outputs), each
 * later one with {@code parity promote <previous> <env>}, which copies the previous environment's record
 * and so refuses anything it never ran. The record is committed to main by the workflow's token:
 * a commit, not a pull request, because the next environment's promotion reads it within the same run;
 * a push with {@code GITHUB_TOKEN} starts no new workflow run, so recording does not deploy again.
 */
final class ReleaseJob {

  private ReleaseJob() {
  }

  static String id(Environment environment) {
    return "release-" + environment.name();
  }

  static Job render(Pipeline pipeline, Environment environment, Environment previous) {
    String spec = Pipeline.shell(pipeline.context().specName());
    String out = Pipeline.shell(pipeline.context().treeFromSpecFolder());
    String env = Pipeline.shell(environment.name());
    List<String> run = new ArrayList<>();
    run.add("# on top of main as it is now, which holds the earlier records");
    run.add("git fetch --quiet origin main");
    run.add("git checkout --quiet --detach FETCH_HEAD");
    if (previous == null) {
      for (App app : pipeline.stack().apps()) {
        run.add("\"$PARITY\" release --spec " + spec + " --out " + out + " \\\n  --env " + env + " --app "
            + Pipeline.shell(app.name()) + " \\\n  --digest \"${" + Pipeline.variable(app) + "#*@}\"");
      }
      for (Service database : pipeline.stack().migratedDatabases()) {
        run.add("\"$PARITY\" release --spec " + spec + " --out " + out + " \\\n  --env " + env + " --app "
            + Pipeline.shell(database.name() + "-migrations") + " \\\n  --digest \"${"
            + Pipeline.migrationsVariable(database) + "#*@}\"");
      }
    } else {
      run.add("# the deploy job's schema gate checked the live schema already");
      run.add("\"$PARITY\" promote --spec " + spec + " --out " + out + " \\\n  --skip-live-check "
          + Pipeline.shell(previous.name()) + " " + env);
    }
    run.add("git add --all -- " + out);
    run.add("git config user.name 'github-actions[bot]'");
    run.add("bot='41898282+github-actions[bot]@users.noreply.github.com'");
    run.add("git config user.email \"$bot\"");
    run.add("git commit --quiet -m \"Release ${GITHUB_SHA::12} to " + environment.name() + "\"");
    run.add("git push --quiet origin HEAD:refs/heads/main");
    Job job = Job.of(id(environment), List.of(Pipeline.BUILD, IntegrationTestsJob.id(environment)), List.of(
            Steps.checkout(), Steps.java(), ParityInstall.step(pipeline),
            Step.run("Record what " + environment.name() + " runs", String.join("\n", run) + "\n").in(Step.SPEC_DIR)))
        .onMain().grant("contents", "write");
    for (App app : pipeline.stack().apps()) {
      job = job.env(Pipeline.variable(app), Pipeline.fromBuild(Pipeline.output(app)));
    }
    if (previous == null) {
      for (Service database : pipeline.stack().migratedDatabases()) {
        job = job.env(Pipeline.migrationsVariable(database), Pipeline.fromBuild(Pipeline.migrationsOutput(database)));
      }
    }
    return job;
  }
}
