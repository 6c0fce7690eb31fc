package dev.parity.drift.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table with everything defined on it. Column order is not compared.
 *
 * @param name the table name
 * @param columns its columns
 * @param primaryKey its primary key, or {@code null}
 * @param uniques its unique constraints
 * @param checks its check constraints
 * @param foreignKeys its foreign keys
 * @param indexes its other indexes
 * @param triggers its triggers
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
    List<CheckConstraint> checks, List<ForeignKey> foreignKeys, List<Index> indexes, List<Trigger> triggers)
    implements SchemaObject {

  public Table {
    columns = List.copyOf(columns);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    foreignKeys = List.copyOf(foreignKeys);
    indexes = List.copyOf(indexes);
    triggers = List.copyOf(triggers);
  }

  @Override
  public String kind() {
    return "table";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of();
  }

  @Override
  public List<SchemaObject> children() {
    List<SchemaObject> all = new ArrayList<>(columns);
    if (primaryKey != null) {
      all.add(primaryKey);
    }
    all.addAll(uniques);
    all.addAll(checks);
    all.addAll(foreignKeys);
    all.addAll(indexes);
    all.addAll(triggers);
    return all;
  }
}
