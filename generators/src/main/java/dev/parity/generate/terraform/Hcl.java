package dev.parity.generate.terraform;

import dev.parity.generate.Escape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HCL literals and the aligned attribute groups that {@code terraform fmt} would write. */
final class Hcl {

  private Hcl() {
  }

  /** A Terraform variable name for a service: {@code orders-db} becomes {@code orders_db}. */
  static String variablePrefix(String serviceName) {
    return serviceName.replace('-', '_');
  }

  /** The HCL literal of a string, number or bool. */
  static String literal(Object value) {
    if (value instanceof String s) {
      return Escape.hclString(s);
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    throw new IllegalArgumentException("no HCL literal for " + value.getClass().getSimpleName());
  }

  /** An object key: bare when HCL reads it as that name, quoted otherwise. */
  static String key(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_-]*") && !List.of("true", "false", "null").contains(name)
        ? name : Escape.hclString(name);
  }

  /**
   * A map of maps of strings as a template model: {@code entries}, each with {@code key} (padded
   * as {@code terraform fmt} pads consecutive one-line entries) and {@code values} (a
   * {@link Group}); an empty inner map is one line, {@code key = {}}.
   */
  static List<Map<String, Object>> nested(Map<String, Map<String, String>> maps) {
    List<Map<String, Object>> entries = new ArrayList<>();
    List<String> keys = maps.keySet().stream().map(Hcl::key).toList();
    List<Map<String, String>> values = List.copyOf(maps.values());
    int i = 0;
    while (i < keys.size()) {
      int end = i;
      while (end < keys.size() && values.get(end).isEmpty()) {
        end++;
      }
      int width = keys.subList(i, end).stream().mapToInt(String::length).max().orElse(0);
      for (int j = i; j < Math.max(end, i + 1); j++) {
        Group group = new Group();
        values.get(j).forEach((name, value) -> group.add(key(name), literal(value)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", group.isEmpty() ? pad(keys.get(j), width) : keys.get(j));
        entry.put("values", group.model());
        entries.add(entry);
      }
      i = Math.max(end, i + 1);
    }
    return List.copyOf(entries);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /** A list of quoted strings: {@code ["staging", "production"]}. */
  static String list(List<String> values) {
    return values.stream().map(Escape::hclString).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /**
   * Consecutive single-line attributes, as a template model: {@code attributes} (each with
   * {@code name} and {@code value}, an HCL literal) and {@code width}, the longest name, to which
   * {@code terraform fmt} pads every name so that the {@code =} line up.
   */
  static final class Group {

    private final List<Map<String, String>> attributes = new ArrayList<>();

    Group add(String name, String literalValue) {
      attributes.add(Map.of("name", name, "value", literalValue));
      return this;
    }

    boolean isEmpty() {
      return attributes.isEmpty();
    }

    Map<String, Object> model() {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("attributes", List.copyOf(attributes));
      model.put("width", attributes.stream().mapToInt(a -> a.get("name").length()).max().orElse(0));
      return model;
    }
  }
}
