package dev.parity.runtime.internal;

import dev.parity.core.Addresses;
import dev.parity.core.App;
import dev.parity.core.ConfigEntry;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The config resolved to the running stack, secrets generated: every key of the schema, or only
 * the keys one app uses.
 */
public final class StackConfig {

  private StackConfig() {
  }

  /** Every key in schema order; secret keys take the generated local values. */
  public static Map<String, String> resolve(Stack stack, Environment environment, Addresses addresses,
      Map<String, String> secrets) {
    Map<String, String> plain = new LinkedHashMap<>();
    for (ConfigEntry entry : stack.config(environment, addresses)) {
      entry.plainValue().ifPresent(value -> plain.put(entry.name(), value));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigKey key : stack.config()) {
      String value = key.secret() ? secrets.get(key.name()) : plain.get(key.name());
      if (value != null) {
        values.put(key.name(), value);
      }
    }
    return values;
  }

  /** The keys {@code app} uses, in schema order; secret keys take the generated local values. */
  public static Map<String, String> resolve(Stack stack, App app, Environment environment, Addresses addresses,
      Map<String, String> secrets) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigEntry entry : stack.config(app, environment, addresses)) {
      String value = entry.isSecret() ? secrets.get(entry.name()) : entry.plainValue().orElse(null);
      if (value != null) {
        values.put(entry.name(), value);
      }
    }
    return values;
  }

  /** Services as the developer's machine reaches them: 127.0.0.1 and the published ports. */
  public static Addresses onHost(ToIntFunction<Service> port) {
    return new Addresses() {
      @Override
      public String host(Service service) {
        return "127.0.0.1";
      }

      @Override
      public int port(Service service) {
        return port.applyAsInt(service);
      }
    };
  }

  /** Services as other containers on the stack's network reach them: by name, at their container port. */
  public static Addresses inNetwork() {
    return new Addresses() {
      @Override
      public String host(Service service) {
        return service.name();
      }

      @Override
      public int port(Service service) {
        return service.containerPort();
      }
    };
  }
}
