package dev.parity.drift.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One schema (a MySQL/MariaDB database) with its objects.
 *
 * @param name the schema name
 * @param tables its tables
 * @param views its views and materialized views
 * @param sequences its free-standing sequences
 * @param enums its enum types
 * @param routines its functions and procedures
 */
public record Schema(String name, List<Table> tables, List<View> views, List<Sequence> sequences,
    List<EnumType> enums, List<Routine> routines) implements SchemaObject {

  public Schema {
    tables = List.copyOf(tables);
    views = List.copyOf(views);
    sequences = List.copyOf(sequences);
    enums = List.copyOf(enums);
    routines = List.copyOf(routines);
  }

  @Override
  public String kind() {
    return "schema";
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
    List<SchemaObject> all = new ArrayList<>(enums);
    all.addAll(sequences);
    all.addAll(tables);
    all.addAll(views);
    all.addAll(routines);
    return all;
  }
}
