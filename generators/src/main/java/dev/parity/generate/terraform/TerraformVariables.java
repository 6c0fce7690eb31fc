package dev.parity.generate.terraform;

import dev.parity.core.App;
import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.Knob;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.Escape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variable declarations of {@code terraform/variables.tf}, as a template model: every knob
 * once, typed, described in Terraform and AWS terms, with a {@code validation} block wherever a
 * wrong value can be caught at plan time. Values shared by every environment (engine versions,
 * image repositories, ports) are pinned by validation, so a hand-edited {@code .tfvars} fails
 * the plan instead of drifting.
 */
final class TerraformVariables {

  private static final String ENV_VAR_NAME = "^[A-Z][A-Z0-9_]*$";

  private final Stack stack;
  private final List<Map<String, Object>> variables = new ArrayList<>();

  private TerraformVariables(Stack stack) {
    this.stack = stack;
  }

  /** The declarations, in the order {@code variables.tf} lists them. */
  static List<Map<String, Object>> of(Stack stack) {
    TerraformVariables v = new TerraformVariables(stack);
    v.compute();
    v.databases();
    v.apps();
    v.config();
    v.knobs();
    return List.copyOf(v.variables);
  }

  private void compute() {
    List<String> names = stack.remoteEnvironments().stream().map(Environment::name).toList();
    declare("environment", "string", "Name of the environment these values describe, one of: "
        + String.join(", ", names) + ". Every resource is named and tagged with it.")
        .validate("contains(" + Hcl.list(names) + ", var.environment)",
            "The environment must be one of the environments the spec declares: " + String.join(", ", names) + ".");
    declare("instance_count", "number",
        "Number of EC2 instances that run each app (the Auto Scaling group's desired capacity).")
        .validate("var.instance_count >= 1 && floor(var.instance_count) == var.instance_count",
            "The instance count must be a whole number of at least 1.");
    declare("instance_type", "string", "EC2 instance type of the app instances, for example t3.medium.");
    declare("ami", "string",
        "Id of the AMI the app instances boot, pinned so that every apply boots the same image.")
        .validate("can(regex(" + Escape.hclString("^ami-([0-9a-f]{8}|[0-9a-f]{17})$") + ", var.ami))",
            "The AMI must be an AMI id such as ami-0c55b159cbfafe1f0, not a name or a lookup.");
    List<Environment> remote = stack.remoteEnvironments();
    if (remote.stream().anyMatch(e -> e.hostname().isPresent())) {
      boolean everywhere = remote.stream().allMatch(e -> e.hostname().isPresent());
      Variable hostname = declare("hostname", "string", "Public DNS name of the environment, the record that points at"
          + " its load balancer" + (everywhere ? "." : "; null in environments without one."));
      if (!everywhere) {
        hostname.defaultValue("null");
      }
    }
    if (stack.services().stream().anyMatch(s -> s instanceof Postgres || s instanceof MySql)) {
      declare("db_instance_class", "string", "RDS instance class of the managed databases, for example db.t3.medium:"
          + " environments differ in size only, never in engine or version.")
          .validate("can(regex(" + Escape.hclString("^db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+$") + ", var.db_instance_class))",
              "The database instance class must be an RDS class such as db.t3.medium.");
    }
  }

  private void databases() {
    for (Service service : stack.services()) {
      if (!(service instanceof Database db)) {
        continue;
      }
      String prefix = Hcl.variablePrefix(service.name());
      String managed = db instanceof Redis ? "ElastiCache" : "RDS";
      pinned(prefix + "_engine", "string", managed + " engine of the database '" + service.name() + "': "
          + db.engine() + " in every environment.", db.engine());
      pinned(prefix + "_engine_version", "string", "Exact " + managed + " engine_version of the database '"
          + service.name() + "': " + db.version() + " in every environment, the version the local stack runs too.",
          db.version());
    }
  }

  private void apps() {
    for (App app : stack.apps()) {
      String prefix = Hcl.variablePrefix(app.name());
      String repository = TerraformValues.imageRepository(stack, app);
      pinned(prefix + "_image", "string", "Repository the image of the app '" + app.name()
          + "' is pulled from, without a tag: the same in every environment.", repository);
      declare(prefix + "_image_tag", "string", "Tag of the image of the app '" + app.name()
          + "' to run, given at deploy time with -var '" + prefix + "_image_tag=<tag>'. The image is built once"
          + " and promoted unchanged from environment to environment, so no .tfvars file sets it.")
          .validate("can(regex(" + Escape.hclString("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$") + ", var." + prefix
                  + "_image_tag)) && var." + prefix + "_image_tag != \"latest\"",
              "The image tag must be the exact tag of the image built for this release, not empty and not latest.");
      pinned(prefix + "_port", "number", "Port the app '" + app.name() + "' listens on in its container (the"
          + " target group's port): " + app.containerPort() + " in every environment.", app.containerPort());
    }
  }

  private void config() {
    declare("app_environment", "map(string)", "Non-secret config every app receives as environment variables,"
        + " by variable name.")
        .validate(keysAreNames("app_environment"), "Every key of app_environment must be an environment variable name.");
    declare("app_secrets", "map(string)", "Secret config every app receives, by environment variable name. Each value"
        + " is a reference (a Secrets Manager ARN, an SSM parameter name or a Vault path) that the instance resolves"
        + " at start, never the secret itself; not marked sensitive, so that plans show which secret each key"
        + " reads and for_each can iterate them.")
        .validate(keysAreNames("app_secrets"), "Every key of app_secrets must be an environment variable name.");
  }

  private static String keysAreNames(String variable) {
    return "alltrue([for key in keys(var." + variable + ") : can(regex(" + Escape.hclString(ENV_VAR_NAME) + ", key))])";
  }

  private void knobs() {
    for (Knob knob : stack.knobs()) {
      Variable variable = declare(knob.name(), knob.type().terraform(), knob.description());
      knob.defaultValue().ifPresent(d -> variable.defaultValue(Hcl.literal(d)));
    }
  }

  private void pinned(String name, String type, String description, Object value) {
    String literal = Hcl.literal(value);
    declare(name, type, description).validate("var." + name + " == " + literal,
        "The value of " + name + " is " + value + " in every environment, as the spec declares it:"
            + " change the spec, not the .tfvars file.");
  }

  private Variable declare(String name, String type, String description) {
    Variable variable = new Variable();
    variable.model.put("name", name);
    variable.model.put("type", type);
    variable.model.put("description", description);
    variable.model.put("validations", variable.validations);
    variables.add(variable.model);
    return variable;
  }

  /** One declaration under construction; its model is already in the list. */
  private static final class Variable {

    private final Map<String, Object> model = new LinkedHashMap<>();
    private final List<Map<String, String>> validations = new ArrayList<>();

    Variable validate(String condition, String errorMessage) {
      validations.add(Map.of("condition", condition, "message", errorMessage));
      return this;
    }

    void defaultValue(String literal) {
      model.put("default", literal);
    }
  }
}
