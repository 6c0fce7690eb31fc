package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity generate} killed at every step of its write phase: the real command line runs in a
 * child JVM that halts (no shutdown hooks, as after {@code kill -9}) just before step N, for every N
 * until a run completes. After each kill the tree is the previous one (when the generation had not
 * committed) or the next {@code check} completes it to the new one, byte for byte, and executable
 * bits included; {@code git status} never shows the journal.
 */
class GenerateCrashTest {

  /** The tree before: a database with migrations, a cache, two remote environments. */
  public static final class Before implements ParitySpec {
    @Override
    public Stack stack() {
      return Stack.named("crash")
          .service(Postgres.of("db", "15.4").password("DB_PASSWORD").migrations("db"))
          .config(ConfigKey.secret("DB_PASSWORD"))
          .service(Redis.of("cache", "7.2.3"))
          .environment(Environment.local())
          .environment(remote("staging", 1))
          .environment(remote("qa", 1))
          .build();
    }
  }

  /** The tree after: one environment replaced by another (a file created, one deleted), another changed. */
  public static final class After implements ParitySpec {
    @Override
    public Stack stack() {
      return Stack.named("crash")
          .service(Postgres.of("db", "15.4").password("DB_PASSWORD").migrations("db"))
          .config(ConfigKey.secret("DB_PASSWORD"))
          .service(Redis.of("cache", "7.2.3"))
          .environment(Environment.local())
          .environment(remote("staging", 2))
          .environment(remote("production", 4))
          .build();
    }
  }

  static Environment remote(String name, int instances) {
    return Environment.remote(name).instances(instances).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0")
        .databaseClass("db.t3.medium").endpoint("db", "db." + name + ".internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/crash/" + name + "/db-password"));
  }

  @TempDir
  Path project;

  @Test
  void aGenerationKilledAtAnyStepLeavesThePreviousTreeOrTheNewOneAndTheNextRunRecovers() throws Exception {
    Files.createDirectories(project.resolve("db"));
    Files.writeString(project.resolve("db/V1__init.sql"), "CREATE TABLE t (id int);\n");
    Path tree = project.resolve("deploy");
    Map<String, String> before = generated(Before.class, tree);
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "before");
    Map<String, String> after = generated(After.class, tree);
    assertThat(after).isNotEqualTo(before);
    assertThat(before.keySet()).anyMatch(p -> !after.containsKey(p));
    assertThat(after.keySet()).anyMatch(p -> !before.containsKey(p));

    int kills = 0;
    int rolledBack = 0;
    int completed = 0;
    for (int step = 1; step < 200; step++) {
      git("checkout", "-q", "--", ".");
      git("clean", "-q", "-fdx");
      assertThat(snapshot(tree)).isEqualTo(before);

      int exit = childGenerate(step, tree);
      if (exit == 0) {
        break;
      }
      assertThat(exit).as("step %d", step).isEqualTo(137);
      kills++;
      boolean committed = Files.exists(tree.resolve(".parity-journal/plan"));
      Map<String, String> atKill = snapshot(tree);
      if (!committed) {
        assertThat(atKill).as("right after the kill at step %d, without a committed plan", step).isIn(before, after);
      }
      assertThat(git("status", "--porcelain", "--untracked-files=all").lines().filter(l -> l.startsWith("??")))
          .as("untracked after the kill at step %d", step).allMatch(l -> after.containsKey(l.substring(10)));

      StringWriter out = new StringWriter();
      int check = ParityCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "check",
          "--spec", After.class.getName(), "--project-dir", project.toString(), "--out", tree.toString());
      Map<String, String> recovered = snapshot(tree);
      assertThat(recovered).as("after the kill at step %d and a check", step).isIn(before, after);
      assertThat(recovered).isEqualTo(committed ? after : atKill);
      assertThat(check).isEqualTo(recovered.equals(after) ? 0 : 1);
      if (Files.exists(tree)) {
        try (Stream<Path> files = Files.list(tree)) {
          assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".parity-journal");
        }
      }
      if (committed) {
        completed++;
        assertThat(out.toString()).startsWith("Note: recovered an interrupted generation of '" + tree
            + "': it had committed, so its ");
      } else if (recovered.equals(before)) {
        rolledBack++;
        assertThat(git("status", "--porcelain")).isEmpty();
      }
      assertThat(generated(After.class, tree)).isEqualTo(after);
    }
    assertThat(kills).as("steps killed").isGreaterThan(10);
    assertThat(rolledBack).isPositive();
    assertThat(completed).isPositive();
    assertThat(snapshot(tree)).isEqualTo(after);
    assertThat(git("status", "--porcelain", "--untracked-files=all")).doesNotContain(".parity-journal");
  }

  @Test
  void aGenerationIntoAFolderThatDidNotExistKilledBeforeItsCommitLeavesNoFolder() throws Exception {
    Files.createDirectories(project.resolve("db"));
    Path tree = project.resolve("fresh");
    assertThat(childGenerate(3, tree)).isEqualTo(137);
    assertThat(tree.resolve(".parity-journal")).isDirectory();

    StringWriter out = new StringWriter();
    ParityCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "check",
        "--spec", After.class.getName(), "--project-dir", project.toString(), "--out", tree.toString());

    assertThat(out.toString()).startsWith("Note: recovered an interrupted generation of '" + tree
        + "': it had not committed, so the previous tree stays as it was.\n");
    assertThat(tree).doesNotExist();
  }

  private Map<String, String> generated(Class<? extends ParitySpec> spec, Path out) throws IOException {
    StringWriter err = new StringWriter();
    int exit = ParityCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "generate",
        "--spec", spec.getName(), "--project-dir", project.toString(), "--out", out.toString());
    assertThat(exit).as(err.toString()).isZero();
    return snapshot(out);
  }

  private int childGenerate(int haltAtStep, Path out) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-Dparity.faultInjection.haltAtStep=" + haltAtStep, "-cp", System.getProperty("java.class.path"),
        ParityCli.class.getName(), "generate", "--spec", After.class.getName(), "--project-dir", project.toString(),
        "--out", out.toString()));
    Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(child.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("halted at step %d: %s", haltAtStep, stderr).isIn(0, 137);
    return child.exitValue();
  }

  /** Every file of the tree (the journal excluded) with its content and whether it is executable. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String path = root.relativize(file).toString();
        if (!path.startsWith(".parity-journal")) {
          files.put(path, (Files.isExecutable(file) ? "x " : "- ") + Files.readString(file));
        }
      }
    }
    return files;
  }

  private String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
    return output;
  }
}
