package dev.parity.cli;

import dev.parity.drift.DriftReport;
import dev.parity.drift.ReportFormat;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How a drift command prints its report, and the exit code that goes with it. */
final class ReportOptions {

  @Option(names = "--format", paramLabel = "<text|markdown|json>", defaultValue = "text",
      description = "The report format: text (terminal), markdown (pull-request comment), json (machines)."
          + " Default: ${DEFAULT-VALUE}.")
  String format;

  /** Prints {@code report} and returns 0 without drift, 1 with. */
  int emit(DriftReport report, PrintWriter out) {
    out.print(format().render(report));
    out.flush();
    return report.hasDrift() ? 1 : 0;
  }

  ReportFormat format() {
    return switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "text" -> ReportFormat.TEXT;
      case "markdown", "md" -> ReportFormat.MARKDOWN;
      case "json" -> ReportFormat.JSON;
      default -> throw new dev.parity.core.ParityException(dev.parity.core.ErrorCode.USAGE, "--format '" + format
          + "' is not a report format; pass text, markdown or json");
    };
  }
}
