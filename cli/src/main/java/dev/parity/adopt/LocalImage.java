package dev.parity.adopt;

import java.util.List;

/**
 * One image of the local Docker engine as {@code docker image ls} / {@code docker inspect} lists it.
 *
 * @param id the image id ({@code sha256:…})
 * @param repoTags its {@code RepoTags} ({@code postgres:15.18-bookworm}, {@code postgres:latest})
 * @param repoDigests its {@code RepoDigests} ({@code nginx@sha256:…}); empty for an image built or tagged here
 */
public record LocalImage(String id, List<String> repoTags, List<String> repoDigests) {

  public LocalImage {
    repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
    repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
  }
}
