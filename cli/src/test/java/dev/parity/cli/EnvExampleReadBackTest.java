package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.drift.config.EnvFile;
import dev.parity.generate.DeployTree;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 6: the reference lines of {@code local/.env.example}, uncommented, read back by {@code parity
 * drift config}'s own env-file reader (Compose v2's rules) as the values the spec gives; so uncommenting one is no
 * drift. docker-compose 1.29 reading the same lines is {@code EnvExampleRealToolTest} in generators.
 */
class EnvExampleReadBackTest {

  private static final List<String> VALUES = List.of("cost: $5 or ${PRICE} # each", "$HOME", "${HOME}", "$${X}", "a$",
      "$", "${DB_PASSWORD:?boom}", "#not a comment", "a #b", "\"quoted\"", "'single'", "back\\slash\\", "line1\nline2",
      "\ttab", " leading", "trailing ", "crlf\r\nx", "=", "ünïcödé € 🚀", "$_x $1 $", "");
  private static final Pattern REFERENCE = Pattern.compile("^# (SAMPLE_[0-9]+)=(.*)$");

  @Test
  void everyUncommentedReferenceLineReadsBackAsTheSpecsValue(@TempDir Path dir) throws Exception {
    List<String> keys = new ArrayList<>(List.of("DB_PASSWORD"));
    for (int i = 0; i < VALUES.size(); i++) {
      keys.add("SAMPLE_" + i);
    }
    Stack.Builder builder = Stack.named("nasty")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("app").dependsOn("db").uses(keys.toArray(String[]::new)))
        .service(Postgres.of("db", "14.9").password("DB_PASSWORD"))
        .config(ConfigKey.secret("DB_PASSWORD"));
    for (int i = 0; i < VALUES.size(); i++) {
      builder.config(ConfigKey.string("SAMPLE_" + i).defaultValue(VALUES.get(i)));
    }
    DeployTree tree = DeployTree.render(new GenerationContext(builder.environment(Environment.local()).build(),
        "Nasty.java", "..", "deploy", Templates.builtIn()));
    String example = tree.file("local/.env.example").orElseThrow().content();
    StringBuilder env = new StringBuilder();
    int lines = 0;
    for (String line : example.split("\n", -1)) {
      Matcher m = REFERENCE.matcher(line);
      if (m.matches()) {
        env.append(m.group(1)).append('=').append(m.group(2)).append('\n');
        lines++;
      }
    }
    assertThat(lines).isEqualTo(VALUES.size());
    Path file = Files.writeString(dir.resolve(".env"), env);

    Map<String, String> read = EnvFile.read(file, Map.of("HOME", "/home/someone", "PRICE", "9"));

    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < VALUES.size(); i++) {
      expected.put("SAMPLE_" + i, VALUES.get(i));
    }
    assertThat(read).containsExactlyEntriesOf(expected);
  }
}
