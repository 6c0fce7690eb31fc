package dev.parity.drift.schema;

import java.util.Map;

/**
 * A partition of a partitioned table, with its bound; its own columns follow the parent's.
 *
 * @param name the partition's table name
 * @param bound its bound as the database prints it, for example
 *     {@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}, {@code DEFAULT}, or MySQL/MariaDB's
 *     {@code VALUES LESS THAN (2025)}
 * @param subpartitioning how the partition is partitioned in turn, or {@code null}
 */
public record Partition(String name, String bound, String subpartitioning) implements SchemaObject {

  @Override
  public String kind() {
    return "partition";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("bound", bound, "partitioned by", subpartitioning);
  }
}
