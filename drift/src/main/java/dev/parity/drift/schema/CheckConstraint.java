package dev.parity.drift.schema;

import java.util.Map;

/**
 * A check constraint, identified by its expression as the database normalises it; its name is not compared.
 *
 * @param name the constraint name, for messages only
 * @param expression the normalised expression, for example {@code CHECK ((price > (0)::numeric))}
 */
public record CheckConstraint(String name, String expression) implements SchemaObject {

  @Override
  public String kind() {
    return "check constraint";
  }

  @Override
  public String key() {
    return expression;
  }

  @Override
  public String label() {
    return "check constraint " + name + " " + expression;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of();
  }
}
