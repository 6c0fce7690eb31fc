package dev.parity.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.generate.CheckReport.Finding;
import dev.parity.generate.CheckReport.Finding.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCheckerTest {

  @TempDir
  Path out;

  private DeployTree tree(GeneratedFile... files) {
    Generator generator = new Generator() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public List<GeneratedFile> generate(GenerationContext context) {
        return List.of(files);
      }
    };
    return DeployTree.render(Fixtures.context(Fixtures.shop().build()), List.of(generator));
  }

  @Test
  void aFreshTreeIsClean() {
    DeployTree tree = tree(GeneratedFile.of("a.txt", "a\n"));
    TreeWriter.write(out, tree);

    assertThat(TreeChecker.check(out, tree).isClean()).isTrue();
  }

  @Test
  void reportsMissingStaleHandEditedAndExtraFiles() throws IOException {
    TreeWriter.write(out, tree(GeneratedFile.of("missing.txt", "m\n"), GeneratedFile.of("stale.txt", "old\n"),
        GeneratedFile.of("edited.txt", "e\n"), GeneratedFile.of("retired.txt", "r\n")));
    Files.delete(out.resolve("missing.txt"));
    Files.writeString(out.resolve("edited.txt"), "by hand\n");
    Files.writeString(out.resolve("extra.txt"), "mine\n");
    Files.createDirectories(out.resolve("local"));
    Files.writeString(out.resolve("local/.env"), "DB_PASSWORD=secret\n");

    CheckReport report = TreeChecker.check(out, tree(GeneratedFile.of("missing.txt", "m\n"),
        GeneratedFile.of("stale.txt", "new\n"), GeneratedFile.of("edited.txt", "e\n")));

    assertThat(report.findings()).containsExactly(
        new Finding(Kind.STALE, DeployTree.MANIFEST),
        new Finding(Kind.HAND_EDITED, "edited.txt"),
        new Finding(Kind.EXTRA, "extra.txt"),
        new Finding(Kind.MISSING, "missing.txt"),
        new Finding(Kind.STALE, "retired.txt"),
        new Finding(Kind.STALE, "stale.txt"));
    assertThat(report.findings().get(1).toString())
        .isEqualTo("hand-edited  edited.txt: changed by hand since it was generated; move the change into the spec");
  }

  @Test
  void aMissingTreeReportsEveryFileMissing() {
    CheckReport report = TreeChecker.check(out.resolve("nothing"), tree(GeneratedFile.of("a.txt", "a\n")));

    assertThat(report.findings()).extracting(Finding::kind).containsOnly(Kind.MISSING);
    assertThat(report.findings()).hasSize(2);
  }
}
