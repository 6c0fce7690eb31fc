package dev.parity.drift.history;

import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.DriftCase;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import dev.parity.drift.MigrationStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The history-aware schema gate: a live database judged by its migration history and by the schema
 * its applied migrations produce. Pending migrations are information; every {@link DriftCase} is drift.
 *
 * <pre>{@code
 * MigrationHistory history = FlywayHistory.read(database, folder, url, user, password);
 * // the expected schema: the migrations applied to a throwaway database up to history.appliedVersion()
 * DriftReport report = HistoryGate.report(history, SchemaDrift.compare(expected, live, from, to));
 * }</pre>
 */
public final class HistoryGate {

  private HistoryGate() {
  }

  /**
   * The gate's report.
   *
   * @param schema the live schema against the one its applied migrations produce; its findings become
   *     {@link DriftCase#SCHEMA_DIFFERS}, its header the report's
   */
  public static DriftReport report(MigrationHistory history, DriftReport schema) {
    List<Finding> findings = new ArrayList<>(migrationFindings(history));
    schema.findings().forEach(f -> findings.add(f.as(DriftCase.SCHEMA_DIFFERS)));
    return new DriftReport(schema.kind(), schema.from(), schema.to(), findings, status(history));
  }

  /**
   * The report for a live database without a history table, where no schema is compared: all
   * migrations are pending when it holds no table, and it is drift when it does, since Flyway's
   * {@code migrate} refuses a non-empty schema without history (it needs a baseline).
   *
   * @param liveTables the tables the live database holds, by name
   */
  public static DriftReport withoutHistory(MigrationHistory history, List<String> liveTables, String from, String to) {
    List<Finding> findings = new ArrayList<>();
    if (!liveTables.isEmpty()) {
      findings.add(new Finding(Category.SCHEMA, Change.ONLY_IN_TO, "history " + history.table(), "the database has "
          + liveTables.size() + (liveTables.size() == 1 ? " table (" : " tables (") + String.join(", ", liveTables)
          + ") but no " + history.table() + ": flyway migrate refuses it; baseline it at the version its schema"
          + " matches (flyway baseline -baselineVersion=N), or migrate an empty database", null, null,
          DriftCase.NO_HISTORY));
    }
    MigrationStatus status = status(history);
    if (!liveTables.isEmpty()) {
      // Flyway refuses to migrate it, so nothing is pending until it has a baseline.
      status = new MigrationStatus(status.historyTable(), false, null, List.of());
    }
    return new DriftReport("schema", from, to, findings, status);
  }

  /** What the history says, for the report's header. */
  public static MigrationStatus status(MigrationHistory history) {
    return new MigrationStatus(history.table(), history.exists(), history.appliedVersion().orElse(null),
        history.pending().stream().map(AppliedMigration::name).toList());
  }

  private static List<Finding> migrationFindings(MigrationHistory history) {
    List<Finding> findings = new ArrayList<>();
    String newest = history.appliedVersion().orElse(null);
    for (AppliedMigration m : history.migrations()) {
      String object = "migration " + (m.version() == null ? m.name() : "V" + m.version());
      String what = m.script() + " (" + m.description() + ")";
      switch (m.state()) {
        case CHECKSUM_MISMATCH -> findings.add(new Finding(Category.SCHEMA, Change.CHANGED, object, m.script()
            + " was edited after it was applied: checksum " + m.resolvedChecksum() + " in the repository, "
            + m.appliedChecksum() + " in " + history.table() + "; revert the edit and add a new migration"
            + " (or, if the edit changes nothing, flyway repair)", String.valueOf(m.resolvedChecksum()),
            String.valueOf(m.appliedChecksum()), DriftCase.CHECKSUM_MISMATCH));
        case UNKNOWN -> findings.add(new Finding(Category.SCHEMA, Change.ONLY_IN_TO, object, what
            + " is applied but the repository has no such migration; add its file to the repository, or undo it"
            + " and delete its row from " + history.table(), null, m.script(), DriftCase.UNKNOWN_MIGRATION));
        case FAILED -> findings.add(new Finding(Category.SCHEMA, Change.INVALID, object, what + " failed and is"
            + " left in " + history.table() + " (success = false); undo what it changed, then flyway repair removes"
            + " the row", null, m.script(), DriftCase.FAILED_MIGRATION));
        case OUT_OF_ORDER -> findings.add(new Finding(Category.SCHEMA, Change.ONLY_IN_FROM, object, what
            + " was never applied but is older than the applied V" + newest + ": flyway migrate refuses it;"
            + " give it a version above V" + newest, m.script(), null, DriftCase.OUT_OF_ORDER));
        default -> {
        }
      }
    }
    return findings;
  }
}
