package dev.parity.runtime.internal;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.Mount;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * For an app built from the team's own Dockerfile, which Parity does not write: whether the user its image runs as
 * can write each path where the app gets a writable volume (named or anonymous). Docker fills a new volume from the
 * image's folder at that path, owner and mode included, and creates it owned by root when the image has no such
 * folder; a non-root user then cannot write there. Generated Dockerfiles create each such folder owned by the app's
 * user; a team's Dockerfile must do the same, which this check asks for, before any container starts.
 *
 * <p>The image is read without running it: a container is created (never started) and the folder's tar header from
 * Docker's archive API gives its owner and mode; the user's uid and gid come from the image's {@code /etc/passwd}.
 */
final class MountOwnership {

  private MountOwnership() {
  }

  /**
   * Refuses {@code app} when its image's user cannot write one of its writable volume paths.
   *
   * @throws ParityException {@link ErrorCode#USAGE} (exit 2) naming the app, each path, its owner and mode, the user
   *     and the Dockerfile line that fixes it
   */
  static void check(DockerOps docker, App app, ImageRef image, Map<String, String> labels) {
    List<String> targets = app.options().mounts().stream().filter(m -> !m.isBind() && !m.isReadOnly())
        .map(Mount::target).distinct().toList();
    if (app.buildKind() != BuildKind.DOCKERFILE || targets.isEmpty()) {
      return;
    }
    String user = Optional.ofNullable(docker.client().inspectImageCmd(image.toString()).exec().getConfig())
        .map(c -> c.getUser()).orElse("");
    if (isRoot(user)) {
      return;
    }
    String id = docker.client().createContainerCmd(image.toString()).withLabels(labels).exec().getId();
    try {
      long[] ids = ids(docker, id, user);
      List<String> problems = new ArrayList<>();
      for (String target : targets) {
        Optional<TarArchiveEntry> folder = entry(docker, id, target);
        String state;
        if (folder.isEmpty()) {
          state = "does not exist in the image, so Docker creates the volume owned by root";
        } else if (writable(folder.get(), ids)) {
          continue;
        } else {
          state = "is owned by uid " + folder.get().getLongUserId() + " (mode "
              + Integer.toOctalString(folder.get().getMode() & 07777) + ") in the image";
        }
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        problems.add("  " + target + " " + state + "; add `RUN mkdir -p " + target + " && chown " + name + " " + target
            + "` before `USER " + user + "`");
      }
      if (!problems.isEmpty()) {
        throw new ParityException(ErrorCode.USAGE, "app '" + app.name() + "' runs as user '" + user + "' (uid "
            + ids[0] + ") of its Dockerfile " + app.source() + "/" + app.dockerfilePath() + ", which cannot write to "
            + (problems.size() == 1 ? "the volume" : "the volumes") + " it mounts:\n" + String.join("\n", problems)
            + "\nParity does not change a team's Dockerfile; a volume created before the fix keeps its owner"
            + " (parity down --volumes removes it).");
      }
    } finally {
      docker.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    }
  }

  /** Root, by name or id, or no USER at all: writes anywhere. */
  private static boolean isRoot(String user) {
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    return name.isEmpty() || name.equals("root") || name.equals("0");
  }

  private static boolean writable(TarArchiveEntry folder, long[] ids) {
    int mode = folder.getMode();
    return folder.getLongUserId() == ids[0] && (mode & 0200) != 0
        || folder.getLongGroupId() == ids[1] && (mode & 0020) != 0
        || (mode & 0002) != 0;
  }

  /** The uid and gid of {@code user} ({@code name}, {@code uid}, {@code name:group} or {@code uid:gid}). */
  private static long[] ids(DockerOps docker, String container, String user) {
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    String group = user.contains(":") ? user.substring(user.indexOf(':') + 1) : null;
    long uid = -1;
    long gid = -1;
    if (name.matches("[0-9]+")) {
      uid = Long.parseLong(name);
    }
    for (String line : passwd(docker, container).lines().toList()) {
      String[] fields = line.split(":", -1);
      if (fields.length > 3 && (fields[0].equals(name) || fields[2].equals(name))) {
        uid = Long.parseLong(fields[2]);
        gid = Long.parseLong(fields[3]);
        break;
      }
    }
    if (group != null && group.matches("[0-9]+")) {
      gid = Long.parseLong(group);
    }
    return new long[] {uid, gid};
  }

  private static String passwd(DockerOps docker, String container) {
    try (InputStream in = docker.client().copyArchiveFromContainerCmd(container, "/etc/passwd").exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      return tar.getNextEntry() == null ? "" : new String(tar.readAllBytes(), StandardCharsets.UTF_8);
    } catch (NotFoundException e) {
      return "";
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot read /etc/passwd of the image: " + e.getMessage(), e);
    }
  }

  /** The tar header of {@code path} in the container's file system, or empty when there is no such path. */
  private static Optional<TarArchiveEntry> entry(DockerOps docker, String container, String path) {
    try (InputStream in = docker.client().copyArchiveFromContainerCmd(container, path).exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      return Optional.ofNullable(tar.getNextEntry());
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot read " + path + " of the image: " + e.getMessage(), e);
    }
  }
}
