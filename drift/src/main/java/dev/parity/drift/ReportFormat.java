package dev.parity.drift;

/** The formats a {@link DriftReport} renders to; see {@code docs/drift.md} for examples of each. */
public enum ReportFormat {
  /** For a terminal: one heading per object, one indented line per difference. */
  TEXT,
  /** For a pull-request comment or a CI job summary: a heading and a table. */
  MARKDOWN,
  /** For machines: a stable shape, {@code "version": 1}. */
  JSON;

  /** The report in this format, ending with a newline. */
  public String render(DriftReport report) {
    return switch (this) {
      case TEXT -> TextReport.render(report);
      case MARKDOWN -> MarkdownReport.render(report);
      case JSON -> JsonReport.render(report);
    };
  }
}
