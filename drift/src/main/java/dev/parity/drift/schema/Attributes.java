package dev.parity.drift.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for building attribute maps that keep their order and allow {@code null} values. */
final class Attributes {

  private Attributes() {
  }

  static Map<String, String> of(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  static String list(List<String> items) {
    return "(" + String.join(", ", items) + ")";
  }

  /** Runs of whitespace as one space, trimmed: layout is never drift. */
  static String flat(String text) {
    return text == null ? null : text.strip().replaceAll("\\s+", " ");
  }
}
