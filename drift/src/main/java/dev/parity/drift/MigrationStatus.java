package dev.parity.drift;

import java.util.List;
import java.util.Objects;

/**
 * What the live database's migration history says, as a history-aware schema report shows it.
 *
 * @param historyTable the history table read, for example {@code public.flyway_schema_history}
 * @param historyExists whether the live database has that table
 * @param appliedVersion the newest version applied successfully that the repository has, which the expected
 *     schema was migrated to; {@code null} when none is
 * @param pending the migrations of the repository the deploy applies next, by script name without
 *     {@code .sql} ({@code V2__add_name}), oldest first
 */
public record MigrationStatus(String historyTable, boolean historyExists, String appliedVersion, List<String> pending) {

  public MigrationStatus {
    Objects.requireNonNull(historyTable, "historyTable");
    pending = List.copyOf(pending);
  }

  /** {@code 2 pending: V2__add_name, V3__add_index; the deploy applies them}, or {@code null} when none is. */
  public String pendingLine() {
    return pending.isEmpty() ? null : pending.size() + " pending: " + String.join(", ", pending)
        + "; the deploy applies " + (pending.size() == 1 ? "it" : "them");
  }

  /** {@code public.flyway_schema_history: applied up to V1}, or what stands for it. */
  public String historyLine() {
    if (!historyExists) {
      return "Migration history " + historyTable + ": none (the table does not exist)";
    }
    return "Migration history " + historyTable + ": " + (appliedVersion == null ? "nothing applied"
        : "applied up to V" + appliedVersion);
  }
}
