package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way from a hand edit back to a generated tree is spelled out at each step: {@code check} names
 * {@code --force} and what it loses, {@code generate} refuses saying the same, and {@code --force} then does
 * exactly that (the edit is gone, the check is clean).
 */
class HandEditHintTest {

  @TempDir
  Path project;

  @TempDir
  Path cache;

  private String previousCache;
  private Path spec;
  private Path compose;

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
    compose = project.resolve("deploy/local/docker-compose.yml");
    Files.writeString(compose, Files.readString(compose).replace("3000", "3001"));
  }

  @AfterEach
  void restoreCache() {
    if (previousCache == null) {
      System.clearProperty("parity.cache.dir");
    } else {
      System.setProperty("parity.cache.dir", previousCache);
    }
  }

  record Run(int code, String out, String err) {
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void checkOfAHandEditedTreeSaysThatGenerateRefusesItAndWhatForceLoses() {
    Run check = run("check", "--spec", spec.toString());

    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out()).endsWith("hand-edited  local/docker-compose.yml: changed by hand since it was generated;"
        + " move the change into the spec\n"
        + "Run `parity generate` to bring the tree up to date. It refuses to overwrite the 1 hand-edited file(s)"
        + " above and writes nothing while they are there: move each edit into the spec (or a template override)"
        + " first, then run `parity generate --force`, which overwrites them with what the spec generates; the"
        + " hand edits in them are lost.\n");
  }

  @Test
  void generateRefusingAHandEditSaysWhatForceDoesAndThatTheEditIsLost() throws IOException {
    String edited = Files.readString(compose);

    Run generate = run("generate", "--spec", spec.toString());

    assertThat(generate.code()).isEqualTo(2);
    assertThat(generate.err()).contains("local/docker-compose.yml; nothing was written. Move your changes into the"
        + " spec (or a template override), then rerun with --force (Maven: -Dparity.force=true), which overwrites"
        + " these files with what the spec generates; the hand edits in them are lost");
    assertThat(compose).hasContent(edited);
  }

  @Test
  void generateWithForceDoesWhatTheHintsSayTheEditIsGoneAndTheTreeChecksClean() {
    Run forced = run("generate", "--force", "--spec", spec.toString());

    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(forced.out()).contains("wrote    local/docker-compose.yml");
    assertThat(run("check", "--spec", spec.toString()).code()).isZero();
  }

  @Test
  void checkOfATreeWithoutHandEditsOnlySaysToRunGenerate() throws IOException {
    run("generate", "--force", "--spec", spec.toString());
    Files.delete(compose);

    Run check = run("check", "--spec", spec.toString());

    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out()).endsWith("Run `parity generate` to bring the tree up to date.\n");
  }
}
