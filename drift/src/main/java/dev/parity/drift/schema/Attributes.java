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

  /** An ordered, unmodifiable copy that keeps {@code null} values. */
  static Map<String, String> copy(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** {@code first}, then the entries of {@code then}, in order. */
  static Map<String, String> join(Map<String, String> first, Map<String, String> then) {
    Map<String, String> map = new LinkedHashMap<>(first);
    map.putAll(then);
    return Collections.unmodifiableMap(map);
  }

  /** A list as {@code (a, b)}, or {@code null} (none) when it is empty. */
  static String listOrNone(List<String> items) {
    return items.isEmpty() ? null : list(items);
  }

  static String list(List<String> items) {
    return "(" + String.join(", ", items) + ")";
  }

  /** Runs of whitespace as one space, trimmed: layout is never drift. */
  static String flat(String text) {
    return text == null ? null : text.strip().replaceAll("\\s+", " ");
  }
}
