package dev.parity.runtime.internal;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.StackRemoval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Removes what starts of a stack left, found by labels: containers (with their anonymous volumes),
 * networks, the secret files of their runs, the volumes of runs that kept none, and, when asked,
 * the named volumes that outlive the stack (compose's {@code down --volumes}).
 */
public final class Cleanup {

  private Cleanup() {
  }

  /**
   * @param labels the stack's labels (every run), or one run's
   * @param projectFolder where the runs' {@code .parity/secrets} folders are
   * @param namedVolumes whether the named volumes kept across runs go too
   */
  public static StackRemoval remove(DockerOps docker, Map<String, String> labels, Path projectFolder,
      boolean namedVolumes) {
    Set<String> runs = new LinkedHashSet<>();
    docker.containers(labels).stream().map(Container::getLabels).filter(Objects::nonNull)
        .map(l -> l.get(StackLabels.RUN)).filter(Objects::nonNull).forEach(runs::add);
    docker.networks(labels).stream().map(Network::getLabels).filter(Objects::nonNull)
        .map(l -> l.get(StackLabels.RUN)).filter(Objects::nonNull).forEach(runs::add);
    int removed = docker.removeAll(labels);
    runs.forEach(run -> SecretFiles.delete(projectFolder, run));
    List<String> removedVolumes = new ArrayList<>(docker.removeVolumes(labels, StackLabels.RUN));
    List<String> kept = List.of();
    if (namedVolumes) {
      removedVolumes.addAll(docker.removeVolumes(labels));
      String environment = labels.get(StackLabels.ENVIRONMENT);
      if (environment != null) {
        LocalSecrets.forget(projectFolder, environment);
      }
    } else {
      kept = docker.volumes(labels);
    }
    return new StackRemoval(removed, removedVolumes, kept);
  }
}
