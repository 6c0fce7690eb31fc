package dev.parity.generate;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link DeployTree} to disk so that a user never loses anything and never sees a
 * half-written tree:
 * <ul>
 *   <li>files whose content is already right are not touched, so a second run changes no byte
 *       and no modification time;</li>
 *   <li>every new content is first written in full to a journal inside the tree
 *       ({@code .parity-journal/}, git-ignored, see {@link WriteJournal}); only then are files
 *       moved into place, each with an atomic rename. If a move fails the files already replaced
 *       are put back; if the process is killed, the next run completes or rolls back the journal —
 *       the tree is always the previous one or the new one;</li>
 *   <li>a file that was edited by hand, or that Parity did not write, is never overwritten
 *       unless {@code force} is set: the write is refused before anything changes;</li>
 *   <li>files a previous run generated and the spec no longer produces are removed, unless
 *       they were edited by hand.</li>
 * </ul>
 */
public final class TreeWriter {

  private static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

  /** How files are moved into place; replaced in tests to simulate a failure half-way. */
  interface Mover {
    void move(Path source, Path target) throws IOException;
  }

  private final Mover mover;

  TreeWriter(Mover mover) {
    this.mover = mover;
  }

  /**
   * Writes {@code tree} into {@code root}, refusing to overwrite hand-edited or foreign files.
   *
   * @throws ParityException when a file would be overwritten that Parity did not write as it is
   *     now, or when writing fails (the previous tree is then left as it was)
   */
  public static WriteResult write(Path root, DeployTree tree) {
    return write(root, tree, false);
  }

  /** Like {@link #write(Path, DeployTree)}; with {@code force}, hand-edited files are overwritten too. */
  public static WriteResult write(Path root, DeployTree tree, boolean force) {
    return new TreeWriter(TreeWriter::atomicMove).apply(root, tree, force);
  }

  /**
   * Finishes a generation of {@code root} that was interrupted (killed, or the machine lost power):
   * completes it when it had committed, else discards it, so the tree is the previous one or the
   * new one, byte for byte. {@link #write} and {@code parity check} call it first.
   *
   * @return what was recovered, for the user; empty when nothing was interrupted
   * @throws ParityException when the interrupted generation cannot be completed (the journal stays)
   */
  public static Optional<String> recover(Path root) {
    return WriteJournal.recover(root);
  }

  WriteResult apply(Path root, DeployTree tree, boolean force) {
    recover(root);
    Map<String, String> recorded = readManifest(root);
    List<GeneratedFile> toWrite = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (GeneratedFile file : tree.files()) {
      Path target = root.resolve(file.path());
      Optional<byte[]> current = read(target);
      if (current.isPresent() && Arrays.equals(current.get(), file.bytes())) {
        if (file.executable() && !Files.isExecutable(target)) {
          setExecutable(target);
        }
        unchanged.add(file.path());
        continue;
      }
      if (current.isPresent() && !file.path().equals(DeployTree.MANIFEST) && !force
          && !GeneratedFile.sha256(current.get()).equals(recorded.get(file.path()))) {
        refused.add(file.path());
      }
      toWrite.add(file);
    }
    if (!refused.isEmpty()) {
      throw new ParityException(ErrorCode.USAGE, "refusing to overwrite " + refused.size()
          + " file(s) in '" + root + "' that Parity did not write as they are now (edited by hand, or not"
          + " generated): " + String.join(", ", refused) + "; nothing was written. Move your changes into the"
          + " spec (or a template override), then rerun with --force (Maven: -Dparity.force=true), which overwrites"
          + " these files with what the spec generates; the hand edits in them are lost");
    }
    Set<String> generated = new java.util.HashSet<>();
    tree.files().forEach(f -> generated.add(f.path()));
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, String> old : recorded.entrySet()) {
      if (generated.contains(old.getKey())) {
        continue;
      }
      Optional<byte[]> current = read(root.resolve(old.getKey()));
      if (current.isEmpty()) {
        continue;
      }
      (GeneratedFile.sha256(current.get()).equals(old.getValue()) ? removed : kept).add(old.getKey());
    }
    if (!toWrite.isEmpty() || !removed.isEmpty()) {
      List<GeneratedFile> manifestLast = new ArrayList<>(toWrite);
      manifestLast.sort(Comparator.comparing(f -> f.path().equals(DeployTree.MANIFEST)));
      WriteJournal.commit(root, manifestLast, removed, mover);
    }
    List<String> written = toWrite.stream().map(GeneratedFile::path).toList();
    return new WriteResult(written, unchanged, removed, kept);
  }

  static void atomicMove(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Map<String, String> readManifest(Path root) {
    return read(root.resolve(DeployTree.MANIFEST))
        .flatMap(bytes -> Manifest.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)))
        .map(Manifest::files).orElse(Map.of());
  }

  static Optional<byte[]> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  static void setExecutable(Path file) {
    try {
      Files.setPosixFilePermissions(file, EXECUTABLE);
    } catch (UnsupportedOperationException | IOException e) {
      file.toFile().setExecutable(true, false);
    }
  }
}
