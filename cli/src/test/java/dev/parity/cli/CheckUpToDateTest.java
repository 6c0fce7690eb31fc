package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.ImageLock;
import dev.parity.core.Releases.Released;
import dev.parity.core.Stack;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import dev.parity.pins.LockFile;
import dev.parity.pins.ReleaseFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and {@code generate} answer from the record of the last clean result when nothing
 * changed, and never when anything did: every case compares the answer with the one the full
 * rendering gives (the same command once the record is gone).
 */
class CheckUpToDateTest {

  static final String FAST = "parity: the tree is as recorded at its last clean result, from the same inputs;"
      + " nothing rendered";
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir
  Path project;

  @TempDir
  Path cache;

  private String previousCache;
  private Path spec;
  private Path tree;

  @BeforeEach
  void copyTheNodeExample() throws IOException {
    previousCache = System.getProperty("parity.cache.dir");
    System.setProperty("parity.cache.dir", cache.toString());
    Path example = Path.of("..", "examples", "node-postgres-redis").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(example)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = project.resolve(example.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    spec = project.resolve("NodePostgresRedis.java");
    tree = project.resolve("deploy");
  }

  @AfterEach
  void restoreCache() {
    if (previousCache == null) {
      System.clearProperty("parity.cache.dir");
    } else {
      System.setProperty("parity.cache.dir", previousCache);
    }
  }

  /** One run: its exit code, stdout and stderr. */
  record Run(int code, String out, String err) {
    boolean fast() {
      return err.contains(FAST);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run check() {
    return run("check", "--verbose", "--spec", spec.toString());
  }

  /** A check, and what the full rendering answers for the same tree (the record removed). */
  private Run checkAsTheFullPathWould() throws IOException {
    Run answer = check();
    Files.deleteIfExists(TreeRecords.inUserCache().file(tree.toAbsolutePath().normalize()));
    Run full = check();
    assertThat(full.fast()).isFalse();
    assertThat(answer.code()).isEqualTo(full.code());
    assertThat(answer.out()).isEqualTo(full.out());
    return answer;
  }

  private void cleanCheckRecorded() {
    Run first = check();
    assertThat(first.code()).as(first.out()).isZero();
    assertThat(check().fast()).isTrue();
  }

  @Test
  void theSecondCheckAnswersFromTheRecordAndTheFirstRenders() {
    Run first = check();
    Run second = check();

    assertThat(first.fast()).isFalse();
    assertThat(first.err()).contains("parity: rendering to compare, because no record of a clean result for this"
        + " tree yet");
    assertThat(second.fast()).isTrue();
    assertThat(second.code()).isZero();
    assertThat(second.out()).isEqualTo(first.out()).isEqualTo(tree + " is up to date: 45 files, as spec"
        + " NodePostgresRedis.java generates them.\n");
  }

  @Test
  void aHandEditAfterACleanCheckIsReported() throws IOException {
    cleanCheckRecorded();
    Path compose = tree.resolve("local/docker-compose.yml");
    Files.writeString(compose, Files.readString(compose).replace("3000", "3001"));

    Run answer = checkAsTheFullPathWould();

    assertThat(answer.code()).isEqualTo(1);
    assertThat(answer.out()).contains("hand-edited  local/docker-compose.yml");
  }

  @Test
  void anExtraFileAfterACleanCheckIsReported() throws IOException {
    cleanCheckRecorded();
    Files.writeString(tree.resolve("k8s/notes.txt"), "mine\n");

    Run answer = checkAsTheFullPathWould();

    assertThat(answer.code()).isEqualTo(1);
    assertThat(answer.out()).contains("extra        k8s/notes.txt");
  }

  @Test
  void aDeletedFileAfterACleanCheckIsReported() throws IOException {
    cleanCheckRecorded();
    Files.delete(tree.resolve("web/Dockerfile"));

    Run answer = checkAsTheFullPathWould();

    assertThat(answer.code()).isEqualTo(1);
    assertThat(answer.out()).contains("missing      web/Dockerfile");
  }

  @Test
  void anEditedSpecAfterACleanCheckIsReportedStale() throws IOException {
    cleanCheckRecorded();
    Files.writeString(spec, Files.readString(spec).replace(".instances(2)", ".instances(3)"));

    Run answer = checkAsTheFullPathWould();

    assertThat(answer.code()).isEqualTo(1);
    assertThat(answer.out()).contains("stale        k8s/overlays/staging/web/deployment-patch.yaml");
  }

  @Test
  void aChangedLockAfterACleanCheckGivesTheFindingsOfTheFullPath() throws IOException {
    cleanCheckRecorded();
    Stack stack = SpecLoader.load(spec.toString(), List.of(), project).stack();
    LockFile.write(LockFile.in(project), stack, ImageLock.of(Map.of("postgres:14.9-alpine",
        new ImageLock.Entry(DIGEST, List.of("db")))));

    Run answer = checkAsTheFullPathWould();

    assertThat(answer.code()).isEqualTo(1);
    assertThat(answer.out()).contains("stale        local/docker-compose.yml");
  }

  @Test
  void aChangedReleaseAfterACleanCheckGivesTheFindingsOfTheFullPath() throws IOException {
    cleanCheckRecorded();
    Stack stack = SpecLoader.load(spec.toString(), List.of(), project).stack();
    ReleaseFiles.write(tree, stack, "staging", Map.of("web", new Released("ghcr.io/acme/shop-web@" + DIGEST,
        List.of(DIGEST))));

    Run answer = checkAsTheFullPathWould();

    assertThat(answer.code()).isEqualTo(1);
    assertThat(answer.out()).contains("stale        k8s/overlays/staging/kustomization.yaml");
  }

  @Test
  void aDamagedRecordFallsBackToTheFullPathWithTheSameAnswer() throws IOException {
    cleanCheckRecorded();
    Path record = TreeRecords.inUserCache().file(tree.toAbsolutePath().normalize());
    byte[] bytes = Files.readAllBytes(record);
    Files.write(record, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    Run answer = check();

    assertThat(answer.fast()).isFalse();
    assertThat(answer.err()).contains("parity: rendering to compare, because the record of this tree is damaged");
    assertThat(answer.code()).isZero();
    assertThat(answer.out()).contains("is up to date: 45 files");
    assertThat(check().fast()).as("the full path wrote a new record").isTrue();
  }

  @Test
  void aSpecThatReadsASystemPropertyIsNotCleanWhenTheValueChanges() throws IOException {
    Files.writeString(spec, Files.readString(spec).replace(".set(\"LOG_LEVEL\", \"debug\")",
        ".set(\"LOG_LEVEL\", System.getProperty(\"shop.log.level\", \"debug\"))"));
    try {
      System.setProperty("shop.log.level", "debug");
      assertThat(run("generate", "--spec", spec.toString()).code()).isZero();
      assertThat(check().fast()).isTrue();

      System.setProperty("shop.log.level", "trace");
      Run answer = checkAsTheFullPathWould();

      assertThat(answer.code()).isEqualTo(1);
      assertThat(answer.out()).contains("stale        local/docker-compose.yml");
    } finally {
      System.clearProperty("shop.log.level");
    }
  }

  @Test
  void generateWithNothingChangedAnswersFromTheRecordWithItsUsualMessage() throws IOException {
    Run first = run("generate", "--verbose", "--spec", spec.toString());
    Run second = run("generate", "--verbose", "--spec", spec.toString());

    assertThat(first.fast()).isFalse();
    assertThat(second.fast()).isTrue();
    assertThat(second.code()).isZero();
    assertThat(second.out()).isEqualTo(first.out()).isEqualTo(tree + " was already current: 45 files, as spec"
        + " NodePostgresRedis.java generates them; nothing written.\n");

    Files.writeString(spec, Files.readString(spec).replace(".instances(2)", ".instances(3)"));
    Run third = run("generate", "--verbose", "--spec", spec.toString());
    assertThat(third.fast()).isFalse();
    assertThat(third.out()).contains("wrote    k8s/overlays/staging/web/deployment-patch.yaml");
    assertThat(check().fast()).as("generate recorded the tree it wrote").isTrue();
  }

  @Test
  void generateRestoresTheExecutableBitOfAScriptEvenWhenNothingElseChanged() throws IOException {
    run("generate", "--spec", spec.toString());
    Path gate = tree.resolve("ci/parity-gate.sh");
    assertThat(gate.toFile().setExecutable(false, false)).isTrue();

    Run again = run("generate", "--verbose", "--spec", spec.toString());

    assertThat(again.fast()).isFalse();
    assertThat(Files.isExecutable(gate)).isTrue();
    assertThat(run("generate", "--verbose", "--spec", spec.toString()).fast()).isTrue();
  }

  /** A team's generator, registered only for {@link #aGeneratorOfAPlugInAlwaysRenders}: it reads a system property. */
  public static final class NoteGenerator implements Generator {
    @Override
    public String name() {
      return "notes";
    }

    @Override
    public List<GeneratedFile> generate(GenerationContext context) {
      return List.of(GeneratedFile.of("notes/hello.txt", System.getProperty("parity.test.note", "one") + "\n"));
    }
  }

  @Test
  void aGeneratorOfAPlugInAlwaysRenders() throws IOException {
    Path plugin = project.resolve("plugin");
    Path services = plugin.resolve("META-INF/services/" + Generator.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, NoteGenerator.class.getName() + "\n");
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()}, previous)) {
      Thread.currentThread().setContextClassLoader(loader);
      System.setProperty("parity.test.note", "one");
      assertThat(run("generate", "--spec", spec.toString()).code()).isZero();

      Run same = check();
      System.setProperty("parity.test.note", "two");
      Run changed = check();

      assertThat(same.fast()).isFalse();
      assertThat(same.err()).contains("parity: rendering to compare, because a generator of a plug-in is on the class"
          + " path (" + NoteGenerator.class.getName() + ")");
      assertThat(same.code()).isZero();
      assertThat(changed.code()).isEqualTo(1);
      assertThat(changed.out()).contains("stale        notes/hello.txt");
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
      System.clearProperty("parity.test.note");
    }
  }

  @Test
  void templateOverridesAlwaysRender() throws IOException {
    Path templates = Files.createDirectories(project.resolve("templates"));
    run("check", "--spec", spec.toString(), "--templates", templates.toString());

    Run answer = run("check", "--verbose", "--spec", spec.toString(), "--templates", templates.toString());

    assertThat(answer.fast()).isFalse();
    assertThat(answer.err()).contains("parity: rendering to compare, because --templates is in use");
    assertThat(answer.code()).isZero();
  }
}
