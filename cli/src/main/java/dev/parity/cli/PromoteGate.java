package dev.parity.cli;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import dev.parity.drift.MigrationStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code parity promote} checks before it writes anything: the live schema of every database
 * with migrations in the target environment, through the history-aware gate of {@code drift schema
 * --spec --env} ({@link LiveSchemaGate}). Pending migrations are fine (the deploy applies them);
 * any case of drift refuses the promotion, so a release unit never moves onto a database changed by
 * hand, or whose history holds an edited, unknown or failed migration.
 */
final class PromoteGate {

  /** Promote's outcome when the target's live schema has drifted: exit 1, as a drift check's. */
  static final int REFUSED = 1;

  private PromoteGate() {
  }

  /**
   * Checks every migrated database of {@code target}; prints one line per database to {@code stdout}
   * and, when any has drifted, the refusal to {@code stderr}.
   *
   * @param spec the spec as the user named it, for the command the refusal suggests
   * @param urls the live JDBC URL by database service name ({@code --to-url db=jdbc:...}); a database
   *     not named here is reached at the environment's declared endpoint
   * @return whether the promotion may go on
   * @throws ParityException exit code 2 when a database cannot be reached or has no endpoint, or
   *     {@code urls} names a service that is not a database with migrations
   */
  static boolean passes(LoadedSpec loaded, String spec, String from, Environment target, Map<String, String> urls,
      PrintWriter stdout, PrintWriter stderr) {
    Stack stack = loaded.stack();
    List<Service> databases = stack.migratedDatabases();
    List<String> known = databases.stream().map(Service::name).toList();
    urls.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
      throw new ParityException(ErrorCode.USAGE, "--to-url " + name + "=...: '" + name + "' is not a database with"
          + " migrations of stack '" + stack.name() + "'; databases: " + (known.isEmpty() ? "none" : String.join(", ", known)));
    });
    List<String> refusals = new ArrayList<>();
    for (Service service : databases) {
      String url = urls.getOrDefault(service.name(), null);
      if (url == null && stack.addresses(target).host(service) == null) {
        throw new ParityException(ErrorCode.USAGE, "promote checks the live schema of '" + service.name() + "' in '"
            + target.name() + "' first, but the environment declares no endpoint for it; pass --to-url "
            + service.name() + "=<jdbc-url>, or declare .endpoint(\"" + service.name() + "\", host)");
      }
      DriftReport report = check(loaded, target, (Database) service, url);
      stdout.println("  live schema of " + service.name() + " in " + target.name() + ": " + summary(report));
      report.findings().forEach(f -> refusals.add(refusal(service.name(), target.name(), f)));
    }
    if (refusals.isEmpty()) {
      return true;
    }
    stderr.println("parity: promote " + from + " -> " + target.name() + " refused: the live schema of "
        + target.name() + " has drifted; nothing was written");
    refusals.forEach(line -> stderr.println("  " + line));
    stderr.println("fix: turn a hand-made change into a migration or revert it, restore an edited or missing"
        + " migration file, or repair a failed one; `parity drift schema --spec " + spec + " --env "
        + target.name() + "` shows the whole report; then promote again");
    return false;
  }

  private static DriftReport check(LoadedSpec loaded, Environment target, Database database, String url) {
    try {
      return LiveSchemaGate.check(loaded, LiveSchemaGate.of(target, loaded.stack(), database, url, null, null, null));
    } catch (ParityException e) {
      if (e.code() != ErrorCode.UNREACHABLE) {
        throw e;
      }
      throw new ParityException(ErrorCode.UNREACHABLE, "promote checks the live schema of '"
          + ((Service) database).name() + "' in '" + target.name() + "' first, and cannot: " + e.getMessage()
          + "; nothing was written", e);
    }
  }

  /** {@code applied up to V1, 1 pending: V2__add_name; the deploy applies it, no drift}, or the cases found. */
  private static String summary(DriftReport report) {
    MigrationStatus migrations = report.migrations();
    List<String> parts = new ArrayList<>();
    if (migrations != null) {
      String history = migrations.historyLine();
      parts.add(history.substring(history.indexOf(": ") + 2));
      if (migrations.pendingLine() != null) {
        parts.add(migrations.pendingLine());
      }
    }
    parts.add(report.hasDrift() ? "drift (" + report.cases().stream().filter(c -> !c.equals("pending"))
        .collect(Collectors.joining(", ")) + ")" : "no drift");
    return String.join(", ", parts);
  }

  /** {@code db in production: schema differs from its applied migrations (schema_differs): table users: column …}. */
  private static String refusal(String database, String environment, Finding finding) {
    String title = finding.driftCase() == null ? "differs" : finding.driftCase().title() + " ("
        + finding.driftCase().id() + ")";
    return database + " in " + environment + ": " + title + ": " + finding.object() + ": " + finding.message();
  }
}
