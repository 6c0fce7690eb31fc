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
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
    String onUpdate, String onDelete) implements SchemaObject {

  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
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
    return Attributes.of("on update", onUpdate, "on delete", onDelete);
  }
}
