package dev.parity.drift;

import java.util.List;
import java.util.Map;

/** The terminal rendering of a report. */
final class TextReport {

  private TextReport() {
  }

  static String render(DriftReport report) {
    StringBuilder out = new StringBuilder();
    out.append(capitalized(report.kind())).append(" drift: ").append(report.from()).append(" (from) vs ")
        .append(report.to()).append(" (to)\n");
    MigrationStatus migrations = report.migrations();
    if (migrations != null) {
      out.append(migrations.historyLine()).append('\n');
      if (migrations.pendingLine() != null) {
        out.append(migrations.pendingLine()).append('\n');
      }
    }
    if (!report.hasDrift()) {
      out.append("No drift.\n");
      return allowed(out, report).toString();
    }
    Map<String, List<Finding>> groups = report.byObject();
    out.append(count(report.findings().size(), "difference")).append(" in ")
        .append(count(groups.size(), "object")).append(":\n");
    if (migrations == null) {
      objects(out, groups, "");
      return allowed(out, report).toString();
    }
    // A history-aware report names each case, then its objects.
    for (DriftCase c : DriftCase.values()) {
      List<Finding> ofCase = report.findings().stream().filter(f -> f.driftCase() == c).toList();
      if (!ofCase.isEmpty()) {
        out.append("Drift: ").append(c.title()).append('\n');
        objects(out, new DriftReport(report.kind(), report.from(), report.to(), ofCase).byObject(), "  ");
      }
    }
    return out.toString();
  }

  /** The differences the spec declares, apart: never drift. */
  private static StringBuilder allowed(StringBuilder out, DriftReport report) {
    if (!report.allowed().isEmpty()) {
      out.append("Allowed, as the spec declares (").append(count(report.allowed().size(), "difference"))
          .append("):\n");
      objects(out, report.allowedByObject(), "");
    }
    return out;
  }

  private static void objects(StringBuilder out, Map<String, List<Finding>> groups, String indent) {
    groups.forEach((object, findings) -> {
      out.append(indent).append(object).append('\n');
      findings.forEach(f -> out.append(indent).append("  ").append(f.message()).append('\n'));
    });
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String capitalized(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
