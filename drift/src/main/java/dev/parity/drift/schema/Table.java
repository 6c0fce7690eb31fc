package dev.parity.drift.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table with everything defined on it. Column order is not compared.
 *
 * @param name the table name
 * @param properties table-level attributes, by name: {@code partitioned by} (for example {@code RANGE (logdate)}),
 *     {@code row level security} ({@code disabled}, {@code enabled}, {@code enabled, forced}), {@code storage} (PostgreSQL
 *     {@code WITH (…)} options), {@code persistence} ({@code logged}, {@code unlogged}), {@code replica identity}
 *     ({@code default}, {@code nothing}, {@code full}, {@code using index (col)}), {@code inherits} (the parents of
 *     {@code INHERITS (…)}, whose queries then read this table's rows too), {@code engine}, {@code collation},
 *     {@code row format}, {@code options} (MySQL/MariaDB); a {@code null} value means none
 * @param columns its columns
 * @param primaryKey its primary key, or {@code null}
 * @param constraints its unique, check, exclusion and foreign-key constraints
 * @param indexes its other indexes
 * @param triggers its triggers
 * @param policies its row-level security policies
 * @param partitions its partitions, when it is partitioned
 * @param rules its rewrite rules (PostgreSQL {@code CREATE RULE}), each with its definition and state
 */
public record Table(String name, Map<String, String> properties, List<Column> columns, PrimaryKey primaryKey,
    List<SchemaObject> constraints, List<Index> indexes, List<Trigger> triggers, List<Policy> policies,
    List<Partition> partitions, List<NamedObject> rules) implements SchemaObject {

  public Table {
    properties = Attributes.copy(properties);
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    indexes = List.copyOf(indexes);
    triggers = List.copyOf(triggers);
    policies = List.copyOf(policies);
    partitions = List.copyOf(partitions);
    rules = List.copyOf(rules);
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
    return properties;
  }

  @Override
  public List<SchemaObject> children() {
    List<SchemaObject> all = new ArrayList<>(columns);
    if (primaryKey != null) {
      all.add(primaryKey);
    }
    all.addAll(constraints);
    all.addAll(indexes);
    all.addAll(triggers);
    all.addAll(policies);
    all.addAll(partitions);
    all.addAll(rules);
    return all;
  }
}
