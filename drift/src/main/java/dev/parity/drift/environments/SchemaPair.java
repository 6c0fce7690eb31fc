package dev.parity.drift.environments;

import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.Finding;
import dev.parity.drift.schema.SchemaComparator;
import dev.parity.drift.schema.SchemaModel;
import java.util.List;
import java.util.Objects;

/**
 * The live schemas of one database in two environments, against each other. The schema is shared by every
 * environment (no knob varies it), so at the same applied migration version every difference is drift, named
 * by environment ({@code column discount exists only in production}). When the two have applied different
 * versions, one is ahead of a promotion: that is listed as allowed and the schemas are not compared with each
 * other (each one's hand changes are what {@code drift schema --spec} finds against its own applied migrations).
 */
public final class SchemaPair {

  private SchemaPair() {
  }

  /**
   * One environment's live database.
   *
   * @param appliedVersion the newest migration of the repository its Flyway history has applied, or {@code null}
   */
  public record Side(String environment, String appliedVersion, SchemaModel schema) {

    public Side {
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(schema, "schema");
    }
  }

  /** The schema layer of database {@code service} in {@code a} against {@code b}. */
  public static Layer compare(String service, Side a, Side b) {
    if (!Objects.equals(a.appliedVersion(), b.appliedVersion())) {
      String message = "migrations applied up to " + version(a) + " in " + a.environment() + ", up to " + version(b)
          + " in " + b.environment() + " (declared: the release each environment runs; the same once promoted);"
          + " the schemas are compared with each other once both run the same version";
      return new Layer(List.of(), List.of(new Finding(Category.SCHEMA, Change.CHANGED, "database " + service, message,
          a.appliedVersion(), b.appliedVersion())));
    }
    List<Finding> found = SchemaComparator.compare(a.schema(), b.schema(), a.environment(), b.environment());
    return new Layer(found.stream().map(f -> new Finding(f.category(), f.change(), "database " + service + ": "
        + f.object(), f.message(), f.from(), f.to())).toList(), List.of());
  }

  private static String version(Side side) {
    return side.appliedVersion() == null ? "none" : "V" + side.appliedVersion();
  }
}
