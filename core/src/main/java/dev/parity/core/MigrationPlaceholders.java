package dev.parity.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flyway placeholders a database's migrations use. Without any, Parity turns Flyway's placeholder
 * replacement off, so migrations are applied as written: a literal {@code ${user.name}} in a string
 * reaches the database as it does through {@code psql}. With some, replacement is on and exactly these
 * are defined, shared by every environment.
 *
 * <pre>{@code
 * Postgres.of("db", "15.4").migrations("db/migrations")
 *     .placeholders(MigrationPlaceholders.of("owner", "shop_owner").and("greeting", "Hello"));
 * // V2__grants.sql: GRANT SELECT ON orders TO ${owner};
 * }</pre>
 *
 * <p>They become {@code placeholderReplacement = true} and a {@code [flyway.placeholders]} table in the
 * generated {@code flyway.toml}, and the same settings for the migrations {@code parity up} and
 * {@code parity drift schema --spec} run. Names follow Flyway's {@code ${name}} syntax: letters, digits,
 * {@code _}, {@code .} and {@code -}; names starting with {@code flyway:} are Flyway's own. Values are
 * shared literals, never secrets.
 */
public final class MigrationPlaceholders {

  private static final MigrationPlaceholders NONE = new MigrationPlaceholders(List.of());

  private final List<Map.Entry<String, String>> entries;

  private MigrationPlaceholders(List<Map.Entry<String, String>> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No placeholders: migrations are applied as written (Flyway's replacement off). */
  public static MigrationPlaceholders none() {
    return NONE;
  }

  /** One placeholder, {@code ${name}} in a migration, replaced by {@code value}. */
  public static MigrationPlaceholders of(String name, String value) {
    return NONE.and(name, value);
  }

  /** A copy with one more placeholder. */
  public MigrationPlaceholders and(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(entries);
    more.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name, value));
    return new MigrationPlaceholders(more);
  }

  /** Whether Flyway replaces placeholders: only when some are declared. */
  public boolean replacement() {
    return !entries.isEmpty();
  }

  /** The placeholders by name, in declaration order (the last of a repeated name wins; validation reports it). */
  public Map<String, String> values() {
    Map<String, String> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
    return java.util.Collections.unmodifiableMap(map);
  }

  /** The declared names in order, repeats included, for validation. */
  List<String> names() {
    return entries.stream().map(Map.Entry::getKey).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationPlaceholders p && p.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return values().toString();
  }
}
