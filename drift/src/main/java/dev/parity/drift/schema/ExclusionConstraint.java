package dev.parity.drift.schema;

import java.util.Map;

/**
 * An exclusion constraint (PostgreSQL), identified by its definition as the database prints it,
 * for example {@code EXCLUDE USING gist (room WITH =, during WITH &&)}; its name is not compared.
 *
 * @param name the constraint name, for messages only
 * @param definition the normalised definition, with its method, elements, operators, {@code INCLUDE},
 *     {@code WHERE} and deferrability
 */
public record ExclusionConstraint(String name, String definition) implements SchemaObject {

  @Override
  public String kind() {
    return "exclusion constraint";
  }

  @Override
  public String key() {
    return definition;
  }

  @Override
  public String label() {
    return "exclusion constraint " + name + " " + definition;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of();
  }
}
