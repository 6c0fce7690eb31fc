package dev.parity.drift;

import java.util.Locale;

/**
 * Which case of the history-aware schema gate a finding is ({@code parity drift schema --spec}); see
 * {@code docs/drift.md}. Pending migrations are not a case of drift: {@link MigrationStatus#pending()} lists them.
 */
public enum DriftCase {
  /** The live schema differs from what its applied migrations produce: a change made by hand. */
  SCHEMA_DIFFERS("schema differs from its applied migrations"),
  /** A migration applied to the live database that the repository does not have. */
  UNKNOWN_MIGRATION("applied migration unknown to the repository"),
  /** An applied migration whose file was edited after it ran: Flyway's checksums differ. */
  CHECKSUM_MISMATCH("applied migration edited after it ran (checksum differs)"),
  /** A migration that failed and is left in the history table ({@code success = false}). */
  FAILED_MIGRATION("failed migration left in the history"),
  /** A migration of the repository older than the newest applied one, never applied: Flyway's migrate refuses it. */
  OUT_OF_ORDER("migration older than the applied ones, never applied"),
  /** A database with tables but no history table: Flyway's migrate refuses it without a baseline. */
  NO_HISTORY("tables but no migration history"),
  /** The live server runs another version than the spec declares ({@code SHOW server_version}, {@code VERSION()}). */
  SERVICE_VERSION("server version differs from the declared one");

  private final String title;

  DriftCase(String title) {
    this.title = title;
  }

  /** The name JSON reports use: {@code schema_differs}, {@code checksum_mismatch}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How text and Markdown reports name the case. */
  public String title() {
    return title;
  }
}
