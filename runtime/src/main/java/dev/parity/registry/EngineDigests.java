package dev.parity.registry;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.runtime.internal.DockerProbe;
import java.io.IOException;
import java.util.List;

/**
 * Manifest digests from the local Docker engine: the {@code RepoDigests} entry of the local image
 * whose repository is the image's, as {@code docker inspect} lists it after a pull or a push. An
 * image that was only built or tagged here has none, and is refused: its digest would be a guess.
 */
final class EngineDigests implements ImageDigests {

  @Override
  public String digest(ImageRef image) {
    DockerClient client = DockerProbe.connect();
    try {
      List<String> repoDigests;
      try {
        repoDigests = client.inspectImageCmd(image.toString()).exec().getRepoDigests();
      } catch (NotFoundException e) {
        throw new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image '" + image + "' is not on the local Docker"
            + " engine; `docker pull " + image + "` first, or resolve it at the registry");
      }
      String repository = canonical(image);
      return (repoDigests == null ? List.<String>of() : repoDigests).stream()
          .filter(d -> d.contains("@") && canonical(ImageRef.parse(d)).equals(repository))
          .map(d -> d.substring(d.indexOf('@') + 1)).findFirst()
          .orElseThrow(() -> new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image '" + image + "' on the local"
              + " Docker engine has no registry digest for " + repository + " (RepoDigests: " + repoDigests
              + "): it was built or tagged here, not pulled; `docker pull " + image + "` first"));
    } finally {
      try {
        client.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }

  /** {@code registry/repository} with Docker Hub's defaults spelled out. */
  static String canonical(ImageRef image) {
    String registry = image.registry().orElse("docker.io");
    String repository = image.repository();
    if (registry.equals("docker.io") && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    return registry + "/" + repository;
  }
}
