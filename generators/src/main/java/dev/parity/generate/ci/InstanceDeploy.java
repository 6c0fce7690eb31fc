package dev.parity.generate.ci;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that deploy an environment on instances: its databases migrated from the runner with
 * {@code db/deploy.sh <env> -- true} (Flyway's command line, installed here, applies the pending
 * migrations of this commit; a failure ends the job before Terraform runs), then {@code terraform apply}
 * of its {@code .tfvars} in its own workspace with each app's image set to this run's digest
 * ({@code -var <app>_image=<repository>@sha256:…}).
 */
final class InstanceDeploy {

  private InstanceDeploy() {
  }

  static List<Step> steps(Pipeline pipeline, Environment environment, boolean migrates) {
    List<Step> steps = new ArrayList<>();
    String name = environment.name();
    if (migrates && !pipeline.databases().isEmpty()) {
      steps.add(Installs.FLYWAY.step());
      Step migrate = Step.run("Migrate the databases of " + name + " before the apps start",
          "./" + Pipeline.shell(pipeline.inTree("db/deploy.sh")) + " " + Pipeline.shell(name) + " -- true").in(Step.SPEC_DIR);
      for (Service db : pipeline.databases()) {
        migrate = GateScript.passwordVariable(db).map(migrate::withSecret).orElse(migrate);
      }
      steps.add(migrate);
    }
    steps.add(Installs.TERRAFORM.step());
    steps.add(Step.run("terraform init", "terraform init -input=false").in(Step.TF_DIR));
    steps.add(Step.run("Select the " + name + " workspace", "terraform workspace select -or-create " + Pipeline.shell(name))
        .in(Step.TF_DIR));
    List<String> apply = new ArrayList<>();
    apply.add("terraform apply -input=false -auto-approve");
    apply.add("-var-file=\"$GITHUB_WORKSPACE/$SPEC_DIR/$TFVARS\"");
    for (App app : pipeline.stack().apps()) {
      apply.add("-var \"" + app.name().replace('-', '_') + "_image=$" + Pipeline.variable(app) + "\"");
    }
    steps.add(Step.run("Deploy " + name, String.join(" \\\n  ", apply) + "\n").in(Step.TF_DIR)
        .env("TFVARS", pipeline.inTree("terraform/" + name + ".tfvars")));
    return steps;
  }
}
