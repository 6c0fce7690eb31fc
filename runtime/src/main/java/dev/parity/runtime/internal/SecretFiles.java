package dev.parity.runtime.internal;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The secret files of one start, under {@code <project>/.parity/secrets/<run>/}: written before
 * the containers that mount them start, deleted when the stack is removed.
 *
 * <p>The run's folder is {@code 0700}, so no other user of the machine reaches the files; the
 * files themselves are {@code 0444}, because the container reads them through a bind mount as
 * whatever user its image runs as (the Node.js images' {@code node}, uid 1000), which is rarely
 * the owner on the host. Compose's file secrets are bind mounts too and behave the same.
 */
final class SecretFiles {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private SecretFiles() {
  }

  /** The folder of run {@code runId}'s secret files. */
  static Path folder(Path projectFolder, String runId) {
    return root(projectFolder).resolve(runId).toAbsolutePath().normalize();
  }

  private static Path root(Path projectFolder) {
    return projectFolder.resolve(".parity").resolve("secrets");
  }

  /** Writes each file; the run's folder is created {@code 0700}, with a {@code .gitignore} beside it. */
  static void write(Map<Path, String> files) {
    for (Map.Entry<Path, String> file : files.entrySet()) {
      try {
        Path folder = file.getKey().getParent();
        if (!Files.isDirectory(folder)) {
          Files.createDirectories(folder.getParent());
          Path ignore = folder.getParent().resolve(".gitignore");
          if (!Files.exists(ignore)) {
            Files.writeString(ignore, "*\n", StandardCharsets.UTF_8);
          }
          if (POSIX) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
          } else {
            Files.createDirectories(folder);
          }
        }
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
        if (POSIX) {
          Files.setPosixFilePermissions(file.getKey(), PosixFilePermissions.fromString("r--r--r--"));
        }
      } catch (IOException e) {
        throw new ParityException(ErrorCode.IO, "cannot write the secret file '" + file.getKey() + "': " + e.getMessage(), e);
      }
    }
  }

  /** Deletes run {@code runId}'s folder and its files; a missing folder is fine. */
  static void delete(Path projectFolder, String runId) {
    if (!runId.matches("[a-z0-9]+")) {
      return;   // a run label Parity did not write: never a path outside .parity/secrets
    }
    Path folder = folder(projectFolder, runId);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // left behind inside the git-ignored .parity folder; the next down tries again
    }
  }
}
