package dev.parity.adopt;

import java.util.HashSet;
import java.util.Set;

/**
 * Host ports of the imported stack. Parity publishes every app and database locally, also those the
 * compose file did not publish; such a port moves to the next free one when the compose file (or an
 * earlier service) already publishes it, so that the spec has no port clash.
 */
final class HostPorts {

  private final Set<Integer> taken = new HashSet<>();

  void take(int port) {
    taken.add(port);
  }

  boolean isTaken(int port) {
    return taken.contains(port);
  }

  /** {@code wanted}, or the next free port above it; taken from then on. */
  int allocate(int wanted) {
    int port = wanted;
    while (taken.contains(port)) {
      port++;
    }
    taken.add(port);
    return port;
  }
}
