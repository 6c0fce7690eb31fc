package dev.parity.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {

  @TempDir
  Path project;

  private final Stack stack = Fixtures.shop().build();

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
    return DeployTree.render(Fixtures.context(stack), List.of(generator));
  }

  private Path out() {
    return project.resolve("deploy");
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(out())) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(out())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(out().relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  @Test
  void writesEveryFileAndTheManifest() throws IOException {
    WriteResult result = TreeWriter.write(out(), tree(GeneratedFile.of("a/one.txt", "one\n"),
        GeneratedFile.script("run.sh", "#!/bin/sh\n")));

    assertThat(result.written()).containsExactly("a/one.txt", "run.sh", DeployTree.MANIFEST);
    assertThat(Files.readString(out().resolve("a/one.txt"))).isEqualTo("one\n");
    assertThat(Files.isExecutable(out().resolve("run.sh"))).isTrue();
    assertThat(Files.readString(out().resolve(DeployTree.MANIFEST))).contains("\"a/one.txt\" : \"sha256:");
    try (Stream<Path> siblings = Files.list(project)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("deploy");
    }
  }

  @Test
  void aSecondRunChangesNoByteAndNoModificationTime() throws IOException {
    DeployTree tree = tree(GeneratedFile.of("a/one.txt", "one\n"), GeneratedFile.of("two.txt", "two\n"));
    TreeWriter.write(out(), tree);
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    for (String path : List.of("a/one.txt", "two.txt", DeployTree.MANIFEST)) {
      Files.setLastModifiedTime(out().resolve(path), past);
    }

    WriteResult second = TreeWriter.write(out(), tree);

    assertThat(second.written()).isEmpty();
    assertThat(second.unchanged()).containsExactly("a/one.txt", "two.txt", DeployTree.MANIFEST);
    for (String path : List.of("a/one.txt", "two.txt", DeployTree.MANIFEST)) {
      assertThat(Files.getLastModifiedTime(out().resolve(path))).isEqualTo(past);
    }
  }

  @Test
  void rewritesOnlyWhatChanged() throws IOException {
    TreeWriter.write(out(), tree(GeneratedFile.of("one.txt", "one\n"), GeneratedFile.of("two.txt", "two\n")));
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(out().resolve("one.txt"), past);

    WriteResult result = TreeWriter.write(out(), tree(GeneratedFile.of("one.txt", "one\n"),
        GeneratedFile.of("two.txt", "TWO\n")));

    assertThat(result.written()).containsExactly("two.txt", DeployTree.MANIFEST);
    assertThat(Files.getLastModifiedTime(out().resolve("one.txt"))).isEqualTo(past);
    assertThat(Files.readString(out().resolve("two.txt"))).isEqualTo("TWO\n");
  }

  @Test
  void refusesToOverwriteAHandEditedFileAndWritesNothing() throws IOException {
    TreeWriter.write(out(), tree(GeneratedFile.of("one.txt", "one\n"), GeneratedFile.of("two.txt", "two\n")));
    Files.writeString(out().resolve("one.txt"), "my own change\n");
    Map<String, String> before = snapshot();

    assertThatThrownBy(() -> TreeWriter.write(out(), tree(GeneratedFile.of("one.txt", "ONE\n"),
        GeneratedFile.of("two.txt", "TWO\n"))))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("refusing to overwrite 1 file(s)")
        .hasMessageContaining("one.txt")
        .hasMessageContaining("nothing was written")
        .hasMessageContaining("--force");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void refusesToOverwriteAFileParityDidNotWrite() throws IOException {
    Files.createDirectories(out().resolve("web"));
    Files.writeString(out().resolve("web/Dockerfile"), "FROM scratch\n");

    assertThatThrownBy(() -> TreeWriter.write(out(), tree(GeneratedFile.of("web/Dockerfile", "FROM node\n"))))
        .hasMessageContaining("web/Dockerfile");
    assertThat(Files.readString(out().resolve("web/Dockerfile"))).isEqualTo("FROM scratch\n");
    assertThat(out().resolve(DeployTree.MANIFEST)).doesNotExist();
  }

  @Test
  void forceOverwritesHandEdits() throws IOException {
    TreeWriter.write(out(), tree(GeneratedFile.of("one.txt", "one\n")));
    Files.writeString(out().resolve("one.txt"), "edited\n");

    TreeWriter.write(out(), tree(GeneratedFile.of("one.txt", "one\n")), true);

    assertThat(Files.readString(out().resolve("one.txt"))).isEqualTo("one\n");
  }

  @Test
  void removesFilesNoLongerGeneratedButKeepsEditedOnesAndUnrelatedFiles() throws IOException {
    TreeWriter.write(out(), tree(GeneratedFile.of("old/gone.txt", "gone\n"), GeneratedFile.of("edited.txt", "x\n"),
        GeneratedFile.of("stays.txt", "stays\n")));
    Files.writeString(out().resolve("edited.txt"), "mine now\n");
    Files.writeString(out().resolve("notes.md"), "my notes\n");

    WriteResult result = TreeWriter.write(out(), tree(GeneratedFile.of("stays.txt", "stays\n")));

    assertThat(result.removed()).containsExactly("old/gone.txt");
    assertThat(result.kept()).containsExactly("edited.txt");
    assertThat(out().resolve("old")).doesNotExist();
    assertThat(Files.readString(out().resolve("edited.txt"))).isEqualTo("mine now\n");
    assertThat(Files.readString(out().resolve("notes.md"))).isEqualTo("my notes\n");
  }

  @Test
  void aFailureHalfWayThroughLeavesThePreviousTreeIntact() throws IOException {
    TreeWriter.write(out(), tree(GeneratedFile.of("a.txt", "a1\n"), GeneratedFile.of("b.txt", "b1\n"),
        GeneratedFile.of("c.txt", "c1\n")));
    Map<String, String> before = snapshot();
    int[] moves = {0};
    TreeWriter failing = new TreeWriter((source, target) -> {
      if (++moves[0] == 4) {
        throw new IOException("disk full (simulated)");
      }
      Files.move(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    });

    assertThatThrownBy(() -> failing.apply(out(), tree(GeneratedFile.of("a.txt", "a2\n"),
        GeneratedFile.of("b.txt", "b2\n"), GeneratedFile.of("c.txt", "c2\n"), GeneratedFile.of("d.txt", "d2\n")), false))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("disk full (simulated)")
        .hasMessageContaining("previous files were restored");
    assertThat(snapshot()).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(project)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("deploy");
    }
  }

  @Test
  void aGeneratorThatFailsWritesNothing() {
    Generator broken = new Generator() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public List<GeneratedFile> generate(GenerationContext context) {
        throw new ParityException(dev.parity.core.ErrorCode.TEMPLATE, "template 'x.ftl' failed");
      }
    };

    assertThatThrownBy(() -> TreeWriter.write(out(), DeployTree.render(Fixtures.context(stack), List.of(broken))))
        .hasMessageContaining("x.ftl");
    assertThat(out()).doesNotExist();
  }

  @Test
  void twoGeneratorsClaimingOnePathAreRejected() {
    Generator one = fixed("one", GeneratedFile.of("same.txt", "1\n"));
    Generator two = fixed("two", GeneratedFile.of("same.txt", "2\n"));

    assertThatThrownBy(() -> DeployTree.render(Fixtures.context(stack), List.of(one, two)))
        .hasMessage("generators 'one' and 'two' both write 'same.txt'; remove one of them");
  }

  private static Generator fixed(String name, GeneratedFile file) {
    return new Generator() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<GeneratedFile> generate(GenerationContext context) {
        return List.of(file);
      }
    };
  }
}
