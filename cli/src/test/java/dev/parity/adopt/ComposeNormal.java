package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A compose model in the one form {@code docker-compose config} (1.29) prints, so that the importer's reading
 * and compose's own compare element by element: environment, labels and depends_on as mappings, ports as
 * {@code published:target/protocol}, volumes by target with absolute sources, build contexts absolute,
 * service-level {@code x-} fields dropped (compose ignores them; 1.29 still prints them).
 */
final class ComposeNormal {

  private ComposeNormal() {
  }

  /** Service name to its elements, each element as one comparable string. */
  static Map<String, Map<String, String>> services(JsonNode root, Path projectDir) {
    Map<String, Map<String, String>> services = new TreeMap<>();
    root.path("services").fields().forEachRemaining(s -> {
      Map<String, String> elements = new TreeMap<>();
      s.getValue().fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("x-")) {
          elements.put(e.getKey(), element(e.getKey(), e.getValue(), projectDir));
        }
      });
      services.put(s.getKey(), elements);
    });
    return services;
  }

  private static String element(String key, JsonNode value, Path dir) {
    switch (key) {
      case "environment", "labels" -> {
        return new TreeMap<>(strings(ComposeMerge.asMapping(key, value))).toString();
      }
      case "depends_on" -> {
        TreeSet<String> names = new TreeSet<>();
        ComposeMerge.asMapping(key, value).fieldNames().forEachRemaining(names::add);
        return names.toString();
      }
      case "ports" -> {
        TreeSet<String> ports = new TreeSet<>();
        value.forEach(p -> {
          if (p.isObject()) {
            ports.add(p.path("published").asText() + ":" + p.path("target").asText() + "/"
                + p.path("protocol").asText("tcp"));
          } else {
            String[] parts = p.asText().split("/");
            String[] hc = parts[0].split(":");
            ports.add((hc.length > 1 ? hc[hc.length - 2] : "") + ":" + hc[hc.length - 1] + "/"
                + (parts.length > 1 ? parts[1] : "tcp"));
          }
        });
        return ports.toString();
      }
      case "volumes" -> {
        TreeMap<String, String> byTarget = new TreeMap<>();
        value.forEach(v -> {
          String[] parts = v.asText().split(":");
          String source = parts[0].startsWith(".") ? dir.resolve(parts[0]).normalize().toString() : parts[0];
          String mode = parts.length > 2 ? parts[2] : "rw";
          byTarget.put(parts.length > 1 ? parts[1] : parts[0], source + ":" + mode);
        });
        return byTarget.toString();
      }
      case "build" -> {
        String context = value.isTextual() ? value.asText() : value.path("context").asText(".");
        ObjectNode build = value.isObject() ? value.deepCopy() : JsonNodeFactory.instance.objectNode();
        build.put("context", dir.resolve(context).normalize().toString());
        return build.toString();
      }
      default -> {
        return value.toString();
      }
    }
  }

  private static Map<String, String> strings(JsonNode mapping) {
    Map<String, String> values = new TreeMap<>();
    mapping.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? null
        : e.getValue().asText()));
    return values;
  }
}
