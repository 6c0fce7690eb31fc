package dev.parity.drift.schema;

import java.util.Map;

/**
 * A trigger on a table.
 *
 * @param name the trigger name
 * @param definition when it fires and what it runs, without its name, for example
 *     {@code BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()}
 * @param options what else decides whether and when it fires, by name: PostgreSQL {@code state} ({@code enabled},
 *     {@code disabled}, {@code enabled on replica only}, {@code enabled always}, as {@code ALTER TABLE … ENABLE
 *     [REPLICA | ALWAYS] TRIGGER} sets it); MySQL/MariaDB {@code order} among the triggers of the same timing and
 *     event
 */
public record Trigger(String name, String definition, Map<String, String> options) implements SchemaObject {

  public Trigger {
    options = Attributes.copy(options);
  }

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
    return Attributes.join(Attributes.of("definition", Attributes.flat(definition)), options);
  }
}
