package dev.parity.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks environments: local or remote settings and knobs, config values, secret references, endpoints. */
final class EnvironmentChecks {

  private static final Pattern AMI = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
  private static final Pattern DB_CLASS = Pattern.compile("db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
  private static final Pattern HOST = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private final ValidationContext context;
  private final ConfigChecks config;
  private final KubernetesChecks kubernetes;
  private final Set<String> environmentNames = new LinkedHashSet<>();

  EnvironmentChecks(ValidationContext context, ConfigChecks config) {
    this.context = context;
    this.config = config;
    this.kubernetes = new KubernetesChecks(context);
  }

  void check() {
    context.stack().environments().forEach(this::checkEnvironment);
  }

  private void checkEnvironment(Environment env) {
    String name = env.name();
    String element = "environment '" + name + "'";
    if (!environmentNames.add(name)) {
      context.problem(element, "is declared more than once", env.isLocal()
          ? "declare Environment.local() once" : "give each environment its own name");
      return;
    }
    context.checkName(element, "name", name, "Environment.remote(\"" + ValidationContext.suggestName(name, "staging") + "\")");
    if (env.isLocal()) {
      checkLocalEnvironment(element, env);
    } else {
      if (name.equals("local")) {
        context.problem(element, "uses the name 'local', which belongs to the local stack",
            "use Environment.local() for the local stack, or another name such as 'dev'");
      }
      checkRemoteKnobs(element, env);
      env.kubernetes().ifPresent(k8s -> kubernetes.check(element, env, k8s));
    }
    checkEnvironmentConfig(element, env);
    if (!env.isLocal()) {
      checkEnvironmentKnobs(element, env);
    }
  }

  /** How the spec declares {@code env}: {@code Environment.local()} or {@code Environment.remote("staging")}. */
  private static String call(Environment env) {
    return env.isLocal() ? "Environment.local()" : "Environment.remote(\"" + env.name() + "\")";
  }

  private static String keyElement(String element, String keyName) {
    return element + ", key '" + keyName + "'";
  }

  private String awsParameterCall(Environment env, String keyName) {
    return ".secret(\"" + keyName + "\", SecretRef.awsParameter(\"/" + context.stack().name() + "/" + env.name() + "/…\"))";
  }

  private void checkLocalEnvironment(String element, Environment env) {
    List<String> remoteOnly = new ArrayList<>();
    env.instances().ifPresent(x -> remoteOnly.add(".instances(…)"));
    env.instanceType().ifPresent(x -> remoteOnly.add(".instanceType(…)"));
    env.ami().ifPresent(x -> remoteOnly.add(".ami(…)"));
    env.databaseClass().ifPresent(x -> remoteOnly.add(".databaseClass(…)"));
    env.hostname().ifPresent(x -> remoteOnly.add(".hostname(…)"));
    if (!env.endpoints().isEmpty()) {
      remoteOnly.add(".endpoint(…)");
    }
    if (!env.knobs().isEmpty()) {
      remoteOnly.add(".knob(…)");
    }
    env.kubernetes().ifPresent(x -> remoteOnly.add(".kubernetes(…)"));
    if (env.declaresOnInstances()) {
      remoteOnly.add(".onInstances()");
    }
    if (!remoteOnly.isEmpty()) {
      context.problem(element, "sets " + String.join(", ", remoteOnly) + ", which only remote environments have",
          "remove " + (remoteOnly.size() == 1 ? "it" : "them") + " from Environment.local(); the local stack runs one container per service on the compose network");
    }
    for (String key : env.secrets().keySet()) {
      context.problem(keyElement(element, key), "is given a secret reference, but the local stack reads secrets from local/.env",
          "remove .secret(\"" + key + "\", …) from Environment.local() and put the value in local/.env");
    }
  }

  private void checkRemoteKnobs(String element, Environment env) {
    String call = call(env);
    boolean autoscales = env.kubernetes().map(Kubernetes::autoscales).orElse(false);
    if (env.instances().isEmpty()) {
      if (env.runsOnInstances() || !autoscales) {
        context.problem(element, "sets no instance count", "add .instances(2) to " + call);
      }
    } else if (env.instances().get() < 1) {
      context.problem(element, "instance count " + env.instances().get() + " is not positive", "use .instances(1) or more");
    } else if (autoscales && !env.runsOnInstances()) {
      Kubernetes k8s = env.kubernetes().orElseThrow();
      context.problem(element, "sets .instances(" + env.instances().get() + ") and autoscales between "
              + k8s.minReplicas() + " and " + k8s.maxReplicas() + " replicas on Kubernetes, where the autoscaler sets the"
              + " replicas and the instance count would be ignored",
          "remove .instances(" + env.instances().get() + ") from " + call + ", or make it the minimum: .autoscale("
              + env.instances().get() + ", " + Math.max(env.instances().get(), k8s.maxReplicas()) + ")");
    }
    if (env.runsOnInstances()) {
      checkInstanceTarget(element, env, call);
    }
    boolean hasSqlDatabase = context.stack().services().stream().anyMatch(s -> s instanceof Postgres || s instanceof MySql);
    if (env.databaseClass().isEmpty() && hasSqlDatabase) {
      context.problem(element, "sets no database instance class", "add .databaseClass(\"db.t3.medium\") to " + call);
    } else if (env.databaseClass().isPresent() && !DB_CLASS.matcher(env.databaseClass().get()).matches()) {
      context.problem(element, "database instance class '" + env.databaseClass().get() + "' is not an instance class",
          "use a class such as 'db.t3.medium'");
    }
    env.hostname().filter(h -> !HOST.matcher(h).matches()).ifPresent(h -> context.problem(element,
        "host name '" + h + "' is not a valid host name", "use a name such as 'staging.example.com'"));
    env.endpoints().forEach((service, host) -> {
      if (!context.references().checkService(element, service, "declares an endpoint for '" + service
          + "', which is not a service", "declare endpoints only for: " + context.serviceList())) {
        return;
      } else if (host == null || !HOST.matcher(host).matches()) {
        context.problem(element, "endpoint '" + host + "' of service '" + service + "' is not a valid host name",
            "use a host name such as '" + service + "." + env.name() + ".internal'");
      }
    });
  }

  /** The instance type and AMI, which only an environment on instances needs. */
  private void checkInstanceTarget(String element, Environment env, String call) {
    if (env.instanceType().isEmpty()) {
      context.problem(element, "sets no instance type", "add .instanceType(\"t3.medium\") to " + call);
    } else if (!INSTANCE_TYPE.matcher(env.instanceType().get()).matches()) {
      context.problem(element, "instance type '" + env.instanceType().get() + "' is not an instance type", "use a type such as 't3.medium'");
    }
    if (env.ami().isEmpty()) {
      context.problem(element, "sets no AMI", "pin one: add .ami(\"ami-0c55b159cbfafe1f0\") to " + call);
    } else if (!AMI.matcher(env.ami().get()).matches()) {
      context.problem(element, "AMI '" + env.ami().get() + "' is not an AMI id", "pin an id such as 'ami-0c55b159cbfafe1f0'");
    }
  }

  private void checkEnvironmentConfig(String element, Environment env) {
    Map<String, ConfigKey> keys = context.keys();
    env.values().forEach((keyName, value) -> {
      String at = keyElement(element, keyName);
      ConfigKey key = keys.get(keyName);
      if (key == null) {
        List<String> settable = keys.values().stream().filter(k -> k.isPerEnvironment() && !k.secret())
            .map(ConfigKey::name).toList();
        context.references().check(at, keyName, keys.keySet(), "is not a config key",
            "declare it with .config(ConfigKey.string(\"" + keyName + "\").perEnvironment())"
            + (settable.isEmpty() ? "" : " or set one of: " + String.join(", ", settable)));
      } else if (key.secret()) {
        context.problem(at, "is secret, but is given a value (not shown)",
            env.isLocal() ? "put the value in local/.env instead" : "use " + awsParameterCall(env, keyName));
      } else if (!key.isPerEnvironment()) {
        context.problem(at, "is shared by every environment and cannot be set here",
            "add .perEnvironment() to ConfigKey." + ConfigChecks.factoryName(key.type()) + "(\"" + keyName + "\") or remove this value");
      } else if (value instanceof ConfigValue.Literal && ValidationContext.SECRET_LIKE.matcher(keyName).matches()) {
        context.problem(at, "looks like a secret but is given a literal value (not shown)",
            "declare it with ConfigKey.secret(\"" + keyName + "\") and give a SecretRef");
      } else if (value instanceof ConfigValue.Literal literal && LiteralCredentials.find(literal.value()).isPresent()) {
        context.problem(at, "is set to " + LiteralCredentials.find(literal.value()).get() + " (not shown)",
            LiteralCredentials.fix(keyName));
      } else {
        config.checkValue(at, key, value);
      }
    });
    if (!env.isLocal()) {
      checkSecretReferences(element, env);
    }
    for (ConfigKey key : keys.values()) {
      if (!key.required() || !key.isPerEnvironment()) {
        continue;
      }
      String at = keyElement(element, key.name());
      if (key.secret()) {
        if (!env.isLocal() && !env.secrets().containsKey(key.name())) {
          context.problem(at, "is a required secret but has no reference here",
              "add " + awsParameterCall(env, key.name()) + " to " + call(env));
        }
      } else if (key.value().isEmpty() && !env.values().containsKey(key.name())) {
        context.problem(at, "is required but has no value here",
            "add .set(\"" + key.name() + "\", …) to " + call(env) + " or give the key a .defaultValue(…)");
      }
    }
    if (!env.isLocal()) {
      checkEndpointsResolve(element, env);
    }
  }

  private void checkSecretReferences(String element, Environment env) {
    env.secrets().forEach((keyName, ref) -> {
      String at = keyElement(element, keyName);
      ConfigKey key = context.keys().get(keyName);
      if (key == null) {
        context.references().check(at, keyName, context.keys().keySet(), "is given a secret reference but is not a config key",
            "declare it with .config(ConfigKey.secret(\"" + keyName + "\"))");
      } else if (!key.secret()) {
        context.problem(at, "is given a secret reference but is not a secret key", "declare it with ConfigKey.secret(\"" + keyName + "\")");
      } else if (ref == null || !ref.isWellFormed()) {
        context.problem(at, "secret reference (not shown: it may hold the secret itself) is not a valid "
                + (ref == null ? "reference" : storeName(ref.store())),
            "give " + (ref == null ? SecretRef.Store.AWS_PARAMETER_STORE : ref.store()).example());
      }
    });
  }

  private void checkEndpointsResolve(String element, Environment env) {
    for (ConfigKey key : context.keys().values()) {
      if (key.secret()) {
        continue;
      }
      ConfigValue value = env.values().containsKey(key.name()) ? env.values().get(key.name()) : key.value().orElse(null);
      // Only a host or URL needs the service's address; a port, database name or user does not.
      if (value instanceof ConfigValue.ServiceAddress ref && (ref.part() == ConfigValue.ServiceAddress.Part.HOST
          || ref.part() == ConfigValue.ServiceAddress.Part.URL || ref.part() == ConfigValue.ServiceAddress.Part.JDBC_URL) && context.stack().service(ref.service()).isPresent() && !env.endpoints().containsKey(ref.service())
          && !Stack.reachedAtItsKubernetesService(env, context.stack().service(ref.service()).get())) {
        context.problem(keyElement(element, key.name()), "refers to " + ref + ", but '" + env.name()
            + "' declares no endpoint for '" + ref.service() + "'",
            "add .endpoint(\"" + ref.service() + "\", \"<host>\") to " + call(env));
      }
    }
  }

  private static String storeName(SecretRef.Store store) {
    return switch (store) {
      case AWS_SECRETS_MANAGER -> "AWS Secrets Manager ARN";
      case AWS_PARAMETER_STORE -> "AWS Parameter Store name";
      case VAULT -> "Vault path";
    };
  }

  private void checkEnvironmentKnobs(String element, Environment env) {
    Map<String, Knob> knobs = context.knobs();
    env.knobs().forEach((name, value) -> {
      Knob knob = knobs.get(name);
      String at = element + ", knob '" + name + "'";
      if (knob == null) {
        context.references().check(at, name, knobs.keySet(), "is set but never declared",
            "declare it once on the stack: .knob(Knob." + knobFactory(value) + "(\"" + name + "\", \"<what it means>\"))");
      } else if (value == null || !knob.type().accepts(value)) {
        context.problem(at, "value '" + value + "' is not a " + knob.type().terraform(), "give a value of type " + knob.type().terraform());
      }
    });
    for (Knob knob : knobs.values()) {
      if (knob.defaultValue().isEmpty() && !env.knobs().containsKey(knob.name())) {
        context.problem(element + ", knob '" + knob.name() + "'", "has no value here and no default",
            "add .knob(\"" + knob.name() + "\", …) to " + call(env) + " or give the knob a .defaultValue(…)");
      }
    }
  }

  private static String knobFactory(Object value) {
    if (value instanceof Boolean) {
      return "bool";
    }
    return value instanceof Number ? "number" : "string";
  }
}
