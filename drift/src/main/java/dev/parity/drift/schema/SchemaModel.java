package dev.parity.drift.schema;

import java.util.List;

/**
 * What a database holds, normalised so that two databases built differently but meaning the
 * same compare equal; read by {@link SchemaReader}, compared by {@link SchemaComparator}.
 *
 * @param engine {@code postgresql}, {@code mariadb} or {@code mysql}
 * @param schemas the schemas read, by name
 */
public record SchemaModel(String engine, List<Schema> schemas) {

  public SchemaModel {
    schemas = List.copyOf(schemas);
  }
}
