package dev.parity.drift.schema;

import java.util.Map;

/**
 * An object matched by name and compared by its attributes only: a PostgreSQL rule, domain, composite type or event
 * trigger, a MariaDB/MySQL event.
 *
 * @param kind what it is, as reports print it, for example {@code rule} or {@code domain}
 * @param name its name, chosen by hand
 * @param attributes the values compared, in a fixed order; a {@code null} value means none
 */
public record NamedObject(String kind, String name, Map<String, String> attributes) implements SchemaObject {

  public NamedObject {
    attributes = Attributes.copy(attributes);
  }

  @Override
  public String key() {
    return name;
  }
}
