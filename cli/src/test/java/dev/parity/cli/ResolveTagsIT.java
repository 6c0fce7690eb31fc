package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.runtime.TestStacks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity init --from-compose --resolve-tags} against the real local Docker engine and the
 * registry of shared/ci (127.0.0.1:5000), with tags of this test's own on the stand-in PostgreSQL image.
 */
class ResolveTagsIT {

  private static final String ID = UUID.randomUUID().toString().substring(0, 8);
  private static final String SOURCE = "postgres:15.18-bookworm";
  private static final String LOCAL = "parity-it-resolve-" + ID + "/postgres";
  private static final String PUSHED = TestStacks.REGISTRY + "/parity-it-resolve-" + ID + "/postgres";

  @TempDir
  Path dir;

  private final List<String> created = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void docker() {
    TestStacks.docker();
  }

  @AfterEach
  void removeTheTagsThisTestMade() throws Exception {
    for (String tag : created) {
      docker("rmi", "--no-prune", tag);
    }
  }

  @Test
  void floatingTagIsPinnedToTheExactTagOfTheSameLocalImageAndInitExitsZero() throws Exception {
    tag(LOCAL + ":latest");
    tag(LOCAL + ":15.18-bookworm");
    String imageId = docker("image", "inspect", "--format", "{{.Id}}", SOURCE).trim();
    Path compose = Files.writeString(dir.resolve("docker-compose.yml"),
        "services:\n  db:\n    image: " + LOCAL + ":latest\n");
    Path spec = dir.resolve("Shop.java");

    int code = ParityCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "init", "--from-compose",
        compose.toString(), "--out", spec.toString(), "--resolve-tags");

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("pinned " + LOCAL + ":latest -> " + LOCAL + ":15.18-bookworm (local image "
        + imageId + ")\n");
    String source = Files.readString(spec);
    assertThat(source).contains("\"" + LOCAL + ":15.18-bookworm\"").doesNotContain(":latest").doesNotContain("TODO");
  }

  @Test
  void aTagOnlyTheRegistryHasStaysATodoThatNamesWhatTheRegistryLists() throws Exception {
    tag(PUSHED + ":15.18-bookworm");
    docker("push", "-q", PUSHED + ":15.18-bookworm");
    docker("rmi", "--no-prune", PUSHED + ":15.18-bookworm");
    created.clear();
    Path compose = Files.writeString(dir.resolve("docker-compose.yml"),
        "services:\n  db:\n    image: " + PUSHED + "\n");
    Path spec = dir.resolve("Shop.java");

    int code = ParityCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "init", "--from-compose",
        compose.toString(), "--out", spec.toString(), "--resolve-tags", "--registry-mirror", TestStacks.REGISTRY);

    assertThat(code).as(out + "\n" + err).isEqualTo(1);
    assertThat(out.toString()).doesNotContain("pinned ")
        .contains("(the registry lists " + PUSHED + ":15.18-bookworm)");
    assertThat(Files.readString(spec)).contains("TODO");
  }

  private void tag(String target) throws Exception {
    docker("tag", SOURCE, target);
    created.add(target);
  }

  private static String docker(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    if (process.exitValue() != 0 && !args[0].equals("rmi")) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
