package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * A foreign key, identified by its columns and what they reference; its name is not compared.
 *
 * @param name the constraint name, for messages only
 * @param columns the referencing columns
 * @param referencedTable the referenced table, schema-qualified only when it lives in another schema
 * @param referencedColumns the referenced columns
 * @param onUpdate the action on update, for example {@code no action} or {@code cascade}
 * @param onDelete the action on delete
 * @param properties the other attributes the engine keeps ({@code match}, {@code deferrable}); {@code null} is none
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
    String onUpdate, String onDelete, Map<String, String> properties) implements SchemaObject {

  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    properties = Attributes.copy(properties);
  }

  @Override
  public String kind() {
    return "foreign key";
  }

  @Override
  public String key() {
    return Attributes.list(columns) + " references " + referencedTable + Attributes.list(referencedColumns);
  }

  @Override
  public String label() {
    return "foreign key " + name + " " + key();
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.join(Attributes.of("on update", onUpdate, "on delete", onDelete), properties);
  }
}
