package dev.parity.drift.environments;

import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * One live environment against another, through every reader: both live schemas ({@link SchemaPair}), both
 * namespaces ({@link ClusterPair}), both environments' service versions ({@link ServicePair}). A difference the
 * spec declares (a knob, a per-environment value, a deviation, a release not promoted yet) is listed apart as
 * allowed; any other one is drift.
 *
 * <pre>{@code
 * DriftReport report = EnvironmentPair.report("staging (namespace shop-staging)", "production (namespace shop-production)",
 *     List.of(ClusterPair.compare(staging, production), SchemaPair.compare(...), ServicePair.compare(...)));
 * }</pre>
 */
public final class EnvironmentPair {

  private EnvironmentPair() {
  }

  /** The {@code environments} report of the layers, in their order; exit 1 exactly when one has drift. */
  public static DriftReport report(String from, String to, List<Layer> layers) {
    List<Finding> drift = new ArrayList<>();
    List<Finding> allowed = new ArrayList<>();
    for (Layer layer : layers) {
      drift.addAll(layer.drift());
      allowed.addAll(layer.allowed());
    }
    return new DriftReport("environments", from, to, drift, null, allowed);
  }
}
