package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * A view or materialized view.
 *
 * @param name the view name
 * @param materialized whether it is a materialized view
 * @param definition its query as the database normalises it; whitespace is not compared
 * @param options what else changes what a query through it does, by name: PostgreSQL {@code check option}
 *     ({@code local}, {@code cascaded}), {@code security barrier}, {@code security invoker}, a materialized view's
 *     {@code populated} and {@code storage}; MySQL/MariaDB {@code check option}, {@code security} ({@code definer},
 *     {@code invoker}), {@code algorithm} (MariaDB); a {@code null} value means none
 * @param children the triggers ({@code INSTEAD OF}) and rules defined on it (PostgreSQL)
 */
public record View(String name, boolean materialized, String definition, Map<String, String> options,
    List<SchemaObject> children) implements SchemaObject {

  public View {
    options = Attributes.copy(options);
    children = List.copyOf(children);
  }

  /** A view without triggers or rules. */
  public View(String name, boolean materialized, String definition, Map<String, String> options) {
    this(name, materialized, definition, options, List.of());
  }

  /** This view with {@code parts} as its triggers and rules. */
  View with(List<SchemaObject> parts) {
    return new View(name, materialized, definition, options, parts);
  }

  @Override
  public String kind() {
    return materialized ? "materialized view" : "view";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.join(Attributes.of("definition", Attributes.flat(definition)), options);
  }
}
