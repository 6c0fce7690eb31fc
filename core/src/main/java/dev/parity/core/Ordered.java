package dev.parity.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable insertion-ordered maps: generated files list things in the order the spec declares them. */
final class Ordered {

  private Ordered() {
  }

  static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
    Map<K, V> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return Collections.unmodifiableMap(copy);
  }

  /** An unmodifiable copy of {@code list} with {@code items} appended. */
  @SafeVarargs
  static <T> java.util.List<T> append(java.util.List<T> list, T... items) {
    java.util.List<T> copy = new java.util.ArrayList<>(list);
    copy.addAll(java.util.List.of(items));
    return java.util.List.copyOf(copy);
  }

  static <K, V> Map<K, V> copy(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
