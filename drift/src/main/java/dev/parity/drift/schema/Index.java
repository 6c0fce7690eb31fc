package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * An index that is not the storage of a primary key or unique constraint, identified by its
 * columns (or expressions); its name is not compared.
 *
 * @param name the index name, for messages only
 * @param columns the indexed columns or expressions, in order, with {@code DESC} where descending
 * @param unique whether it is a unique index
 * @param method the access method, for example {@code btree}, {@code gin}, {@code hash}
 * @param predicate the {@code WHERE} of a partial index, or {@code null}
 */
public record Index(String name, List<String> columns, boolean unique, String method, String predicate)
    implements SchemaObject {

  public Index {
    columns = List.copyOf(columns);
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
    return Attributes.of("uniqueness", unique ? "unique" : "not unique", "method", method, "predicate", predicate);
  }
}
