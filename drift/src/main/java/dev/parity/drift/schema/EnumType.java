package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * An enum type; the order of its values counts, since it is their sort order.
 *
 * @param name the type name
 * @param values its labels, in sort order
 */
public record EnumType(String name, List<String> values) implements SchemaObject {

  public EnumType {
    values = List.copyOf(values);
  }

  @Override
  public String kind() {
    return "enum type";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("values", Attributes.list(values.stream().map(v -> "'" + v + "'").toList()));
  }
}
