package dev.parity.drift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The env-file reader against the real {@code docker-compose config} (1.29, the Compose on CI
 * machines): generated files of quoted, unquoted and multi-line values full of quotes, {@code #},
 * backslashes, {@code $}, newlines and unicode must read the same in both, and as the value meant.
 * It covers the subset on which docker-compose 1.29 and compose-go agree (docs/drift.md lists where
 * they differ: 1.29 does not interpolate {@code $VAR}, keeps {@code \$} and {@code $$} in double quotes,
 * interpolates inside single quotes and decodes {@code \\} there, and misreads a double-quoted value ending in
 * {@code \\} when a quote follows on its line).
 */
class EnvFileComposePropertyTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** Characters a value may hold; each encoding below escapes or avoids what it must. */
  private static final List<String> PIECES = List.of("a", "Z", "0", " ", "  ", "#", " #", "\"", "'", "\\", "\\n",
      "\n", "\t", "=", ":", "$", "$$", "${", "}", "{", "é", "日本", "😀", "e\u0301", "\u00a0x", "-", "%", "`");

  /** One entry: a value and the way it is written in the file. */
  record Entry(String value, int style, boolean export, boolean comment) {
  }

  @Test
  void generated_env_files_read_as_docker_compose_config_reads_them(@TempDir Path dir) throws Exception {
    assumeCompose();
    Files.writeString(dir.resolve("docker-compose.yml"),
        "version: '3.8'\nservices:\n  app:\n    image: busybox:1.36\n    env_file: app.env\n");
    qt().withExamples(8).withShrinkCycles(10).forAll(lists().of(entries()).ofSizeBetween(1, 25))
        .checkAssert(entries -> unchecked(() -> readsAsCompose(dir, entries)));
  }

  private static void readsAsCompose(Path dir, List<Entry> entries) throws IOException, InterruptedException {
    StringBuilder file = new StringBuilder("\uFEFF# generated\r\n");
    Map<String, String> meant = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      String written = write(entry);
      if (written == null) {
        continue;
      }
      String key = "K" + i;
      meant.put(key, entry.value());
      file.append(entry.export() ? "export " : "").append(key).append('=').append(written)
          .append(entry.comment() ? " # note \"x\" 'y'" : "").append(i % 3 == 0 ? "\r\n" : "\n");
    }
    Files.writeString(dir.resolve("app.env"), file.toString(), StandardCharsets.UTF_8);
    Map<String, String> compose = compose(dir);
    Map<String, String> parity = EnvFile.read(dir.resolve("app.env"), Map.of());
    assertThat(parity).as("Parity vs docker-compose config on:\n" + file).isEqualTo(compose);
    assertThat(parity).as("Parity vs the values meant, on:\n" + file).isEqualTo(meant);
  }

  /** The value written in one of three styles, or null when the style cannot hold it in the agreed subset. */
  private static String write(Entry entry) {
    String v = entry.value();
    switch (entry.style()) {
      case 0 -> { // unquoted
        boolean safe = !v.isEmpty() && !v.contains("$") && !v.contains("\n") && !v.contains(" #") && !v.contains("\\")
            && v.equals(v.strip()) && "\"'#".indexOf(v.charAt(0)) < 0 && !v.contains("\u00a0") && !v.contains("\t");
        return safe ? v : null;
      }
      case 1 -> { // single quotes: literal
        boolean safe = !v.contains("'") && !v.contains("\\") && !v.contains("$");
        return safe ? "'" + v + "'" : null;
      }
      default -> { // double quotes with escapes
        // 1.29 misreads a double-quoted value that ends in an escaped backslash when a quote follows on the line.
        if (v.contains("$") || v.endsWith("\\")) {
          return null;
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
            .replace("\n", entry.export() ? "\\n" : "\n") + "\"";
      }
    }
  }

  private static Gen<Entry> entries() {
    Gen<String> value = lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 8).map(p -> String.join("", p));
    return value.zip(Generate.range(0, 2), Generate.booleans(), Generate.booleans(), Entry::new);
  }

  private static Map<String, String> compose(Path dir) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("docker-compose", "--no-ansi", "config").directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
    JsonNode environment = YAML.readTree(output).at("/services/app/environment");
    Map<String, String> values = new LinkedHashMap<>();
    // config prints a literal $ as $$, so that its output is a valid compose file again.
    environment.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText().replace("$$", "$")));
    return values;
  }

  private static void assumeCompose() {
    boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH")
        .split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "docker-compose")));
    if (!present && Boolean.parseBoolean(System.getenv("PARITY_REQUIRE_VALIDATORS"))) {
      throw new AssertionError("docker-compose is not on the PATH, and PARITY_REQUIRE_VALIDATORS=true requires it;"
          + " install it first (README.md, \"Tests\")");
    }
    assumeTrue(present, "docker-compose is not on the PATH; install it to compare with it (README.md, \"Tests\");"
        + " set PARITY_REQUIRE_VALIDATORS=true to fail instead");
  }

  private interface Check {
    void run() throws Exception;
  }

  private static void unchecked(Check check) {
    try {
      check.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
