package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.generate.RealTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 6: a reference line of {@code local/.env.example}, uncommented into {@code local/.env}, gives the
 * value the compose file gives the app, as the real docker-compose 1.29 reads both ({@code $5}, {@code ${PRICE}},
 * {@code #}, quotes, blanks, backslashes, line breaks and the rest of the nasty values).
 */
class EnvExampleRealToolTest {

  private static final Pattern REFERENCE = Pattern.compile("^# (SAMPLE_[0-9]+)=(.*)$");

  @Test
  void anUncommentedReferenceLineGivesTheValueDockerComposeGivesTheApp(@TempDir Path root) throws Exception {
    RealTool.require("docker-compose");
    List<String> values = new ArrayList<>(ComposeRealToolTest.NASTY);
    values.add(0, "cost: $5 or ${PRICE} # each");
    List<String> keys = new ArrayList<>(List.of("DB_PASSWORD"));
    for (int i = 0; i < values.size(); i++) {
      keys.add("SAMPLE_" + i);
    }
    Stack.Builder builder = Stack.named("nasty")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("app").dependsOn("db").uses(keys.toArray(String[]::new)))
        .service(Postgres.of("db", "14.9").password("DB_PASSWORD"))
        .config(ConfigKey.secret("DB_PASSWORD"));
    for (int i = 0; i < values.size(); i++) {
      builder.config(ConfigKey.string("SAMPLE_" + i).defaultValue(values.get(i)));
    }
    Path compose = LocalProject.write(root, builder.environment(Environment.local()).build());
    Path local = compose.getParent();
    List<String> example = Files.readAllLines(local.resolve(".env.example"));
    assertThat(example).contains("# SAMPLE_0=\"cost: $5 or ${PARITY_NO_SUCH_VARIABLE:-$}{PRICE} # each\"");

    StringBuilder env = new StringBuilder("DB_PASSWORD=s3cret\n");
    StringBuilder probe = new StringBuilder("version: \"3.8\"\nservices:\n  probe:\n    image: debian:bookworm-slim\n"
        + "    environment:\n");
    List<String> uncommented = new ArrayList<>();
    for (String line : example) {
      Matcher m = REFERENCE.matcher(line);
      if (m.matches()) {
        env.append(m.group(1)).append('=').append(m.group(2)).append('\n');
        probe.append("      ").append(m.group(1)).append(": \"${").append(m.group(1)).append("}\"\n");
        uncommented.add(m.group(1));
      }
    }
    List<String> notShown = example.stream().filter(l -> l.endsWith("holds a character no .env line can carry; its"
        + " value is in docker-compose.yml")).toList();
    assertThat(notShown).hasSize((int) values.stream().filter(v -> v.matches("(?s).*[\u0085\u2028].*")).count());
    assertThat(uncommented).hasSize(values.size() - notShown.size());
    Files.writeString(local.resolve(".env"), env);
    Files.writeString(local.resolve("probe.yml"), probe);

    JsonNode fromDotEnv = config(local, "probe.yml").at("/services/probe/environment");
    JsonNode fromCompose = config(local, "docker-compose.yml").at("/services/web/environment");

    for (String key : uncommented) {
      int i = Integer.parseInt(key.substring("SAMPLE_".length()));
      assertThat(fromDotEnv.path(key).asText()).as("%s, from the uncommented line", key)
          .isEqualTo(fromCompose.path(key).asText());
      assertThat(fromDotEnv.path(key).asText().replace("$$", "$")).as("%s", key).isEqualTo(values.get(i));
    }
  }

  private static JsonNode config(Path local, String file) throws Exception {
    RealTool.Result result = RealTool.run(local, "env", "-u", "DB_PASSWORD", "docker-compose", "-f", file, "config");
    assertThat(result.exitCode()).as(result.output()).isZero();
    return ScalarText.readTree(result.output());
  }
}
