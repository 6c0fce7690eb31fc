package dev.parity.drift.schema;

import java.util.List;

/**
 * What a database holds, normalised so that two databases built differently but meaning the
 * same compare equal; read by {@link SchemaReader}, compared by {@link SchemaComparator}.
 *
 * @param engine {@code postgresql}, {@code mariadb} or {@code mysql}
 * @param extensions the database's extensions (PostgreSQL)
 * @param databaseObjects the other objects of the whole database, whatever schemas are read: PostgreSQL event
 *     triggers and the {@code database settings} that {@code ALTER DATABASE … SET} gives every session
 * @param schemas the schemas read, by name
 */
public record SchemaModel(String engine, List<Extension> extensions, List<NamedObject> databaseObjects,
    List<Schema> schemas) {

  public SchemaModel {
    extensions = List.copyOf(extensions);
    databaseObjects = List.copyOf(databaseObjects);
    schemas = List.copyOf(schemas);
  }
}
