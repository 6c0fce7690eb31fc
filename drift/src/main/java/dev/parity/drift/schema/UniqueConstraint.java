package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * A unique constraint, identified by its columns; its name is not compared.
 *
 * @param name the constraint name, for messages only
 * @param columns the constrained columns, in order
 */
public record UniqueConstraint(String name, List<String> columns) implements SchemaObject {

  public UniqueConstraint {
    columns = List.copyOf(columns);
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
    return Map.of();
  }
}
