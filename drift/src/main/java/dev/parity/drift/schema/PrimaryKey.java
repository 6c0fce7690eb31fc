package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * A primary key. Its name is not compared: {@code users_pkey} and {@code pk_users} are the same key.
 *
 * @param name the constraint name, for messages only
 * @param columns the key's columns, in order
 * @param properties the other attributes the engine keeps ({@code include}, {@code deferrable}); {@code null} is none
 */
public record PrimaryKey(String name, List<String> columns, Map<String, String> properties) implements SchemaObject {

  public PrimaryKey {
    columns = List.copyOf(columns);
    properties = Attributes.copy(properties);
  }

  @Override
  public String kind() {
    return "primary key";
  }

  @Override
  public String key() {
    return "";
  }

  @Override
  public String label() {
    return "primary key";
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.join(Attributes.of("columns", Attributes.list(columns)), properties);
  }
}
