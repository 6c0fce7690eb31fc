package dev.parity.runtime;

import java.util.List;

/**
 * What {@code parity down} (or closing a {@link RunningStack}) removed and what it kept.
 *
 * @param containersAndNetworks how many containers and networks were removed
 * @param removedVolumes the Docker names of the named volumes removed
 * @param keptVolumes the Docker names of the named volumes kept, like compose keeps them without
 *     {@code down --volumes}
 */
public record StackRemoval(int containersAndNetworks, List<String> removedVolumes, List<String> keptVolumes) {

  public StackRemoval {
    removedVolumes = List.copyOf(removedVolumes);
    keptVolumes = List.copyOf(keptVolumes);
  }
}
