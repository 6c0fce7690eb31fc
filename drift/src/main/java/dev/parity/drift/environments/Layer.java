package dev.parity.drift.environments;

import dev.parity.drift.Finding;
import java.util.List;

/**
 * What one reader found between two live environments: the differences no knob or deviation declares
 * ({@code drift}) and the ones the spec declares ({@code allowed}), each a {@link Finding} whose {@code from} is
 * the first environment's value and {@code to} the second's.
 */
public record Layer(List<Finding> drift, List<Finding> allowed) {

  public Layer {
    drift = List.copyOf(drift);
    allowed = List.copyOf(allowed);
  }
}
