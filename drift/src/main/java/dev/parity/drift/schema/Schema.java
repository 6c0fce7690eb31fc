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
 * @param others its other named objects: PostgreSQL domains and composite types, MySQL/MariaDB events
 */
public record Schema(String name, List<Table> tables, List<View> views, List<Sequence> sequences,
    List<EnumType> enums, List<Routine> routines, List<NamedObject> others) implements SchemaObject {

  public Schema {
    tables = List.copyOf(tables);
    views = List.copyOf(views);
    sequences = List.copyOf(sequences);
    enums = List.copyOf(enums);
    routines = List.copyOf(routines);
    others = List.copyOf(others);
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
    all.addAll(others.stream().filter(o -> !"event".equals(o.kind())).toList());
    all.addAll(sequences);
    all.addAll(tables);
    all.addAll(views);
    all.addAll(routines);
    all.addAll(others.stream().filter(o -> "event".equals(o.kind())).toList());
    return all;
  }
}
