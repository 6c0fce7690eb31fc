package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.ConfigEntry;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.GeneratedFile;
import java.nio.charset.StandardCharsets;

/**
 * An app's plain config in one environment, {@code k8s/overlays/<env>/<app>/configmap.yaml}: the
 * keys it {@linkplain App#uses uses} as {@link Stack#config(App, Environment)} resolves them
 * (service hosts at the environment's endpoints), then the fixed variables of its options. Secret
 * keys never appear here; they come from ExternalSecrets.
 */
final class ConfigMaps {

  private ConfigMaps() {
  }

  static String name(App app) {
    return app.name() + "-config";
  }

  static ObjectNode of(Stack stack, App app, Environment env) {
    ObjectNode map = Manifests.object("v1", "ConfigMap", name(app), Manifests.labels(stack, app.name(), "config"));
    map.set("data", data(stack, app, env));
    return map;
  }

  static ObjectNode data(Stack stack, App app, Environment env) {
    ObjectNode data = Manifests.NODES.objectNode();
    for (ConfigEntry entry : stack.config(app, env)) {
      entry.plainValue().ifPresent(v -> data.put(entry.name(), v));
    }
    app.options().env().forEach((k, v) -> {
      if (!data.has(k)) {
        data.put(k, v);
      }
    });
    return data;
  }

  /** The SHA-256 of the config, which the overlay puts on the pod template so that a change of config rolls the pods. */
  static String hash(Stack stack, App app, Environment env) {
    return GeneratedFile.sha256(data(stack, app, env).toString().getBytes(StandardCharsets.UTF_8));
  }
}
