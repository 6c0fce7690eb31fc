package dev.parity.cli;

import dev.parity.generate.DeployTree;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.TreeChecker;
import dev.parity.pins.ReleaseFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records of clean trees, so that {@code check} and {@code generate} with nothing changed answer
 * without rendering (like Gradle's up-to-date checks).
 *
 * <p>A record, {@code <cache>/trees/<SHA-256 of the tree's absolute path>}, holds the {@link
 * RenderInputs#fingerprint() fingerprint} of a rendering's inputs, the number of files it rendered,
 * and every file of the tree on disk ({@link TreeChecker#listing}) with the SHA-256 of its content
 * and its executable bit, written only after those files were compared with that rendering: every
 * generated file equal (and executable when it is a script),
 * every other file the local secrets file or a release file. A later run whose fingerprint is the
 * same and whose tree lists exactly the same files with the same hashes therefore has the tree
 * {@link TreeChecker} would find clean. Anything else (no record, another fingerprint, one byte
 * of one file, a file more or less, a record that cannot be read) is a miss, and the caller renders
 * and compares as always. Records are written to a temporary file and renamed into place
 * atomically; nothing here ever fails a command.
 */
final class TreeRecords {

  private static final int FORMAT = 1;

  private final Path folder;

  TreeRecords(Path folder) {
    this.folder = folder;
  }

  /** The records in the user's cache folder ({@link SpecCache#root()}), subfolder {@code trees}. */
  static TreeRecords inUserCache() {
    return new TreeRecords(SpecCache.root().resolve("trees"));
  }

  /**
   * The answer of a lookup.
   *
   * @param files how many files the recorded rendering generated, when the tree is up to date
   * @param why why the tree must be rendered to tell, or null when it is up to date
   */
  record Lookup(int files, String why) {
    boolean upToDate() {
      return why == null;
    }
  }

  /** Whether {@code tree} is, byte for byte, the clean tree recorded for {@code inputs}. */
  Lookup lookup(Path tree, RenderInputs.Fingerprint inputs) {
    if (!inputs.available()) {
      return new Lookup(0, inputs.missing());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file(tree));
    } catch (NoSuchFileException e) {
      return new Lookup(0, "no record of a clean result for this tree yet");
    } catch (IOException | RuntimeException e) {
      return new Lookup(0, "the record of this tree cannot be read (" + e + ")");
    }
    try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (data.readInt() != FORMAT || !data.readUTF().equals(tree.toString())) {
        return new Lookup(0, "the record of this tree is of another format");
      }
      boolean sameInputs = data.readUTF().equals(inputs.digest());
      int files = data.readInt();
      Map<String, String> recorded = new LinkedHashMap<>();
      int count = data.readInt();
      for (int i = 0; i < count; i++) {
        recorded.put(data.readUTF(), data.readUTF());
      }
      if (data.read() != -1) {
        return new Lookup(0, "the record of this tree is damaged");
      }
      if (!sameInputs) {
        return new Lookup(0, "the spec, its pins or Parity changed since the record of the last clean result");
      }
      if (!snapshot(tree).equals(recorded)) {
        return new Lookup(0, "the tree changed since the record of the last clean result");
      }
      return new Lookup(files, null);
    } catch (IOException | RuntimeException e) {
      return new Lookup(0, "the record of this tree is damaged (" + e + ")");
    }
  }

  /**
   * Records {@code tree} as clean for {@code inputs}, from its files as they are on disk now; only
   * when they are what {@code expected} (rendered from {@code inputs}) generates, and the
   * fingerprint is available. Returns whether a record was written.
   */
  boolean remember(Path tree, RenderInputs.Fingerprint inputs, DeployTree expected) {
    if (!inputs.available()) {
      return false;
    }
    try {
      Map<String, String> files = snapshot(tree);
      if (!agrees(files, expected)) {
        return false;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream data = new DataOutputStream(bytes)) {
        data.writeInt(FORMAT);
        data.writeUTF(tree.toString());
        data.writeUTF(inputs.digest());
        data.writeInt(expected.files().size());
        data.writeInt(files.size());
        for (Map.Entry<String, String> file : files.entrySet()) {
          data.writeUTF(file.getKey());
          data.writeUTF(file.getValue());
        }
      }
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".store-", ".tmp");
      try {
        Files.write(temporary, bytes.toByteArray());
        try {
          Files.move(temporary, file(tree), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file(tree), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // no record: the next run renders
    }
  }

  /** The record file of {@code tree}. */
  Path file(Path tree) {
    return folder.resolve(HexFormat.of().formatHex(SpecCache.sha256().digest(
        tree.toString().getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Every file of the tree, as {@link TreeChecker} lists them, with the SHA-256 of its content and
   * whether it is executable ({@code generate} restores a script's executable bit).
   */
  private static Map<String, String> snapshot(Path tree) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : TreeChecker.listing(tree)) {
      Path file = tree.resolve(path);
      files.put(path, GeneratedFile.sha256(Files.readAllBytes(file)) + (Files.isExecutable(file) ? " executable" : ""));
    }
    return files;
  }

  /** The snapshot holds every generated file as generated, and nothing else but the files a user keeps there. */
  private static boolean agrees(Map<String, String> files, DeployTree expected) {
    for (GeneratedFile file : expected.files()) {
      String recorded = files.get(file.path());
      if (recorded == null || !recorded.startsWith(GeneratedFile.sha256(file.bytes()))
          || file.executable() && !recorded.endsWith(" executable")) {
        return false;
      }
    }
    return files.keySet().stream().allMatch(path -> expected.file(path).isPresent()
        || TreeChecker.USER_FILES.contains(path) || ReleaseFiles.isReleaseFile(path));
  }
}
