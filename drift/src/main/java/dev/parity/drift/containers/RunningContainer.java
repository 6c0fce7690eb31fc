package dev.parity.drift.containers;

import java.util.List;
import java.util.Set;

/**
 * A running container of a stack, as Docker reports it; environment values are never kept.
 *
 * @param service the service it runs, from its {@code dev.parity.service} or {@code com.docker.compose.service} label
 * @param name the container name
 * @param image the image reference it was started from
 * @param repoDigests the digests of its image ({@code repo@sha256:…}), empty for an image never pushed or pulled
 * @param environmentKeys the names of its environment variables
 * @param imageEnvironmentKeys the names of the variables its image sets itself ({@code PATH}, {@code PG_VERSION}, …)
 */
public record RunningContainer(String service, String name, String image, List<String> repoDigests,
    Set<String> environmentKeys, Set<String> imageEnvironmentKeys) {

  public RunningContainer {
    repoDigests = List.copyOf(repoDigests);
    environmentKeys = Set.copyOf(environmentKeys);
    imageEnvironmentKeys = Set.copyOf(imageEnvironmentKeys);
  }
}
