package dev.parity.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Flyway's baseline of a database whose first tables come from elsewhere, typically the image's init scripts
 * ({@code /docker-entrypoint-initdb.d}): the first migration run finds a non-empty schema without Flyway's history
 * table, records the baseline version in a new history table and applies only the migrations above it.
 *
 * <pre>{@code
 * Postgres.of("db", "15.4").migrations("db/migrations")
 *     .options(o -> o.mount(Mount.bind("db/init", "/docker-entrypoint-initdb.d").readOnly()))
 *     .baseline(MigrationBaseline.atVersion("1").describedAs("tables of db/init"));
 * // V1 stands for what db/init creates; V2__add_orders.sql and later are applied on top of it.
 * }</pre>
 *
 * <p>A declared baseline becomes Flyway's own settings everywhere Parity runs or configures Flyway
 * (Flyway's documentation, "Baseline On Migrate", "Baseline Version" and "Baseline Description"):
 * <ul>
 *   <li>{@code baselineOnMigrate = true}, {@code baselineVersion} and {@code baselineDescription} in the
 *       {@code [flyway]} table of the generated {@code db/<db>/flyway.toml}, which {@code db/deploy.sh} runs;</li>
 *   <li>{@code FLYWAY_BASELINE_ON_MIGRATE=true}, {@code FLYWAY_BASELINE_VERSION} and
 *       {@code FLYWAY_BASELINE_DESCRIPTION} in the migrations image's {@code ENV}, the compose {@code <db>-migrate}
 *       service's {@code environment} and the Kubernetes {@code <db>-migrate} Job's {@code env};</li>
 *   <li>the same configuration of Flyway's API in {@code parity up} and in the throwaway database of
 *       {@code parity drift schema --spec}, and in the history the schema gate reads.</li>
 * </ul>
 * Without one ({@link #none()}, the default) none of these is written and Flyway keeps its defaults: a non-empty
 * schema without a history table is refused, and Parity's message then names this option. Versions are Flyway
 * versions: digits separated by {@code .} or {@code _} ({@code 1}, {@code 2.1}); Flyway's default description is
 * {@code << Flyway Baseline >>}.
 */
public final class MigrationBaseline {

  /** Flyway's {@code baselineDescription} default. */
  public static final String FLYWAY_DESCRIPTION = "<< Flyway Baseline >>";

  private static final MigrationBaseline NONE = new MigrationBaseline(null, null);

  private final String version;
  private final String description;

  private MigrationBaseline(String version, String description) {
    this.version = version;
    this.description = description;
  }

  /** No baseline: Flyway's {@code baselineOnMigrate} stays off. */
  public static MigrationBaseline none() {
    return NONE;
  }

  /**
   * Baseline on migrate at {@code version}: what exists before the first migration run stands for every migration up
   * to and including {@code version}.
   */
  public static MigrationBaseline atVersion(String version) {
    return new MigrationBaseline(Objects.requireNonNull(version, "version"), FLYWAY_DESCRIPTION);
  }

  /** A copy whose history row reads {@code description} instead of {@code << Flyway Baseline >>}. */
  public MigrationBaseline describedAs(String text) {
    if (version == null) {
      throw new IllegalStateException("MigrationBaseline.none() has no description; start from atVersion(…)");
    }
    return new MigrationBaseline(version, Objects.requireNonNull(text, "description"));
  }

  /** Whether Flyway baselines a non-empty schema that has no history table: only when a baseline is declared. */
  public boolean onMigrate() {
    return version != null;
  }

  /** The baseline version, when declared. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** The description of the baseline's history row, when declared. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationBaseline b && Objects.equals(b.version, version)
        && Objects.equals(b.description, description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, description);
  }

  @Override
  public String toString() {
    return version == null ? "no baseline" : "baseline at " + version + " (" + description + ")";
  }
}
