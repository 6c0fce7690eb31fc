package dev.parity.core;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks knobs: Terraform variable names, duplicates, names Terraform and Parity reserve, and defaults. */
final class KnobChecks {

  /**
   * The names Terraform refuses as input variable names, because a {@code module} block gives them a meaning of
   * its own: the arguments {@code source}, {@code version}, {@code count}, {@code for_each}, {@code depends_on},
   * {@code providers} and the block types {@code lifecycle}, {@code locals} and {@code provider}, which Terraform
   * keeps for future use. Terraform's "Input Variables" page lists the first eight; its source
   * ({@code internal/configs/named_values.go}, {@code decodeVariableBlock}, which checks every attribute and block
   * of {@code moduleBlockSchema} in {@code internal/configs/module_call.go}) refuses {@code provider} too, and
   * Terraform 1.11's {@code terraform init} fails on each with "The variable name "count" is reserved due to its
   * special meaning inside module blocks."
   */
  static final Set<String> TERRAFORM_RESERVED = Set.of("source", "version", "count", "for_each", "depends_on",
      "providers", "lifecycle", "locals", "provider");

  private static final Pattern KNOB_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> RESERVED_VARIABLES = Set.of("environment", "instance_count", "instance_type",
      "ami", "db_instance_class", "hostname", "app_environment", "app_secrets");
  /** Suffixes of the variables Parity declares for each service, after {@code <service>_}. */
  private static final List<String> RESERVED_SERVICE_SUFFIXES = List.of("engine", "engine_version", "image", "image_tag", "port");

  private final ValidationContext context;

  KnobChecks(ValidationContext context) {
    this.context = context;
  }

  void check() {
    context.stack().knobs().forEach(this::checkKnob);
  }

  private void checkKnob(Knob knob) {
    String element = "knob '" + knob.name() + "'";
    if (context.knobs().putIfAbsent(knob.name(), knob) != null) {
      context.problem(element, "is declared more than once", "declare each knob once");
      return;
    }
    if (!KNOB_NAME.matcher(knob.name()).matches()) {
      context.problem(element, "is not a valid Terraform variable name",
          "use lower-case letters, digits and underscores, starting with a letter, e.g. 'min_healthy_percent'");
    } else if (TERRAFORM_RESERVED.contains(knob.name())) {
      String renamed = context.stack().name().replace('-', '_') + "_" + knob.name();
      context.problem(element, "is a name Terraform reserves for module blocks, so terraform init would refuse"
              + " variables.tf (\"The variable name \"" + knob.name() + "\" is reserved\")",
          "rename it, e.g. Knob." + knob.type().name().toLowerCase(java.util.Locale.ROOT) + "(\"" + renamed + "\", …)");
    } else if (reservedVariable(knob.name())) {
      context.problem(element, "has the name of a variable Parity declares itself",
          "choose another name; built-in knobs are set with .instances(…), .instanceType(…), .ami(…), .databaseClass(…), .hostname(…)");
    }
    String type = knob.type().terraform();
    knob.defaultValue().filter(v -> !knob.type().accepts(v)).ifPresent(v -> context.problem(element,
        "default '" + v + "' is not a " + type, "give a default of type " + type));
  }

  private boolean reservedVariable(String name) {
    if (RESERVED_VARIABLES.contains(name)) {
      return true;
    }
    for (String service : context.allServiceNames()) {
      String prefix = service.replace('-', '_') + "_";
      if (name.startsWith(prefix) && RESERVED_SERVICE_SUFFIXES.contains(name.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }
}
