package dev.parity.drift.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The key columns of a PostgreSQL index as {@code pg_get_indexdef} prints them, each with what
 * the server keeps beside it and prints only when it is not the default: operator class,
 * collation, {@code DESC}, {@code NULLS FIRST/LAST}.
 */
final class IndexColumns {

  private IndexColumns() {
  }

  /**
   * The items between the parentheses after {@code USING <method>} in {@code definition}, split at
   * the commas outside parentheses and quotes.
   */
  static List<String> of(String definition, String method) {
    String marker = " USING " + method + " (";
    int start = definition.indexOf(marker);
    if (start < 0) {
      throw new IllegalStateException("unexpected index definition: " + definition);
    }
    List<String> items = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    StringBuilder item = new StringBuilder();
    for (int i = start + marker.length(); i < definition.length(); i++) {
      char c = definition.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth-- == 0) {
        items.add(item.toString().strip());
        return items;
      } else if (c == ',' && depth == 0) {
        items.add(item.toString().strip());
        item.setLength(0);
        continue;
      }
      item.append(c);
    }
    throw new IllegalStateException("unexpected index definition: " + definition);
  }
}
