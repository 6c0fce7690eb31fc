package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Compose's merge of an overriding definition onto a base one, as the Compose specification's
 * {@code merge.md} states it (the rules {@code -f a.yml -f b.yml} and {@code extends} apply): mappings are
 * merged key by key, the override's scalars win; sequences are appended, except {@code command},
 * {@code entrypoint} and {@code healthcheck.test}, which the override replaces; {@code ports} keep each
 * distinct entry once, {@code volumes}, {@code secrets} and {@code configs} are merged by their target;
 * {@code environment}, {@code labels}, {@code extra_hosts}, {@code sysctls}, {@code annotations},
 * {@code build.args}, {@code depends_on} and {@code networks} given as lists are read as mappings first.
 * {@code !reset} removes a key, {@code !override} replaces instead of merging.
 */
final class ComposeMerge {

  private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test");
  private static final Set<String> AS_MAPPING = Set.of("environment", "labels", "extra_hosts", "sysctls",
      "annotations", "args", "depends_on", "networks");
  private static final Set<String> BY_TARGET = Set.of("volumes", "secrets", "configs");

  private ComposeMerge() {
  }

  /** {@code override} merged onto {@code base}; neither is changed. */
  static JsonNode merge(JsonNode base, JsonNode override) {
    return merge(null, base, override);
  }

  /** Merges two nodes found under field {@code key}: the field name decides the rule for sequences. */
  private static JsonNode merge(String key, JsonNode base, JsonNode override) {
    if (ComposeYaml.isReset(override)) {
      return null;
    }
    if (ComposeYaml.isOverride(override) || base == null || base.isNull()) {
      return ComposeYaml.overridden(override).deepCopy();
    }
    if (key != null && AS_MAPPING.contains(key) && (base.isArray() || override.isArray())
        && (base.isArray() || base.isObject()) && (override.isArray() || override.isObject())) {
      return merge(null, asMapping(key, base), asMapping(key, override));
    }
    if (base.isObject() && override.isObject()) {
      ObjectNode merged = base.deepCopy();
      override.fields().forEachRemaining(e -> {
        JsonNode value = merge(e.getKey(), base.get(e.getKey()), e.getValue());
        if (value == null) {
          merged.remove(e.getKey());
        } else {
          merged.set(e.getKey(), value);
        }
      });
      return merged;
    }
    if (base.isArray() && override.isArray() && !REPLACED.contains(key)) {
      return append(key, (ArrayNode) base, (ArrayNode) override);
    }
    return override.deepCopy();
  }

  private static ArrayNode append(String key, ArrayNode base, ArrayNode override) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    for (JsonNode item : base) {
      byKey.put(uniqueKey(key, item), item);
    }
    for (JsonNode item : override) {
      byKey.put(uniqueKey(key, item), item);
    }
    ArrayNode merged = JsonNodeFactory.instance.arrayNode();
    byKey.values().forEach(v -> merged.add(v.deepCopy()));
    return merged;
  }

  /** What identifies an entry: the target of a volume, secret or config; a port or other entry as written. */
  private static String uniqueKey(String key, JsonNode item) {
    if (BY_TARGET.contains(key)) {
      if (item.isObject()) {
        return "t:" + item.path("target").asText(item.path("source").asText());
      }
      String text = item.asText();
      if (key.equals("volumes")) {
        String[] parts = text.split(":");
        return "t:" + (parts.length >= 2 ? parts[1] : parts[0]);
      }
      return "t:" + text;
    }
    return "v:" + item.toString();
  }

  /** A list form ({@code KEY=value}, {@code host:ip}, names) as the mapping compose reads it. */
  static JsonNode asMapping(String key, JsonNode node) {
    if (node.isObject()) {
      return node;
    }
    ObjectNode mapping = JsonNodeFactory.instance.objectNode();
    for (JsonNode item : node) {
      String text = item.asText();
      switch (key) {
        case "depends_on" -> mapping.set(text, JsonNodeFactory.instance.objectNode()
            .put("condition", "service_started"));
        case "networks" -> mapping.putNull(text);
        case "extra_hosts" -> {
          int at = text.indexOf(text.contains("=") ? '=' : ':');
          mapping.put(at < 0 ? text : text.substring(0, at), at < 0 ? "" : text.substring(at + 1));
        }
        default -> {
          int at = text.indexOf('=');
          if (at < 0) {
            mapping.putNull(text);
          } else {
            mapping.put(text.substring(0, at), text.substring(at + 1));
          }
        }
      }
    }
    return mapping;
  }
}
