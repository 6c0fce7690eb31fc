package dev.parity.drift.schema;

import java.util.Map;

/**
 * A PostgreSQL extension ({@code CREATE EXTENSION}); the objects it installs are not compared one by one.
 *
 * @param name the extension name, for example {@code citext}
 * @param version its installed version, for example {@code 1.6}
 * @param schema the schema it is installed in
 */
public record Extension(String name, String version, String schema) implements SchemaObject {

  @Override
  public String kind() {
    return "extension";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("version", version, "schema", schema);
  }
}
