package dev.parity.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service's remaining variables: for an app, config keys it {@code uses} (a value naming another
 * service becomes {@code hostOf}); for any other container, {@code env}. A value that looks like a
 * secret ({@link SecretDetector}), and any value from an env_file, the .env file or the shell, becomes a
 * secret key whose value goes to {@code local/.env}, and a variable holding the path
 * of a compose secret becomes {@code secretFile(KEY, VARIABLE)}.
 */
final class EnvImporter {

  private static final Pattern CONFIG_KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final ImportContext ctx;

  EnvImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** Writes the variables onto {@code chain}; for an app, the keys it uses. */
  List<String> apply(boolean app, String name, Map<String, ServiceEnvironment.Variable> env,
      Map<String, String> secretPaths, Chain chain) {
    List<String> uses = new ArrayList<>();
    for (ServiceEnvironment.Variable v : env.values()) {
      if (v.value() == null) {
        // compose's KEY without a value: the developer's own value, from the shell or .env, locally.
        chain.option("passEnv(" + JavaLiteral.string(v.name()) + ")");
        continue;
      }
      if (secretPaths.containsKey(v.value())) {
        chain.optionOnce("secretFile(" + JavaLiteral.string(secretPaths.get(v.value())) + ", "
            + JavaLiteral.string(v.name()) + ")");
        continue;
      }
      boolean secret = v.outside() || Secrets.looksSecret(v.name(), v.value());
      if (app && CONFIG_KEY.matcher(v.name()).matches() && configKey(v, secret, name)) {
        uses.add(v.name());
      } else if (secret) {
        Optional<String> variable = Interpolation.soleVariable(v.raw() == null ? "" : v.raw()).map(Secrets::keyName);
        String key = ctx.secrets.keyFor(variable.orElse(Secrets.keyName(v.name())), v.value(),
            v.name() + " of service '" + name + "'", variable.isPresent() || v.outside());
        chain.option("secretEnv(" + JavaLiteral.string(v.name()) + ", " + JavaLiteral.string(key) + ")");
      } else {
        chain.option("env(" + JavaLiteral.string(v.name()) + ", " + JavaLiteral.string(v.value()) + ")");
      }
    }
    return uses;
  }

  /** Declares (or reuses) the config key {@code v.name()}; false when another app gave it another value. */
  private boolean configKey(ServiceEnvironment.Variable v, boolean secret, String service) {
    String known = ctx.configValues.get(v.name());
    if (known != null) {
      return known.equals(v.value());
    }
    ctx.configValues.put(v.name(), v.value());
    Chain key;
    if (secret) {
      ctx.secrets.keyFor(v.name(), v.value(), v.name() + " of service '" + service + "'", true);
      key = new Chain("ConfigKey.secret(" + JavaLiteral.string(v.name()) + ")"
          + (ctx.secrets.optional(v.name()) ? ".optional()" : ""));
    } else if (ctx.services().has(v.value()) && !v.value().equals(service)) {
      key = new Chain("ConfigKey.string(" + JavaLiteral.string(v.name()) + ").value(hostOf("
          + JavaLiteral.string(ctx.name(v.value())) + "))");
    } else {
      key = new Chain("ConfigKey.string(" + JavaLiteral.string(v.name()) + ").defaultValue("
          + JavaLiteral.string(v.value()) + ")");
    }
    ctx.configKeys.put(v.name(), key);
    return true;
  }
}
