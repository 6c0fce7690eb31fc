package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * An index that is not the storage of a primary key or unique constraint, identified by its key
 * columns as the database prints them, each with whatever it keeps beside the column: a non-default
 * operator class ({@code name text_pattern_ops}), collation ({@code name COLLATE "C"}), sort order
 * and NULLS placement ({@code id DESC NULLS LAST}), prefix length ({@code name(10)}); its name is not
 * compared.
 *
 * @param name the index name, for messages only
 * @param columns the key columns or expressions, in order, each with its operator class, collation and order
 * @param unique whether it is a unique index
 * @param method the access method, for example {@code btree}, {@code gin}, {@code hash}, {@code fulltext}
 * @param predicate the {@code WHERE} of a partial index, or {@code null}
 * @param properties the other attributes the engine keeps, by name ({@code include}, {@code nulls},
 *     {@code storage}, {@code visibility}, {@code comment}); a {@code null} value means none
 */
public record Index(String name, List<String> columns, boolean unique, String method, String predicate,
    Map<String, String> properties) implements SchemaObject {

  public Index {
    columns = List.copyOf(columns);
    properties = Attributes.copy(properties);
  }

  @Override
  public String kind() {
    return "index";
  }

  @Override
  public String key() {
    return Attributes.list(columns);
  }

  @Override
  public String label() {
    return "index " + name + " on " + key();
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.join(Attributes.of("uniqueness", unique ? "unique" : "not unique", "method", method,
        "predicate", predicate), properties);
  }
}
