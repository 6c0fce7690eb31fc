package dev.parity.drift;

/** The Markdown rendering of a report: a heading, a summary line and one table row per difference. */
final class MarkdownReport {

  private MarkdownReport() {
  }

  static String render(DriftReport report) {
    StringBuilder out = new StringBuilder();
    out.append("### Parity drift: ").append(report.kind()).append("\n\n");
    out.append("from ").append(code(report.from())).append(" to ").append(code(report.to())).append("\n\n");
    MigrationStatus migrations = report.migrations();
    if (migrations != null) {
      out.append(cell(migrations.historyLine())).append("\n\n");
      if (migrations.pendingLine() != null) {
        out.append(":information_source: ").append(cell(migrations.pendingLine())).append("\n\n");
      }
    }
    if (!report.hasDrift()) {
      out.append(":white_check_mark: No drift.\n");
      return allowed(out, report).toString();
    }
    out.append(":x: **").append(TextReport.count(report.findings().size(), "difference")).append(" in ")
        .append(TextReport.count(report.byObject().size(), "object")).append("**\n\n");
    if (migrations == null) {
      out.append("| object | difference | from | to |\n|---|---|---|---|\n");
      rows(out, report.byObject());
      return allowed(out, report).toString();
    }
    out.append("| case | object | difference | from | to |\n|---|---|---|---|---|\n");
    for (DriftCase c : DriftCase.values()) {
      report.findings().stream().filter(f -> f.driftCase() == c).forEach(f -> out.append("| ").append(cell(c.title()))
          .append(" | ").append(cell(f.object())).append(" | ").append(cell(f.message())).append(" | ")
          .append(value(f.from())).append(" | ").append(value(f.to())).append(" |\n"));
    }
    return out.toString();
  }

  /** The differences the spec declares, in a table of their own: never drift. */
  private static StringBuilder allowed(StringBuilder out, DriftReport report) {
    if (!report.allowed().isEmpty()) {
      out.append("\n:information_source: **Allowed, as the spec declares (")
          .append(TextReport.count(report.allowed().size(), "difference")).append(")**\n\n")
          .append("| object | difference | from | to |\n|---|---|---|---|\n");
      rows(out, report.allowedByObject());
    }
    return out;
  }

  private static void rows(StringBuilder out, java.util.Map<String, java.util.List<Finding>> groups) {
    groups.forEach((object, findings) -> findings.forEach(f -> out.append("| ").append(cell(object))
        .append(" | ").append(cell(f.message())).append(" | ").append(value(f.from())).append(" | ")
        .append(value(f.to())).append(" |\n")));
  }

  private static String value(String text) {
    return text == null ? "" : code(text);
  }

  /** Inline code that survives any backticks inside by using a longer fence. */
  private static String code(String text) {
    String flat = cellText(text);
    String fence = flat.contains("`") ? "`` " : "`";
    String close = flat.contains("`") ? " ``" : "`";
    return fence + flat + close;
  }

  private static String cell(String text) {
    return cellText(text).replace("*", "\\*").replace("_", "\\_");
  }

  private static String cellText(String text) {
    return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
  }
}
