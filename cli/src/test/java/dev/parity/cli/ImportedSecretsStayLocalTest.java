package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever a compose file takes from its {@code .env} file or an {@code env_file} (random
 * values, some equal, some empty, used whole, inside a longer value, in mapping and list form, passed through
 * by name ({@code - NAME}, {@code NAME:}), as a database password), no such value appears in the imported spec or in any generated file outside
 * {@code deploy/local/}; {@code deploy/local/.env} holds each, and distinct variables stay distinct keys.
 */
class ImportedSecretsStayLocalTest {

  private static final List<String> NAMES = List.of("LOG_LEVEL", "SITE_NAME", "MAIL_FROM", "WORKERS", "API_URL",
      "FEATURE", "PG_PASS", "REGION", "THEME", "CACHE_TTL");

  @TempDir
  Path temp;

  @Test
  void noValueFromTheEnvFileOrAnEnvFileLeavesDeployLocal() {
    qt().withExamples(8).withShrinkCycles(0).forAll(longs().all()).checkAssert(this::check);
  }

  private void check(long seed) {
    try {
      Path dir = Files.createDirectories(temp.resolve("s" + Long.toHexString(seed)));
      Random random = new Random(seed);
      Map<String, String> dotEnv = values(random, "E_");
      Map<String, String> envFile = values(random, "F_");
      Files.writeString(dir.resolve(".env"), lines(dotEnv));
      Files.writeString(dir.resolve("app.env"), lines(envFile));
      List<String> names = new ArrayList<>(dotEnv.keySet());
      StringBuilder yaml = new StringBuilder("services:\n  db:\n    image: postgres:16.2\n    environment:\n"
          + "      POSTGRES_PASSWORD: ${" + names.get(0) + "}\n  mail:\n    image: axllent/mailpit:v1.14.0\n"
          + "    env_file: app.env\n    environment:\n");
      for (int i = 1; i < names.size(); i++) {
        String use = switch (random.nextInt(3)) {
          case 0 -> "${" + names.get(i) + "}";
          case 1 -> "\"prefix-${" + names.get(i) + "}-suffix\"";
          default -> "$" + names.get(i);
        };
        yaml.append("      V").append(i).append(": ").append(use).append('\n');
      }
      yaml.append("  worker:\n    image: axllent/mailpit:v1.14.0\n    environment:\n");
      for (int i = 1; i < names.size(); i++) {
        yaml.append("      - W").append(i).append("=${").append(names.get(i)).append("}\n");
      }
      // Passed through by name (- NAME, NAME:): compose takes the value from .env, so it is one from outside too.
      yaml.append("  runner:\n    image: axllent/mailpit:v1.14.0\n    environment:\n      - RUNNER_MODE=plain\n");
      for (int i = 1; i < names.size(); i++) {
        yaml.append(random.nextBoolean() ? "      - " + names.get(i) + "\n" : "");
      }
      yaml.append("  relay:\n    image: axllent/mailpit:v1.14.0\n    environment:\n      RELAY_MODE: plain\n");
      for (int i = 1; i < names.size(); i++) {
        yaml.append(random.nextBoolean() ? "      " + names.get(i) + ":\n" : "");
      }
      Files.writeString(dir.resolve("docker-compose.yml"), yaml);

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Path spec = dir.resolve("Imported.java");
      assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "init", "--from-compose",
          dir.resolve("docker-compose.yml").toString(), "--out", spec.toString())).as("%s%s%n%s", out, err, yaml)
          .isIn(0, 1);
      assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec.toString(),
          "--out", dir.resolve("deploy").toString())).as("%s%s", out, err).isZero();

      Map<String, String> all = new LinkedHashMap<>(dotEnv);
      all.putAll(envFile);
      Path local = dir.resolve("deploy/local");
      for (Path file : files(dir)) {
        if (file.startsWith(local) || file.getFileName().toString().endsWith(".env")
            && file.getParent().equals(dir)) {
          continue;
        }
        String text = Files.readString(file);
        all.forEach((name, value) -> assertThat(value.isEmpty() || !text.contains(value))
            .as("%s=%s (seed %d) appears in %s:%n%s", name, value, seed, dir.relativize(file), text).isTrue());
      }
      String localEnv = Files.readString(local.resolve(".env"));
      all.values().stream().filter(v -> !v.isEmpty()).forEach(v -> assertThat(localEnv).contains(v));
      long distinct = Files.readAllLines(local.resolve(".env")).stream().filter(l -> l.contains("=")).count();
      assertThat(distinct).as(localEnv).isGreaterThanOrEqualTo(envFile.size() + dotEnv.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Random variables: some equal to another, some empty; every non-empty value a distinctive token. */
  private static Map<String, String> values(Random random, String prefix) {
    Map<String, String> values = new LinkedHashMap<>();
    int count = 2 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String name = prefix + NAMES.get(random.nextInt(NAMES.size())) + "_" + i;
      int kind = random.nextInt(5);
      String value = kind == 0 ? "" : kind == 1 && !values.isEmpty() ? values.values().iterator().next() : token(random);
      values.put(name, value);
    }
    return values;
  }

  private static String token(Random random) {
    StringBuilder s = new StringBuilder("q");
    for (int i = 0; i < 11; i++) {
      s.append("abcdefghijkmnpqrstuvwxyz23456789".charAt(random.nextInt(32)));
    }
    return s.toString();
  }

  private static String lines(Map<String, String> values) {
    StringBuilder s = new StringBuilder();
    values.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    return s.toString();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
    }
  }
}
