package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * A unique constraint, identified by its columns (with a prefix length or sort order where the
 * engine keeps one); its name is not compared.
 *
 * @param name the constraint name, for messages only
 * @param columns the constrained columns, in order
 * @param properties the other attributes the engine keeps, by name ({@code include}, {@code nulls},
 *     {@code deferrable}, {@code method}, {@code visibility}); a {@code null} value means none
 */
public record UniqueConstraint(String name, List<String> columns, Map<String, String> properties)
    implements SchemaObject {

  public UniqueConstraint {
    columns = List.copyOf(columns);
    properties = Attributes.copy(properties);
  }

  @Override
  public String kind() {
    return "unique constraint";
  }

  @Override
  public String key() {
    return Attributes.list(columns);
  }

  @Override
  public String label() {
    return "unique constraint " + name + " on " + key();
  }

  @Override
  public Map<String, String> attributes() {
    return properties;
  }
}
