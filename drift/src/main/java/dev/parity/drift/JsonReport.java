package dev.parity.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON rendering of a report; its shape is documented in {@code docs/drift.md} and only grows. */
final class JsonReport {

  /** Bumped only when a field changes meaning or disappears. */
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {
  }

  static String render(DriftReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("kind", report.kind());
    root.put("from", report.from());
    root.put("to", report.to());
    root.put("drift", report.hasDrift());
    root.put("count", report.findings().size());
    MigrationStatus migrations = report.migrations();
    if (migrations != null) {
      ArrayNode cases = root.putArray("cases");
      report.cases().forEach(cases::add);
      ObjectNode history = root.putObject("migrations");
      history.put("history_table", migrations.historyTable());
      history.put("history_exists", migrations.historyExists());
      history.put("applied_version", migrations.appliedVersion());
      ArrayNode pending = history.putArray("pending");
      migrations.pending().forEach(pending::add);
    }
    findings(root.putArray("findings"), report.findings());
    if (!report.allowed().isEmpty()) {
      // Only in a report of one environment against another: what the spec declares may differ.
      findings(root.putArray("allowed"), report.allowed());
    }
    try {
      return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private static void findings(ArrayNode findings, java.util.List<Finding> list) {
    for (Finding f : list) {
      ObjectNode node = findings.addObject();
      node.put("category", f.category().id());
      node.put("change", f.change().id());
      node.put("object", f.object());
      node.put("message", f.message());
      node.put("from", f.from());
      node.put("to", f.to());
      if (f.driftCase() != null) {
        node.put("case", f.driftCase().id());
      }
    }
  }
}
