package dev.parity.drift.history;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A live database's migration history against the repository's migrations: every row and every
 * file, as Flyway's {@code info} relates them; read by {@link FlywayHistory}, judged by {@link HistoryGate}.
 *
 * @param table the history table, for example {@code public.flyway_schema_history}
 * @param exists whether the live database has it
 * @param migrations the rows and files, in Flyway's order (applied by rank, then pending by version)
 */
public record MigrationHistory(String table, boolean exists, List<AppliedMigration> migrations) {

  public MigrationHistory {
    Objects.requireNonNull(table, "table");
    migrations = List.copyOf(migrations);
  }

  /**
   * The version the expected schema is migrated to ({@code target}): the newest applied one the
   * repository has, edited or not. Empty when nothing of the repository is applied.
   */
  public Optional<String> appliedVersion() {
    return migrations.stream()
        .filter(m -> m.state() == AppliedMigration.State.APPLIED || m.state() == AppliedMigration.State.CHECKSUM_MISMATCH)
        .map(AppliedMigration::version).filter(Objects::nonNull)
        .max(Comparator.comparing(MigrationVersion::fromVersion));
  }

  /** The migrations the deploy applies next. */
  public List<AppliedMigration> pending() {
    return migrations.stream().filter(m -> m.state() == AppliedMigration.State.PENDING).toList();
  }
}
