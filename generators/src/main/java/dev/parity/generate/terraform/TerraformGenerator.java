package dev.parity.generate.terraform;

import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Terraform inputs of a stack: {@code terraform/variables.tf}, which declares every
 * knob once (typed, described, validated), and one {@code terraform/<env>.tfvars} per remote
 * environment that runs on instances, with that environment's values; an environment only on
 * Kubernetes gets its overlay instead. Each app's image is a digest, never a tag:
 * {@code web_image = "ghcr.io/acme/shop-web@sha256:…"} in the {@code .tfvars} of every environment
 * with a release ({@code releases/<env>.json}, written by {@code parity release} and {@code parity
 * promote}); {@code variables.tf} refuses anything but the app's repository at a digest.
 *
 * <p>Config is scoped per app: {@code app_environment} ({@code map(map(string))}, app to
 * variable to value) and {@code app_secrets} (app to variable to secret reference) hold, for each
 * app, only the keys it {@linkplain dev.parity.core.App#uses uses} and the variables its options
 * set, so a secret reaches only the apps that use it. Their validation blocks refuse at plan time
 * a missing or unknown app and any variable the spec does not give that app.
 *
 * <p>Managed services stay declared infrastructure in every remote environment, whatever runs its apps:
 * {@code terraform/services/} is a root module of its own with {@code variables.tf} and one
 * {@code <env>.tfvars} per remote environment, holding each database's and cache's engine and exact
 * engine version ({@code db_engine_version = "14.9"}, pinned by validation) and the databases' instance
 * class ({@code db_instance_class}, from {@code Environment.databaseClass}), for the team's RDS and
 * ElastiCache modules. An environment on instances has the same values in {@code terraform/<env>.tfvars}.
 *
 * <p>Templates: {@code terraform/variables.tf.ftl}, {@code terraform/env.tfvars.ftl} and
 * {@code terraform/services.tfvars.ftl}.
 */
public final class TerraformGenerator implements Generator {

  @Override
  public String name() {
    return "terraform";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    Stack stack = context.stack();
    List<Environment> onInstances = stack.remoteEnvironments().stream().filter(Environment::runsOnInstances).toList();
    String header = context.header(CommentStyle.HASH);
    List<GeneratedFile> files = new ArrayList<>(managedServices(context, header));
    if (onInstances.isEmpty()) {
      return List.copyOf(files);
    }
    files.add(GeneratedFile.of("terraform/variables.tf", context.templates().render("terraform/variables.tf.ftl",
        Map.of("header", header, "variables", TerraformVariables.of(stack)))));
    for (Environment env : onInstances) {
      Map<String, Object> model = new HashMap<>(TerraformValues.of(stack, env, context.releases()));
      model.put("header", header);
      files.add(GeneratedFile.of("terraform/" + env.name() + ".tfvars",
          context.templates().render("terraform/env.tfvars.ftl", model)));
    }
    return List.copyOf(files);
  }

  /**
   * {@code terraform/services/variables.tf} and one {@code terraform/services/<env>.tfvars} per remote
   * environment, on instances or on Kubernetes, when the stack has a database or cache: each one's engine
   * and exact {@code engine_version} (pinned by validation) and the databases' instance class.
   */
  private static List<GeneratedFile> managedServices(GenerationContext context, String header) {
    Stack stack = context.stack();
    if (stack.remoteEnvironments().isEmpty()
        || stack.services().stream().noneMatch(s -> s instanceof dev.parity.core.Database)) {
      return List.of();
    }
    List<GeneratedFile> files = new ArrayList<>();
    files.add(GeneratedFile.of("terraform/services/variables.tf", context.templates().render(
        "terraform/variables.tf.ftl", Map.of("header", header, "variables", TerraformVariables.managedServices(stack)))));
    for (Environment env : stack.remoteEnvironments()) {
      Map<String, Object> model = new HashMap<>(TerraformValues.managedServices(stack, env));
      model.put("header", header);
      files.add(GeneratedFile.of("terraform/services/" + env.name() + ".tfvars",
          context.templates().render("terraform/services.tfvars.ftl", model)));
    }
    return files;
  }
}
