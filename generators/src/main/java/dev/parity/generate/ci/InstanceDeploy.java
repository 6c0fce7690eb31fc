package dev.parity.generate.ci;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Service;
import dev.parity.generate.flyway.Migrations;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that deploy an environment on instances: its databases migrated from the runner by this run's
 * migrations image (the build job's output, {@code <repository>@sha256:…}, the digest every earlier environment
 * of the run applied), then {@code terraform apply} of its {@code .tfvars} in its own workspace with each app's
 * image set to this run's digest ({@code -var <app>_image=<repository>@sha256:…}).
 *
 * <p>The migrations run as {@code docker run --rm --network host <migrations image> migrate}: the image is
 * {@code FROM flyway/flyway:<version>} with the migrations inside, so no Flyway is installed on the runner and
 * nothing is downloaded that a digest does not pin. The connection is the one the Kubernetes Job gets:
 * {@code FLYWAY_URL} (the environment's endpoint and the engine's port, or the secret {@code <DB>_JDBC_URL} when
 * set, as for the schema gate), {@code FLYWAY_USER}, and {@code FLYWAY_PASSWORD} from the database's password
 * secret; {@code --network host} so the container reaches the database wherever the runner does. A migration
 * that fails prints Flyway's message, an {@code ::error} line, and ends the job before Terraform runs.
 */
final class InstanceDeploy {

  private InstanceDeploy() {
  }

  static List<Step> steps(Pipeline pipeline, Environment environment, boolean migrates) {
    List<Step> steps = new ArrayList<>();
    String name = environment.name();
    if (migrates && !pipeline.databases().isEmpty()) {
      pipeline.migrationRegistries().forEach(r -> steps.add(Steps.login(r)));
      steps.add(migrate(pipeline, environment));
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

  /** Per database, this run's migrations image run against the environment's database; a failure stops the job. */
  private static Step migrate(Pipeline pipeline, Environment environment) {
    String name = environment.name();
    List<String> run = new ArrayList<>();
    run.add("# each database's migrations image of this run: Flyway and exactly the");
    run.add("# migrations the earlier environments applied, pinned by digest");
    List<String> secrets = new ArrayList<>();
    for (Service db : pipeline.databases()) {
      String urlVariable = GateScript.urlVariable(db);
      String url = Migrations.jdbcUrl(db, environment.endpoints().get(db.name()), db.containerPort());
      run.add("FLYWAY_URL=\"${" + urlVariable + ":-" + url + "}\"");
      run.add("export FLYWAY_URL");
      List<String> docker = new ArrayList<>(List.of("docker run --rm --network host", "-e FLYWAY_URL",
          "-e FLYWAY_USER=" + Pipeline.shell(Migrations.user(db))));
      if (Migrations.passwordKey(db).isPresent()) {
        String key = Migrations.passwordKey(db).get();
        run.add("FLYWAY_PASSWORD=\"$" + key + "\"");
        run.add("export FLYWAY_PASSWORD");
        docker.add("-e FLYWAY_PASSWORD");
        secrets.add(key);
      }
      docker.add("\"$" + Pipeline.migrationsVariable(db) + "\" migrate");
      run.add("if ! " + String.join(" \\\n  ", docker) + "; then");
      run.add("  echo \"::error title=Migration failed::" + db.name() + "\" \\");
      run.add("    \"did not migrate in " + name + "; terraform was not applied\"");
      run.add("  exit 1");
      run.add("fi");
      secrets.add(urlVariable);
    }
    Step step = Step.run("Migrate the databases of " + name + " before the apps start", String.join("\n", run) + "\n");
    for (String secret : secrets) {
      step = step.withSecret(secret);
    }
    return step;
  }
}
