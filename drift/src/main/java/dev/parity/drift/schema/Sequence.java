package dev.parity.drift.schema;

import java.util.Map;

/**
 * A free-standing sequence (one owned by a serial or identity column shows as that column's
 * {@code generated} value instead).
 *
 * @param name the sequence name
 * @param type its data type
 * @param start its start value
 * @param increment its increment
 * @param minimum its minimum value
 * @param maximum its maximum value
 * @param cycle whether it wraps around
 * @param cache how many values a session takes at once ({@code CACHE}, 1 by default): above 1, concurrent sessions
 *     get values out of the order they ask in, and a session that ends drops the rest of its block
 */
public record Sequence(String name, String type, long start, long increment, long minimum, long maximum,
    boolean cycle, long cache) implements SchemaObject {

  @Override
  public String kind() {
    return "sequence";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("type", type, "start", Long.toString(start), "increment", Long.toString(increment),
        "minimum", Long.toString(minimum), "maximum", Long.toString(maximum), "cycle", cycle ? "cycle" : "no cycle",
        "cache", Long.toString(cache));
  }
}
