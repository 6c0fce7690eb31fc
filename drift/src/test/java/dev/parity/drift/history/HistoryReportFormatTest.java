package dev.parity.drift.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import dev.parity.drift.ReportFormat;
import dev.parity.drift.history.AppliedMigration.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: each case of the history-aware schema gate as text, Markdown and JSON report it, from the reports
 * {@link HistoryGate} builds; docs/drift.md quotes these lines. Pending migrations are information (no drift,
 * exit 0); the other cases are drift, each named.
 */
class HistoryReportFormatTest {

  static final String TABLE = "public.flyway_schema_history";

  static AppliedMigration v1() {
    return new AppliedMigration("1", "V1__create_users.sql", "create users", State.APPLIED, 100, 100);
  }

  static DriftReport clean() {
    return new DriftReport("schema", "migrations of db (applied up to V1)", "staging", List.of());
  }

  static DriftReport pending() {
    return HistoryGate.report(new MigrationHistory(TABLE, true, List.of(v1(),
        new AppliedMigration("2", "V2__add_name.sql", "add name", State.PENDING, null, 200))), clean());
  }

  static DriftReport schemaDiffers() {
    return HistoryGate.report(new MigrationHistory(TABLE, true, List.of(v1())),
        new DriftReport("schema", "migrations of db (applied up to V1)", "production", List.of(new Finding(Category.SCHEMA,
            Change.ONLY_IN_TO, "table users", "column phone exists only in --to", null, null))));
  }

  static DriftReport checksum() {
    return HistoryGate.report(new MigrationHistory(TABLE, true, List.of(
        new AppliedMigration("1", "V1__create_users.sql", "create users", State.CHECKSUM_MISMATCH, 100, 101))), clean());
  }

  static DriftReport unknown() {
    return HistoryGate.report(new MigrationHistory(TABLE, true, List.of(v1(),
        new AppliedMigration("3", "V3__hotfix.sql", "hotfix", State.UNKNOWN, 300, null))), clean());
  }

  static DriftReport failed() {
    return HistoryGate.report(new MigrationHistory(TABLE, true, List.of(v1(),
        new AppliedMigration("2", "V2__add_name.sql", "add name", State.FAILED, 200, 200))), clean());
  }

  @Test
  void pendingMigrationsAreInformationNotDrift() {
    DriftReport report = pending();
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("Schema drift: migrations of db (applied up to V1) (from) vs staging (to)\n"
        + "Migration history public.flyway_schema_history: applied up to V1\n"
        + "1 pending: V2__add_name; the deploy applies it\n"
        + "No drift.\n");
    assertThat(ReportFormat.MARKDOWN.render(report)).isEqualTo("### Parity drift: schema\n"
        + "\n"
        + "from `migrations of db (applied up to V1)` to `staging`\n"
        + "\n"
        + "Migration history public.flyway\\_schema\\_history: applied up to V1\n"
        + "\n"
        + ":information_source: 1 pending: V2\\_\\_add\\_name; the deploy applies it\n"
        + "\n"
        + ":white_check_mark: No drift.\n");
    assertThat(ReportFormat.JSON.render(report)).isEqualTo("{\n"
        + "  \"version\" : 1,\n"
        + "  \"kind\" : \"schema\",\n"
        + "  \"from\" : \"migrations of db (applied up to V1)\",\n"
        + "  \"to\" : \"staging\",\n"
        + "  \"drift\" : false,\n"
        + "  \"count\" : 0,\n"
        + "  \"cases\" : [ \"pending\" ],\n"
        + "  \"migrations\" : {\n"
        + "    \"history_table\" : \"public.flyway_schema_history\",\n"
        + "    \"history_exists\" : true,\n"
        + "    \"applied_version\" : \"1\",\n"
        + "    \"pending\" : [ \"V2__add_name\" ]\n"
        + "  },\n"
        + "  \"findings\" : [ ]\n"
        + "}\n");
  }

  @Test
  void aSchemaChangedByHandIsCaseSchemaDiffers() {
    DriftReport report = schemaDiffers();
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("Schema drift: migrations of db (applied up to V1) (from) vs production (to)\n"
        + "Migration history public.flyway_schema_history: applied up to V1\n"
        + "1 difference in 1 object:\n"
        + "Drift: schema differs from its applied migrations\n"
        + "  table users\n"
        + "    column phone exists only in --to\n");
    assertThat(ReportFormat.MARKDOWN.render(report)).isEqualTo("### Parity drift: schema\n"
        + "\n"
        + "from `migrations of db (applied up to V1)` to `production`\n"
        + "\n"
        + "Migration history public.flyway\\_schema\\_history: applied up to V1\n"
        + "\n"
        + ":x: **1 difference in 1 object**\n"
        + "\n"
        + "| case | object | difference | from | to |\n"
        + "|---|---|---|---|---|\n"
        + "| schema differs from its applied migrations | table users | column phone exists only in --to |  |  |\n");
    assertThat(ReportFormat.JSON.render(report)).isEqualTo("{\n"
        + "  \"version\" : 1,\n"
        + "  \"kind\" : \"schema\",\n"
        + "  \"from\" : \"migrations of db (applied up to V1)\",\n"
        + "  \"to\" : \"production\",\n"
        + "  \"drift\" : true,\n"
        + "  \"count\" : 1,\n"
        + "  \"cases\" : [ \"schema_differs\" ],\n"
        + "  \"migrations\" : {\n"
        + "    \"history_table\" : \"public.flyway_schema_history\",\n"
        + "    \"history_exists\" : true,\n"
        + "    \"applied_version\" : \"1\",\n"
        + "    \"pending\" : [ ]\n"
        + "  },\n"
        + "  \"findings\" : [ {\n"
        + "    \"category\" : \"schema\",\n"
        + "    \"change\" : \"only_in_to\",\n"
        + "    \"object\" : \"table users\",\n"
        + "    \"message\" : \"column phone exists only in --to\",\n"
        + "    \"from\" : null,\n"
        + "    \"to\" : null,\n"
        + "    \"case\" : \"schema_differs\"\n"
        + "  } ]\n"
        + "}\n");
  }

  @Test
  void anEditedAppliedMigrationIsCaseChecksumMismatch() {
    DriftReport report = checksum();
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("Schema drift: migrations of db (applied up to V1) (from) vs staging (to)\n"
        + "Migration history public.flyway_schema_history: applied up to V1\n"
        + "1 difference in 1 object:\n"
        + "Drift: applied migration edited after it ran (checksum differs)\n"
        + "  migration V1\n"
        + "    V1__create_users.sql was edited after it was applied: checksum 101 in the repository, 100 in public.flyway_schema_history; revert the edit and add a new migration (or, if the edit changes nothing, flyway repair)\n");
    assertThat(ReportFormat.MARKDOWN.render(report)).isEqualTo("### Parity drift: schema\n"
        + "\n"
        + "from `migrations of db (applied up to V1)` to `staging`\n"
        + "\n"
        + "Migration history public.flyway\\_schema\\_history: applied up to V1\n"
        + "\n"
        + ":x: **1 difference in 1 object**\n"
        + "\n"
        + "| case | object | difference | from | to |\n"
        + "|---|---|---|---|---|\n"
        + "| applied migration edited after it ran (checksum differs) | migration V1 | V1\\_\\_create\\_users.sql was edited after it was applied: checksum 101 in the repository, 100 in public.flyway\\_schema\\_history; revert the edit and add a new migration (or, if the edit changes nothing, flyway repair) | `101` | `100` |\n");
    assertThat(ReportFormat.JSON.render(report)).isEqualTo("{\n"
        + "  \"version\" : 1,\n"
        + "  \"kind\" : \"schema\",\n"
        + "  \"from\" : \"migrations of db (applied up to V1)\",\n"
        + "  \"to\" : \"staging\",\n"
        + "  \"drift\" : true,\n"
        + "  \"count\" : 1,\n"
        + "  \"cases\" : [ \"checksum_mismatch\" ],\n"
        + "  \"migrations\" : {\n"
        + "    \"history_table\" : \"public.flyway_schema_history\",\n"
        + "    \"history_exists\" : true,\n"
        + "    \"applied_version\" : \"1\",\n"
        + "    \"pending\" : [ ]\n"
        + "  },\n"
        + "  \"findings\" : [ {\n"
        + "    \"category\" : \"schema\",\n"
        + "    \"change\" : \"changed\",\n"
        + "    \"object\" : \"migration V1\",\n"
        + "    \"message\" : \"V1__create_users.sql was edited after it was applied: checksum 101 in the repository, 100 in public.flyway_schema_history; revert the edit and add a new migration (or, if the edit changes nothing, flyway repair)\",\n"
        + "    \"from\" : \"101\",\n"
        + "    \"to\" : \"100\",\n"
        + "    \"case\" : \"checksum_mismatch\"\n"
        + "  } ]\n"
        + "}\n");
  }

  @Test
  void anAppliedMigrationTheRepositoryLacksIsCaseUnknownMigration() {
    DriftReport report = unknown();
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("Schema drift: migrations of db (applied up to V1) (from) vs staging (to)\n"
        + "Migration history public.flyway_schema_history: applied up to V1\n"
        + "1 difference in 1 object:\n"
        + "Drift: applied migration unknown to the repository\n"
        + "  migration V3\n"
        + "    V3__hotfix.sql (hotfix) is applied but the repository has no such migration; add its file to the repository, or undo it and delete its row from public.flyway_schema_history\n");
    assertThat(ReportFormat.MARKDOWN.render(report)).isEqualTo("### Parity drift: schema\n"
        + "\n"
        + "from `migrations of db (applied up to V1)` to `staging`\n"
        + "\n"
        + "Migration history public.flyway\\_schema\\_history: applied up to V1\n"
        + "\n"
        + ":x: **1 difference in 1 object**\n"
        + "\n"
        + "| case | object | difference | from | to |\n"
        + "|---|---|---|---|---|\n"
        + "| applied migration unknown to the repository | migration V3 | V3\\_\\_hotfix.sql (hotfix) is applied but the repository has no such migration; add its file to the repository, or undo it and delete its row from public.flyway\\_schema\\_history |  | `V3__hotfix.sql` |\n");
    assertThat(ReportFormat.JSON.render(report)).isEqualTo("{\n"
        + "  \"version\" : 1,\n"
        + "  \"kind\" : \"schema\",\n"
        + "  \"from\" : \"migrations of db (applied up to V1)\",\n"
        + "  \"to\" : \"staging\",\n"
        + "  \"drift\" : true,\n"
        + "  \"count\" : 1,\n"
        + "  \"cases\" : [ \"unknown_migration\" ],\n"
        + "  \"migrations\" : {\n"
        + "    \"history_table\" : \"public.flyway_schema_history\",\n"
        + "    \"history_exists\" : true,\n"
        + "    \"applied_version\" : \"1\",\n"
        + "    \"pending\" : [ ]\n"
        + "  },\n"
        + "  \"findings\" : [ {\n"
        + "    \"category\" : \"schema\",\n"
        + "    \"change\" : \"only_in_to\",\n"
        + "    \"object\" : \"migration V3\",\n"
        + "    \"message\" : \"V3__hotfix.sql (hotfix) is applied but the repository has no such migration; add its file to the repository, or undo it and delete its row from public.flyway_schema_history\",\n"
        + "    \"from\" : null,\n"
        + "    \"to\" : \"V3__hotfix.sql\",\n"
        + "    \"case\" : \"unknown_migration\"\n"
        + "  } ]\n"
        + "}\n");
  }

  @Test
  void aFailedMigrationLeftInTheHistoryIsCaseFailedMigration() {
    DriftReport report = failed();
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("Schema drift: migrations of db (applied up to V1) (from) vs staging (to)\n"
        + "Migration history public.flyway_schema_history: applied up to V1\n"
        + "1 difference in 1 object:\n"
        + "Drift: failed migration left in the history\n"
        + "  migration V2\n"
        + "    V2__add_name.sql (add name) failed and is left in public.flyway_schema_history (success = false); undo what it changed, then flyway repair removes the row\n");
    assertThat(ReportFormat.MARKDOWN.render(report)).isEqualTo("### Parity drift: schema\n"
        + "\n"
        + "from `migrations of db (applied up to V1)` to `staging`\n"
        + "\n"
        + "Migration history public.flyway\\_schema\\_history: applied up to V1\n"
        + "\n"
        + ":x: **1 difference in 1 object**\n"
        + "\n"
        + "| case | object | difference | from | to |\n"
        + "|---|---|---|---|---|\n"
        + "| failed migration left in the history | migration V2 | V2\\_\\_add\\_name.sql (add name) failed and is left in public.flyway\\_schema\\_history (success = false); undo what it changed, then flyway repair removes the row |  | `V2__add_name.sql` |\n");
    assertThat(ReportFormat.JSON.render(report)).isEqualTo("{\n"
        + "  \"version\" : 1,\n"
        + "  \"kind\" : \"schema\",\n"
        + "  \"from\" : \"migrations of db (applied up to V1)\",\n"
        + "  \"to\" : \"staging\",\n"
        + "  \"drift\" : true,\n"
        + "  \"count\" : 1,\n"
        + "  \"cases\" : [ \"failed_migration\" ],\n"
        + "  \"migrations\" : {\n"
        + "    \"history_table\" : \"public.flyway_schema_history\",\n"
        + "    \"history_exists\" : true,\n"
        + "    \"applied_version\" : \"1\",\n"
        + "    \"pending\" : [ ]\n"
        + "  },\n"
        + "  \"findings\" : [ {\n"
        + "    \"category\" : \"schema\",\n"
        + "    \"change\" : \"invalid\",\n"
        + "    \"object\" : \"migration V2\",\n"
        + "    \"message\" : \"V2__add_name.sql (add name) failed and is left in public.flyway_schema_history (success = false); undo what it changed, then flyway repair removes the row\",\n"
        + "    \"from\" : null,\n"
        + "    \"to\" : \"V2__add_name.sql\",\n"
        + "    \"case\" : \"failed_migration\"\n"
        + "  } ]\n"
        + "}\n");
  }
}
