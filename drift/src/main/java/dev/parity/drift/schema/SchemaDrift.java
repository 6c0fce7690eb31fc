package dev.parity.drift.schema;

import dev.parity.drift.DriftReport;

/**
 * Schema drift between two databases, or between a spec's migrations and a live database.
 *
 * <pre>{@code
 * SchemaModel expected = SchemaReader.read(stagingConnection, List.of("public"));
 * SchemaModel actual;
 * try (Connection c = Jdbc.connect(url, user, password)) {
 *   actual = SchemaReader.read(c, List.of("public"));
 * }
 * DriftReport report = SchemaDrift.compare(expected, actual, "the spec's migrations", Jdbc.mask(url));
 * }</pre>
 */
public final class SchemaDrift {

  private SchemaDrift() {
  }

  /**
   * The report of every difference; messages name the sides {@code --from} and {@code --to}.
   *
   * @param fromName what the {@code from} side is, as the report's header shows it
   * @param toName what the {@code to} side is
   */
  public static DriftReport compare(SchemaModel from, SchemaModel to, String fromName, String toName) {
    return new DriftReport("schema", fromName, toName, SchemaComparator.compare(from, to, "--from", "--to"));
  }
}
