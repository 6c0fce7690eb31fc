package dev.parity.drift.environments;

import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.Finding;
import dev.parity.drift.services.ServiceVersions;
import dev.parity.drift.services.VersionRule;
import java.util.ArrayList;
import java.util.List;

/**
 * One declared service's live version in two environments. A version is declared once for every environment,
 * never per environment, so each side that runs another engine or version than declared is drift
 * ({@link ServiceVersions#finding}), and so are two sides that both match a declared major version but run
 * different releases of it (14.9 in staging, 14.11 in production, against a declared {@code 14}): the seed's
 * first pitfall.
 */
public final class ServicePair {

  private ServicePair() {
  }

  /** The service layer of one service, seen in {@code a} ({@code seenA}) and {@code b} ({@code seenB}). */
  public static Layer compare(String a, ServiceVersions.Observed seenA, String b, ServiceVersions.Observed seenB) {
    List<Finding> drift = new ArrayList<>();
    ServiceVersions.finding(seenA.service(), seenA.reported()).ifPresent(f -> drift.add(side(a, f, true)));
    ServiceVersions.finding(seenB.service(), seenB.reported()).ifPresent(f -> drift.add(side(b, f, false)));
    String runsA = VersionRule.number(seenA.reported()).orElse(seenA.reported());
    String runsB = VersionRule.number(seenB.reported()).orElse(seenB.reported());
    if (drift.isEmpty() && !runsA.equals(runsB)) {
      drift.add(new Finding(Category.SERVICE, Change.CHANGED, "service " + seenA.service().service(),
          seenA.service().engineLabel() + " " + runsA + " in " + a + ", " + runsB + " in " + b + "; both match the"
              + " declared " + seenA.service().declared() + ", but the environments run different versions: declare"
              + " the exact version both should run", runsA, runsB));
    }
    return new Layer(drift, List.of());
  }

  private static Finding side(String environment, Finding f, boolean first) {
    return new Finding(f.category(), f.change(), f.object(), environment + ": " + f.message(),
        first ? f.to() : null, first ? null : f.to());
  }
}
