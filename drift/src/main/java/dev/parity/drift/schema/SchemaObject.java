package dev.parity.drift.schema;

import java.util.List;
import java.util.Map;

/**
 * An object of a schema model as the comparator sees it: an identity within its parent, the
 * values that must be equal, and the objects it holds.
 */
public interface SchemaObject {

  /** What it is, as reports print it: {@code table}, {@code column}, {@code index}, … */
  String kind();

  /**
   * Its identity within its parent. Names for named objects; the definition for constraints and
   * indexes, whose names the database may have generated.
   */
  String key();

  /** How reports name it, for example {@code column phone} or {@code index users_email_idx on (email)}. */
  default String label() {
    return kind() + " " + key();
  }

  /** The values compared, by name, in a fixed order; a {@code null} value means "none". */
  Map<String, String> attributes();

  /** The objects it holds. */
  default List<? extends SchemaObject> children() {
    return List.of();
  }
}
