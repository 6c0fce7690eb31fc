package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-spec cache and the guard around a spec's stack(). */
class SpecLoaderTest {

  @TempDir
  Path project;

  @TempDir
  Path cache;

  private String previousCache;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void useOwnCache() {
    previousCache = System.getProperty("parity.cache.dir");
    System.setProperty("parity.cache.dir", cache.toString());
  }

  @AfterEach
  void restoreCache() {
    if (previousCache == null) {
      System.clearProperty("parity.cache.dir");
    } else {
      System.setProperty("parity.cache.dir", previousCache);
    }
  }

  private static String spec(String className, String stackName, String body) {
    return """
        import dev.parity.core.*;

        public final class %s implements ParitySpec {
          public Stack stack() {
            %s
            return Stack.named(%s)
                .service(Redis.of("cache", "7.2.3"))
                .environment(Environment.local())
                .build();
          }
        }
        """.formatted(className, body, stackName);
  }

  private Path write(String name, String text) throws IOException {
    Path file = project.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("specs"))) {
      return files.filter(p -> p.toString().endsWith(".classes")).toList();
    }
  }

  @Test
  void anUnchangedSpecIsTakenFromTheCacheAndAnEditIsSeenOnTheNextRun() throws Exception {
    Path spec = write("CachedSpec.java", spec("CachedSpec", "\"first\"", ""));

    assertThat(run("generate", "--spec", spec.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("for stack 'first'");
    List<Path> stored = entries();
    assertThat(stored).hasSize(1);
    Files.setLastModifiedTime(stored.get(0), FileTime.fromMillis(0));
    byte[] bytes = Files.readAllBytes(stored.get(0));

    assertThat(run("diff", "--spec", spec.toString(), "local", "local")).isEqualTo(0);
    assertThat(entries()).containsExactlyElementsOf(stored);
    assertThat(Files.getLastModifiedTime(stored.get(0)).toMillis()).isZero();
    assertThat(Files.readAllBytes(stored.get(0))).isEqualTo(bytes);

    Files.writeString(spec, spec("CachedSpec", "\"second\"", ""));
    assertThat(run("generate", "--spec", spec.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("for stack 'second'");
    assertThat(entries()).hasSize(1).doesNotContainAnyElementsOf(stored);
  }

  @Test
  void aHelperBesideTheSpecIsCompiledWithItAndAnEditToItIsSeen() throws Exception {
    Path spec = write("HelperSpec.java", spec("HelperSpec", "Names.STACK", ""));
    Path helper = write("Names.java", "final class Names {\n  static final String STACK = \"one\";\n}\n");

    assertThat(run("generate", "--spec", spec.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("for stack 'one'");

    Files.writeString(helper, "final class Names {\n  static final String STACK = \"two\";\n}\n");
    assertThat(run("generate", "--spec", spec.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("for stack 'two'");

    Files.writeString(helper, "final class Names {\n  static final String STACK = ;\n}\n");
    assertThat(run("generate", "--spec", spec.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("parity: spec '" + spec + "' does not compile; fix these errors:\n  "
        + project.resolve("Names.java") + ":2: ");
  }

  @Test
  void compileErrorsNameTheSpecAsGiven() throws Exception {
    write("specs/Broken.java", "public final class Broken {\n  int x = ;\n}\n");
    String relative = Path.of("").toAbsolutePath().relativize(project.resolve("specs/Broken.java")).toString();

    assertThat(run("generate", "--spec", relative)).isEqualTo(2);

    assertThat(err.toString()).startsWith("parity: spec '" + relative + "' does not compile; fix these errors:\n  "
        + relative + ":2: ");
  }

  @Test
  void aDamagedEntryIsACacheMiss() throws Exception {
    Path spec = write("DamagedSpec.java", spec("DamagedSpec", "\"intact\"", ""));
    assertThat(run("generate", "--spec", spec.toString())).isEqualTo(0);
    Path entry = entries().get(0);
    byte[] bytes = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(run("generate", "--spec", spec.toString(), "--out", project.resolve("again").toString())).isEqualTo(0);

    assertThat(out.toString()).contains("for stack 'intact'");
    assertThat(Files.readAllBytes(entry)).isEqualTo(bytes);
  }

  @Test
  void processesLoadingTheSameSpecAtOnceAllGetIt() throws Exception {
    Path spec = write("ConcurrentSpec.java", spec("ConcurrentSpec", "\"together\"", ""));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<String> load = () -> SpecLoader.load(spec.toString(), List.of(), project).stack().name();
        results.add(pool.submit(load));
      }
      for (Future<String> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo("together");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(entries()).hasSize(1);
    try (Stream<Path> files = Files.list(cache.resolve("specs"))) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
    }
  }

  @Test
  void aSpecThatThrowsExitsTwoNamingTheSpec() throws Exception {
    Path spec = write("ThrowingSpec.java", spec("ThrowingSpec", "\"x\"",
        "if (true) { throw new IllegalStateException(\"no config server\"); }"));

    assertThat(run("check", "--spec", spec.toString())).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: spec '" + spec + "' failed in stack(): java.lang.IllegalStateException:"
        + " no config server; run with --verbose for its stack trace\n");
  }

  @Test
  void aSpecThatThrowsAnErrorExitsTwoNamingTheSpec() throws Exception {
    Path spec = write("ErrorSpec.java", spec("ErrorSpec", "\"x\"", "if (true) { throw new AssertionError(\"bad\"); }"));

    assertThat(run("generate", "--spec", spec.toString())).isEqualTo(2);

    assertThat(err.toString()).startsWith("parity: spec '" + spec + "' failed in stack(): java.lang.AssertionError: bad");
  }

  @Test
  void aSpecThatHangsIsStoppedAfterTheTimeout() throws Exception {
    Path spec = write("HangingSpec.java", spec("HangingSpec", "\"x\"",
        "try { Thread.sleep(600_000); } catch (InterruptedException e) { }"));

    assertThat(run("generate", "--spec", spec.toString(), "--spec-timeout", "1")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: spec '" + spec + "' did not return from stack() within 1 s; it may"
        + " wait on a lock, on input or on the network; fix the spec, or give it more time with --spec-timeout"
        + " <seconds>\n");
    assertThat(project.resolve("deploy")).doesNotExist();
  }

  @Test
  void aTimeoutBelowOneSecondIsAUsageError() throws Exception {
    Path spec = write("TinySpec.java", spec("TinySpec", "\"x\"", ""));

    assertThat(run("generate", "--spec", spec.toString(), "--spec-timeout", "0")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: --spec-timeout 0: give the seconds the spec's stack() may run,"
        + " at least 1\n");
  }

  @Test
  void aSpecThatCallsSystemExitEndsTheCommandWithExitTwo() throws Exception {
    Path spec = write("ExitingSpec.java", spec("ExitingSpec", "\"x\"", "if (true) { System.exit(0); }"));
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dparity.cache.dir=" + cache, "-cp", System.getProperty("java.class.path"), ParityCli.class.getName(),
        "generate", "--spec", spec.toString())
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stdout).isEmpty();
    assertThat(stderr).isEqualTo("parity: spec '" + spec + "' called System.exit while Parity ran it; a spec only"
        + " returns its Stack from stack(): remove the call\n");
    assertThat(project.resolve("deploy")).doesNotExist();
  }
}
