package dev.parity.drift.schema;

import java.util.Map;

/**
 * A function or procedure, identified by its name and argument types (overloads are distinct).
 *
 * @param kind {@code function} or {@code procedure}
 * @param signature name and argument types, for example {@code touch(integer, text)}
 * @param returns the result type, or {@code null} for a procedure
 * @param language its language, for example {@code plpgsql} or {@code sql}
 * @param body its source; whitespace is not compared
 * @param properties what else changes its behaviour, by name: {@code volatility}, {@code null input},
 *     {@code security}, {@code leakproof}, {@code parallel}, {@code settings} (PostgreSQL); {@code deterministic},
 *     {@code data access}, {@code security}, {@code sql mode} (MySQL/MariaDB); a {@code null} value means none
 */
public record Routine(String kind, String signature, String returns, String language, String body,
    Map<String, String> properties) implements SchemaObject {

  public Routine {
    properties = Attributes.copy(properties);
  }

  @Override
  public String key() {
    return signature;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.join(Attributes.of("returns", returns, "language", language, "body", Attributes.flat(body)),
        properties);
  }
}
