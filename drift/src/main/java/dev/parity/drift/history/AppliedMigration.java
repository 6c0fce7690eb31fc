package dev.parity.drift.history;

import java.util.Objects;

/**
 * One row of the migration history compared with the repository, as Flyway's {@code info} sees it.
 *
 * @param version the version, for example {@code 2}; {@code null} for a repeatable migration
 * @param script the script name, for example {@code V2__add_name.sql}
 * @param description Flyway's description, for example {@code add name}
 * @param state how the row and the repository compare
 * @param appliedChecksum the checksum recorded in the history, or {@code null} when not applied
 * @param resolvedChecksum the checksum of the repository's file as Flyway computes it, or {@code null} without a file
 */
public record AppliedMigration(String version, String script, String description, State state, Integer appliedChecksum,
    Integer resolvedChecksum) {

  public AppliedMigration {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(state, "state");
  }

  /** How a migration of the history or the repository stands. */
  public enum State {
    /** Applied successfully, and the repository's file is the one that ran. */
    APPLIED,
    /** In the repository, newer than every applied one (or a changed repeatable): the deploy applies it. */
    PENDING,
    /** Applied, but the repository's file has another checksum: edited after it ran. */
    CHECKSUM_MISMATCH,
    /** Applied successfully, but the repository has no such migration. */
    UNKNOWN,
    /** Left in the history as failed ({@code success = false}). */
    FAILED,
    /** In the repository, older than the newest applied one, and never applied. */
    OUT_OF_ORDER
  }

  /** {@code V2__add_name}: the script without {@code .sql}, as reports list migrations. */
  public String name() {
    return script.endsWith(".sql") ? script.substring(0, script.length() - 4) : script;
  }
}
