package dev.parity.generate;

import dev.parity.generate.CheckReport.Finding;
import dev.parity.generate.CheckReport.Finding.Kind;
import dev.parity.pins.ReleaseFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares a tree on disk with what the spec generates now. The manifest tells a hand edit (the
 * file's hash is not the one Parity recorded) from a stale file (it is, but the spec changed).
 */
public final class TreeChecker {

  /**
   * Files the tree may hold that Parity never generates: the local secrets file. The release files
   * ({@code releases/<env>.json}, {@link ReleaseFiles}) are not generated either and are never extra.
   */
  public static final Set<String> USER_FILES = Set.of("local/.env");

  private TreeChecker() {
  }

  /**
   * Every file of {@code root} that is missing, stale, hand-edited or extra, sorted by path. The
   * journal of an interrupted generation is not part of the tree: call {@link TreeWriter#recover}
   * first to complete or discard it.
   */
  public static CheckReport check(Path root, DeployTree expected) {
    Map<String, String> recorded = TreeWriter.readManifest(root);
    List<Finding> findings = new ArrayList<>();
    for (GeneratedFile file : expected.files()) {
      Optional<byte[]> actual = TreeWriter.read(root.resolve(file.path()));
      if (actual.isEmpty()) {
        findings.add(new Finding(Kind.MISSING, file.path()));
      } else if (!Arrays.equals(actual.get(), file.bytes())) {
        boolean asRecorded = GeneratedFile.sha256(actual.get()).equals(recorded.get(file.path()));
        boolean manifest = file.path().equals(DeployTree.MANIFEST);
        findings.add(new Finding(asRecorded || manifest && isParityManifest(actual.get()) ? Kind.STALE
            : Kind.HAND_EDITED, file.path()));
      }
    }
    for (String path : listing(root)) {
      if (expected.file(path).isEmpty() && !USER_FILES.contains(path) && !ReleaseFiles.isReleaseFile(path)) {
        boolean generatedBefore = recorded.containsKey(path);
        findings.add(new Finding(generatedBefore ? Kind.STALE : Kind.EXTRA, path));
      }
    }
    findings.sort(java.util.Comparator.comparing(Finding::path));
    return new CheckReport(findings);
  }

  private static boolean isParityManifest(byte[] bytes) {
    return Manifest.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isPresent();
  }

  /**
   * Every regular file under {@code root} as {@link #check} sees the tree: paths relative to the
   * root with {@code /}, sorted, without the journal of an interrupted generation; empty when the
   * root is no folder.
   *
   * @throws UncheckedIOException when the tree cannot be walked
   */
  public static List<String> listing(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
          .filter(path -> !WriteJournal.isJournal(path))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
