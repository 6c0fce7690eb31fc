package dev.parity.drift.schema;

import java.util.Map;

/**
 * A trigger on a table.
 *
 * @param name the trigger name
 * @param definition when it fires and what it runs, without its name, for example
 *     {@code BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()}
 */
public record Trigger(String name, String definition) implements SchemaObject {

  @Override
  public String kind() {
    return "trigger";
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
