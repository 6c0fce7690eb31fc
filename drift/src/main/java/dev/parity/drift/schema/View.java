package dev.parity.drift.schema;

import java.util.Map;

/**
 * A view or materialized view.
 *
 * @param name the view name
 * @param materialized whether it is a materialized view
 * @param definition its query as the database normalises it; whitespace is not compared
 */
public record View(String name, boolean materialized, String definition) implements SchemaObject {

  @Override
  public String kind() {
    return materialized ? "materialized view" : "view";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("definition", Attributes.flat(definition));
  }
}
