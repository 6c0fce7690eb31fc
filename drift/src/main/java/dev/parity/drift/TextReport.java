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
    if (!report.hasDrift()) {
      return out.append("No drift.\n").toString();
    }
    Map<String, List<Finding>> groups = report.byObject();
    out.append(count(report.findings().size(), "difference")).append(" in ")
        .append(count(groups.size(), "object")).append(":\n");
    groups.forEach((object, findings) -> {
      out.append(object).append('\n');
      findings.forEach(f -> out.append("  ").append(f.message()).append('\n'));
    });
    return out.toString();
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String capitalized(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
