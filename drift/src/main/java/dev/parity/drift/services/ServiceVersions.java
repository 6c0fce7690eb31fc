package dev.parity.drift.services;

import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The declared services of an environment against the versions their live servers report
 * ({@link ServerVersions}), by {@link VersionRule}: another version is drift, and so is another engine (a
 * MySQL server where the spec declares MariaDB, or the reverse; MariaDB's {@code VERSION()} says
 * {@code MariaDB}, MySQL's does not).
 *
 * <pre>{@code
 * List<ServiceVersions.Observed> seen = services.stream()
 *     .map(s -> new ServiceVersions.Observed(s, ServerVersions.read(s))).toList();
 * DriftReport report = ServiceVersions.report(seen, "Shop.java (production)", "environment production");
 * }</pre>
 */
public final class ServiceVersions {

  private ServiceVersions() {
  }

  /** A service and what its server reported. */
  public record Observed(LiveService service, String reported) {
  }

  /** The {@code services} report: one finding per service whose server runs another engine or version. */
  public static DriftReport report(List<Observed> observed, String from, String to) {
    List<Finding> findings = new ArrayList<>();
    for (Observed o : observed) {
      finding(o.service(), o.reported()).ifPresent(findings::add);
    }
    return new DriftReport("services", from, to, findings);
  }

  /**
   * The finding for {@code service} whose server reported {@code reported}, if it differs from the
   * declaration. Its object is {@code service <name>}; {@code from} is the declared version, {@code to} the
   * running one.
   */
  public static Optional<Finding> finding(LiveService service, String reported) {
    String label = service.engineLabel();
    String running = VersionRule.number(reported).orElse(reported);
    boolean mariadb = reported != null && reported.contains("MariaDB");
    String object = "service " + service.service();
    if (service.engine().equals("mariadb") && !mariadb || service.engine().equals("mysql") && mariadb) {
      String runs = mariadb ? "MariaDB" : "MySQL";
      return Optional.of(new Finding(Category.SERVICE, Change.CHANGED, object, label + " " + service.declared()
          + " declared, but the server is " + runs + " " + running + "; run the declared engine, or declare "
          + (mariadb ? "MySql.mariadb" : "MySql.mysql") + "(\"" + service.service() + "\", \"" + running + "\")",
          label + " " + service.declared(), runs + " " + running));
    }
    if (VersionRule.matches(service.declared(), reported)) {
      return Optional.empty();
    }
    return Optional.of(new Finding(Category.SERVICE, Change.CHANGED, object, label + " version: " + service.declared()
        + " declared, the server runs " + running + "; move the managed engine to " + service.declared()
        + ", or declare the version it runs", service.declared(), running));
  }
}
