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
