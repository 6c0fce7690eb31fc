package dev.parity.generate.terraform;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
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

  /**
   * The declarations of {@code terraform/services/variables.tf}, the managed services of every remote
   * environment whatever runs its apps: the environment, the databases' instance class, and each database's
   * and cache's engine and exact engine version, pinned.
   */
  static List<Map<String, Object>> managedServices(Stack stack) {
    TerraformVariables v = new TerraformVariables(stack);
    v.environment();
    v.databaseClass();
    v.databases();
    return List.copyOf(v.variables);
  }

  private void environment() {
    List<String> names = stack.remoteEnvironments().stream().map(Environment::name).toList();
    declare("environment", "string", "Name of the environment these values describe, one of: "
        + String.join(", ", names) + ". Every resource is named and tagged with it.")
        .validate("contains(" + Hcl.list(names) + ", var.environment)",
            "The environment must be one of the environments the spec declares: " + String.join(", ", names) + ".");
  }

  private void compute() {
    environment();
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
    databaseClass();
  }

  /**
   * {@code db_instance_class}, when the stack has a SQL database. Required where every remote environment
   * declares one (instance environments must); else {@code null} by default for environments without one.
   */
  private void databaseClass() {
    if (stack.services().stream().anyMatch(s -> s instanceof Postgres || s instanceof MySql)) {
      boolean everywhere = stack.remoteEnvironments().stream().allMatch(e -> e.databaseClass().isPresent());
      String valid = "can(regex(" + Escape.hclString("^db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+$") + ", var.db_instance_class))";
      Variable variable = declare("db_instance_class", "string", "RDS instance class of the managed databases, for"
          + " example db.t3.medium: environments differ in size only, never in engine or version"
          + (everywhere ? "." : "; null in environments that declare none."))
          .validate(everywhere ? valid : "var.db_instance_class == null || " + valid,
              "The database instance class must be an RDS class such as db.t3.medium.");
      if (!everywhere) {
        variable.defaultValue("null");
      }
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
      String pattern = "^" + repository.replaceAll("[.\\\\+*?()|\\[\\]{}^$]", "\\\\$0") + "@sha256:[a-f0-9]{64}$";
      declare(prefix + "_image", "string", "Image of the app '" + app.name() + "' this environment runs, by digest: "
          + repository + "@sha256:<digest>, as `parity release` and `parity promote` record it in"
          + " releases/<environment>.json. The image is built once and promoted unchanged, so a tag is refused.")
          .validate("can(regex(" + Escape.hclString(pattern) + ", var." + prefix + "_image))",
              "The image must be " + repository + "@sha256:<digest>, the digest recorded by parity release for this"
                  + " environment; a tag is refused.");
      pinned(prefix + "_port", "number", "Port the app '" + app.name() + "' listens on in its container (the"
          + " target group's port): " + app.containerPort() + " in every environment.", app.containerPort());
    }
  }

  private void config() {
    List<String> apps = stack.apps().stream().map(App::name).toList();
    String appList = apps.isEmpty() ? "none" : String.join(", ", apps);
    Map<String, List<String>> plain = new LinkedHashMap<>();
    Map<String, List<String>> secret = new LinkedHashMap<>();
    for (App app : stack.apps()) {
      List<String> appPlain = new ArrayList<>();
      List<String> appSecret = new ArrayList<>();
      for (ConfigKey key : stack.config()) {
        if (app.uses().contains(key.name())) {
          (key.secret() ? appSecret : appPlain).add(key.name());
        }
      }
      addNew(appPlain, app.options().env().keySet());
      addNew(appSecret, app.options().secretEnv().keySet());
      plain.put(app.name(), appPlain);
      secret.put(app.name(), appSecret);
    }
    declare("app_environment", "map(map(string))", "Non-secret config by app: for each app of the spec (" + appList
        + "), the environment variables it receives and their values. Each app receives only the keys it uses.")
        .validate(sameApps("app_environment", apps), "app_environment must have exactly one entry per app of the"
            + " spec: " + appList + ".")
        .validate(onlyUsed("app_environment", plain), "Each app in app_environment may receive only the variables"
            + " the spec says it uses: " + describe(plain) + ".");
    declare("app_secrets", "map(map(string))", "Secret config by app: for each app of the spec (" + appList
        + "), the environment variables it receives from the secret store. Each value is a reference (a Secrets"
        + " Manager ARN, an SSM parameter name or a Vault path) that the instance resolves at start, never the"
        + " secret itself; a secret reaches only the apps that use it. Not marked sensitive, so that plans show"
        + " which secret each app reads and for_each can iterate them.")
        .validate(sameApps("app_secrets", apps), "app_secrets must have exactly one entry per app of the spec: "
            + appList + ".")
        .validate(onlyUsed("app_secrets", secret), "Each app in app_secrets may receive only the secrets the spec"
            + " says it uses: " + describe(secret) + ".");
  }

  private static void addNew(List<String> into, java.util.Collection<String> names) {
    names.stream().filter(n -> !into.contains(n)).forEach(into::add);
  }

  /** The map has one entry per app, no more, no fewer. */
  private static String sameApps(String variable, List<String> apps) {
    String names = Hcl.list(apps);
    return "length(setsubtract(keys(var." + variable + "), " + names + ")) == 0 && length(setsubtract(" + names
        + ", keys(var." + variable + "))) == 0";
  }

  /** Each app's variables are among those it may receive. */
  private static String onlyUsed(String variable, Map<String, List<String>> allowed) {
    // Spaces inside the braces, as terraform fmt writes a one-line object.
    String map = allowed.isEmpty() ? "{}" : allowed.entrySet().stream()
        .map(e -> Hcl.key(e.getKey()) + " = " + Hcl.list(e.getValue()))
        .collect(java.util.stream.Collectors.joining(", ", "{ ", " }"));
    return "alltrue([for app, variables in var." + variable + " : length(setsubtract(keys(variables), lookup("
        + map + ", app, []))) == 0])";
  }

  private static String describe(Map<String, List<String>> allowed) {
    List<String> parts = new ArrayList<>();
    allowed.forEach((app, names) -> parts.add(app + ": " + (names.isEmpty() ? "none" : String.join(", ", names))));
    return parts.isEmpty() ? "no app" : String.join("; ", parts);
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
