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
 */
public record Routine(String kind, String signature, String returns, String language, String body)
    implements SchemaObject {

  @Override
  public String key() {
    return signature;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("returns", returns, "language", language, "body", Attributes.flat(body));
  }
}
