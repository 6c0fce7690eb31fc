package dev.parity.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one drift check: what was compared and every difference found, in a stable order.
 *
 * <pre>{@code
 * DriftReport report = SchemaDrift.compare(expected, actual, "--from", "--to");
 * System.out.print(ReportFormat.TEXT.render(report));
 * System.exit(report.hasDrift() ? 1 : 0);
 * }</pre>
 *
 * @param kind what was compared: {@code schema}, {@code containers} or {@code config}
 * @param from what the {@code from} side is, for example a JDBC URL without its password
 * @param to what the {@code to} side is
 * @param findings every difference, grouped by object in the order found
 * @param migrations what the live migration history says, in a history-aware schema report
 *     ({@code drift schema --spec}); {@code null} in every other report
 * @param allowed the differences the spec declares (knobs, per-environment values, deviations, a release not
 *     promoted yet), listed apart and never drift: in a report of one environment against another
 *     ({@code drift envs}); empty in every other report
 */
public record DriftReport(String kind, String from, String to, List<Finding> findings, MigrationStatus migrations,
    List<Finding> allowed) {

  public DriftReport {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    findings = List.copyOf(findings);
    allowed = List.copyOf(allowed);
  }

  /** A report without migration history. */
  public DriftReport(String kind, String from, String to, List<Finding> findings) {
    this(kind, from, to, findings, null, List.of());
  }

  /** A report with migration history and nothing allowed apart. */
  public DriftReport(String kind, String from, String to, List<Finding> findings, MigrationStatus migrations) {
    this(kind, from, to, findings, migrations, List.of());
  }

  /**
   * The cases a history-aware report holds, for JSON's {@code cases}: {@code pending} first when
   * migrations are pending, then each {@link DriftCase} found, in the enum's order. Empty otherwise.
   */
  public List<String> cases() {
    List<String> cases = new ArrayList<>();
    if (migrations != null && !migrations.pending().isEmpty()) {
      cases.add("pending");
    }
    for (DriftCase c : DriftCase.values()) {
      if (findings.stream().anyMatch(f -> f.driftCase() == c)) {
        cases.add(c.id());
      }
    }
    return List.copyOf(cases);
  }

  /** Whether anything differs. */
  public boolean hasDrift() {
    return !findings.isEmpty();
  }

  /** The findings grouped by object, objects in the order of their first finding. */
  public Map<String, List<Finding>> byObject() {
    return grouped(findings);
  }

  /** The allowed differences grouped by object, as {@link #byObject}. */
  public Map<String, List<Finding>> allowedByObject() {
    return grouped(allowed);
  }

  private static Map<String, List<Finding>> grouped(List<Finding> list) {
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    list.forEach(f -> groups.computeIfAbsent(f.object(), o -> new ArrayList<>()).add(f));
    return groups;
  }
}
