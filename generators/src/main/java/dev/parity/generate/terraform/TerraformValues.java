package dev.parity.generate.terraform;

import dev.parity.core.App;
import dev.parity.core.ConfigEntry;
import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.Knob;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Releases;
import dev.parity.core.SecretRef;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one remote environment, as the template model of {@code terraform/<env>.tfvars}:
 * groups of aligned attributes (compute, databases, apps, the team's knobs) and the two config
 * maps, by app: each app holds only the keys it uses. Secret keys carry their reference only;
 * their values never reach the model.
 */
final class TerraformValues {

  private TerraformValues() {
  }

  static Map<String, Object> of(Stack stack, Environment env, Releases releases) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("environment", env.name());
    model.put("compute", compute(env).model());
    model.put("databases", databases(stack, env).model());
    model.put("apps", apps(stack, env, releases).model());
    model.put("unreleased", stack.apps().stream().filter(a -> releases.image(env.name(), a.name()).isEmpty())
        .map(a -> Hcl.variablePrefix(a.name()) + "_image").toList());
    model.put("appEnvironment", Hcl.nested(environmentByApp(stack, env)));
    model.put("appSecrets", Hcl.nested(secretsByApp(stack, env)));
    Hcl.Group knobs = new Hcl.Group();
    for (Knob knob : stack.knobs()) {
      stack.knobValue(env, knob).ifPresent(v -> knobs.add(knob.name(), Hcl.literal(v)));
    }
    model.put("knobs", knobs.model());
    return model;
  }

  /**
   * The plain config of each app in {@code env}, in declaration order: the keys it uses (schema
   * order), then the fixed variables of its options.
   */
  static Map<String, Map<String, String>> environmentByApp(Stack stack, Environment env) {
    Map<String, Map<String, String>> byApp = new LinkedHashMap<>();
    for (App app : stack.apps()) {
      Map<String, String> values = new LinkedHashMap<>();
      for (ConfigEntry entry : stack.config(app, env)) {
        entry.plainValue().ifPresent(v -> values.put(entry.name(), v));
      }
      app.options().env().forEach(values::putIfAbsent);
      byApp.put(app.name(), values);
    }
    return byApp;
  }

  /**
   * The secret references of each app in {@code env}: the secret keys it uses, then the variables
   * its options take from secret keys, each with the reference of its key. Never a value.
   */
  static Map<String, Map<String, String>> secretsByApp(Stack stack, Environment env) {
    Map<String, Map<String, String>> byApp = new LinkedHashMap<>();
    for (App app : stack.apps()) {
      Map<String, String> references = new LinkedHashMap<>();
      for (ConfigEntry entry : stack.config(app, env)) {
        entry.secretReference().ifPresent(ref -> references.put(entry.name(), ref.reference()));
      }
      app.options().secretEnv().forEach((variable, key) -> {
        SecretRef ref = env.secrets().get(key);
        if (ref != null) {
          references.putIfAbsent(variable, ref.reference());
        }
      });
      byApp.put(app.name(), references);
    }
    return byApp;
  }

  /** The values of {@code terraform/services/<env>.tfvars}: the environment, then {@link #databases}. */
  static Map<String, Object> managedServices(Stack stack, Environment env) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("environment", env.name());
    model.put("values", new Hcl.Group().add("environment", Hcl.literal(env.name())).model());
    model.put("databases", databases(stack, env).model());
    return model;
  }

  private static Hcl.Group compute(Environment env) {
    Hcl.Group group = new Hcl.Group().add("environment", Hcl.literal(env.name()));
    env.instances().ifPresent(n -> group.add("instance_count", Hcl.literal(n)));
    env.instanceType().ifPresent(t -> group.add("instance_type", Hcl.literal(t)));
    env.ami().ifPresent(a -> group.add("ami", Hcl.literal(a)));
    env.hostname().ifPresent(h -> group.add("hostname", Hcl.literal(h)));
    return group;
  }

  private static Hcl.Group databases(Stack stack, Environment env) {
    Hcl.Group group = new Hcl.Group();
    if (stack.services().stream().anyMatch(s -> s instanceof Postgres || s instanceof MySql)) {
      env.databaseClass().ifPresent(c -> group.add("db_instance_class", Hcl.literal(c)));
    }
    for (Service service : stack.services()) {
      if (service instanceof Database db) {
        String prefix = Hcl.variablePrefix(service.name());
        group.add(prefix + "_engine", Hcl.literal(db.engine()));
        group.add(prefix + "_engine_version", Hcl.literal(db.version()));
      }
    }
    return group;
  }

  private static Hcl.Group apps(Stack stack, Environment env, Releases releases) {
    Hcl.Group group = new Hcl.Group();
    for (App app : stack.apps()) {
      String prefix = Hcl.variablePrefix(app.name());
      releases.image(env.name(), app.name()).ifPresent(image -> group.add(prefix + "_image", Hcl.literal(image)));
      group.add(prefix + "_port", Hcl.literal(app.containerPort()));
    }
    return group;
  }

  /** The image repository remote environments pull for {@code app}: declared, else {@code <stack>-<app>}. */
  static String imageRepository(Stack stack, App app) {
    return dev.parity.generate.Images.repository(stack, app);
  }
}
