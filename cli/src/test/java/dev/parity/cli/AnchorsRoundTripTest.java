package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: a compose file built of random anchors, aliases and merge keys ({@code x-} fields holding a
 * service's base, {@code <<: *a}, {@code <<: [*a, *b]} in either order, {@code <<} inside
 * {@code environment}, keys overriding a merged one, a {@code depends_on} list given by an alias) imports into a
 * spec whose generated local compose file, read back by {@code docker-compose config}, has for every service
 * of the original's {@code docker-compose config} the same image, restart policy, command, dependencies and
 * environment (names and values). The deliberate differences are the elements Parity adds (an init process,
 * healthchecks, networks, dependency conditions), which are not compared; nothing may be lost or changed, and
 * no {@code <<} reaches the spec.
 */
class AnchorsRoundTripTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> IMAGES = List.of("nginx:1.25.4", "axllent/mailpit:v1.14.0");
  private static final List<String> RESTARTS = List.of("always", "unless-stopped");
  private static final List<String> WORDS = List.of("debug", "blue", "warm", "3", "info", "north", "tall", "42");
  private static final List<String> NAMES = List.of("LOG_LEVEL", "THEME", "MODE", "WORKERS", "REGION", "COLOUR");

  @TempDir
  Path temp;

  @Test
  void randomAnchorsAndMergesGenerateTheElementsDockerComposeReadsInTheOriginal() {
    RealTool.require("docker-compose");
    qt().withExamples(6).withShrinkCycles(0).forAll(longs().all()).checkAssert(this::check);
  }

  private void check(long seed) {
    try {
      Path dir = Files.createDirectories(temp.resolve("s" + Long.toHexString(seed)));
      String yaml = compose(new Random(seed));
      Path compose = Files.writeString(dir.resolve("docker-compose.yml"), yaml);
      JsonNode original = config(dir, compose);

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Path spec = dir.resolve("Anchored.java");
      assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "init", "--from-compose",
          compose.toString(), "--out", spec.toString())).as("seed %d%n%s%n%s%s", seed, yaml, out, err).isZero();
      assertThat(Files.readString(spec)).as("seed %d", seed).doesNotContain("<<");
      assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec.toString(),
          "--out", dir.resolve("deploy").toString())).as("%s%s", out, err).isZero();
      JsonNode generated = config(dir.resolve("deploy/local"), dir.resolve("deploy/local/docker-compose.yml"));

      original.path("services").fields().forEachRemaining(e -> {
        JsonNode theirs = generated.path("services").path(e.getKey());
        assertThat(elements(theirs)).as("seed %d, service %s of%n%s%ngenerated:%n%s", seed, e.getKey(), yaml,
            generated.toPrettyString()).containsAllEntriesOf(elements(e.getValue()));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The compared elements of one service of {@code docker-compose config}. */
  private static Map<String, String> elements(JsonNode service) {
    Map<String, String> elements = new TreeMap<>();
    elements.put("image", service.path("image").asText());
    elements.put("restart", service.path("restart").asText("no"));
    if (service.has("command")) {
      List<String> words = new ArrayList<>();
      JsonNode command = service.get("command");
      if (command.isArray()) {
        command.forEach(w -> words.add(w.asText()));
      } else {
        words.addAll(List.of(command.asText().split(" ")));
      }
      elements.put("command", words.toString());
    }
    TreeSet<String> deps = new TreeSet<>();
    JsonNode dependsOn = service.path("depends_on");
    if (dependsOn.isArray()) {
      dependsOn.forEach(d -> deps.add(d.asText()));
    } else {
      dependsOn.fieldNames().forEachRemaining(deps::add);
    }
    elements.put("depends_on", deps.toString());
    service.path("environment").fields().forEachRemaining(v -> elements.put("env " + v.getKey(), v.getValue().asText()));
    return elements;
  }

  private static JsonNode config(Path dir, Path compose) throws IOException {
    RealTool.Result result = RealTool.run(dir, List.of("docker-compose", "--project-directory", dir.toString(), "-f",
        compose.toString(), "config"));
    assertThat(result.exitCode()).as("docker-compose config of %s:%n%s%n%s", compose, result.output(),
        Files.readString(compose)).isZero();
    return YAML.readTree(result.output());
  }

  /**
   * A random compose file: an environment anchor, two service bases (image and restart; command and restart),
   * services merging them in random order, with their own keys overriding, environments merging the anchor,
   * and dependencies on earlier services, some through an aliased list.
   */
  static String compose(Random random) {
    StringBuilder s = new StringBuilder();
    Map<String, String> shared = variables(random, 1 + random.nextInt(3));
    s.append("x-env: &env\n");
    shared.forEach((k, v) -> s.append("  ").append(k).append(": \"").append(v).append("\"\n"));
    s.append("x-base: &base\n  image: ").append(pick(random, IMAGES)).append("\n  restart: ")
        .append(pick(random, RESTARTS)).append('\n');
    s.append("x-run: &run\n  restart: ").append(pick(random, RESTARTS)).append("\n  command: [\"sleep\", \"")
        .append(100 + random.nextInt(900)).append("\"]\n");
    s.append("x-deps: &deps\n  - s0\n");
    s.append("services:\n");
    int count = 2 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      s.append("  s").append(i).append(":\n");
      switch (random.nextInt(4)) {
        case 0 -> s.append("    <<: *base\n");
        case 1 -> s.append("    <<: [*base, *run]\n");
        case 2 -> s.append("    <<: [*run, *base]\n");
        default -> s.append("    <<: *run\n    image: ").append(pick(random, IMAGES)).append('\n');
      }
      if (random.nextBoolean()) {
        s.append("    restart: ").append(pick(random, RESTARTS)).append('\n');
      }
      switch (random.nextInt(3)) {
        case 0 -> s.append("    environment: *env\n");
        case 1 -> {
          s.append("    environment:\n      <<: *env\n");
          variables(random, 1 + random.nextInt(2)).forEach((k, v) -> s.append("      ").append(k).append(": \"")
              .append(v).append("\"\n"));
        }
        default -> { }
      }
      if (i > 0) {
        if (random.nextBoolean()) {
          s.append("    depends_on: *deps\n");
        } else if (i > 1) {
          s.append("    depends_on:\n      - s").append(random.nextInt(i)).append('\n');
        }
      }
    }
    return s.toString();
  }

  /** Variables with harmless values (never secret-looking): names may repeat the anchor's, to override it. */
  private static Map<String, String> variables(Random random, int count) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      values.put(pick(random, NAMES), pick(random, WORDS));
    }
    return values;
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
