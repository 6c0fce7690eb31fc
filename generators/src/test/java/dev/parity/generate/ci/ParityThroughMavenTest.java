package dev.parity.generate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import dev.parity.generate.MavenWrapper;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 4: for a spec in a Maven project that declares the Parity Maven plugin, every job runs
 * {@code parity} through the project's own {@code ./mvnw} and the plugin's {@code parity:cli} goal, not a
 * downloaded CLI. The real Maven run of the launcher is the plugin's sample build {@code cli-launcher}.
 */
class ParityThroughMavenTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String STEP = "Run parity through ../mvnw and the Parity Maven plugin";

  @TempDir
  Path dir;

  private static String workflow() {
    return new CiGateGenerator().generate(Fixtures.context(Fixtures.platform().build())
            .withMaven(new MavenWrapper("../mvnw", "../pom.xml"))).stream()
        .filter(f -> f.path().equals("ci/github/parity.yml")).map(GeneratedFile::content).findFirst().orElseThrow();
  }

  @Test
  void matchesGolden() {
    Golden.assertMatches("ci/platform-maven/parity.yml", workflow());
  }

  @Test
  void everyJobThatRunsParityGetsItThroughTheWrapperAndNoneDownloadsTheCli() throws IOException {
    String text = workflow();
    assertThat(text).doesNotContain("PARITY_CLI_SHA256", "parity-cli-", "PARITY_CLI_MIRROR")
        .contains("# - parity runs as the Parity Maven plugin's parity:cli goal through ../mvnw");
    JsonNode jobs = YAML.readTree(text).path("jobs");
    for (String id : List.of("parity-gate", "deploy-staging", "release-staging", "deploy-production",
        "release-production")) {
      JsonNode step = step(jobs.path(id));
      assertThat(step).as(id).isNotNull();
      assertThat(step.path("working-directory").asText()).isEqualTo("${{ env.SPEC_DIR }}");
    }
  }

  @Test
  void theStepPassesYamllintAndShellcheck() throws IOException {
    RealTool.require("yamllint");
    RealTool.require("shellcheck");
    Files.writeString(dir.resolve("parity.yml"), workflow());
    assertThat(RealTool.assertAccepts(dir, "yamllint", "--strict", "--format", "parsable", "parity.yml")).isEmpty();
    Files.writeString(dir.resolve("step.sh"), "#!/usr/bin/env bash\n" + script());
    assertThat(RealTool.assertAccepts(dir, "shellcheck", "step.sh")).isEmpty();
    Files.writeString(dir.resolve("launcher.sh"), launcher());
    assertThat(RealTool.assertAccepts(dir, "shellcheck", "launcher.sh")).isEmpty();
  }

  /**
   * The step and its launcher run as written against a stand-in {@code mvnw} that records what Maven is
   * asked and answers as the goal does: each argument arrives whole, and the launcher exits with the code the
   * CLI wrote.
   */
  @Test
  void theLauncherHandsEveryArgumentWholeToTheGoalAndExitsWithTheCodeOfParity() throws IOException, InterruptedException {
    RealTool.require("bash");
    Path project = Files.createDirectories(dir.resolve("project/deploy-spec"));
    Path mvnw = dir.resolve("project/mvnw");
    Files.writeString(mvnw, "#!/usr/bin/env bash\n"
        + "printf '%s\\n' \"$@\" > \"$MAVEN_LOG\"\n"
        + "for a in \"$@\"; do case $a in\n"
        + "  -Dparity.argsFile=*) args=${a#*=} ;;\n"
        + "  -Dparity.exitCodeFile=*) code=${a#*=} ;;\n"
        + "esac; done\n"
        + "tr '\\0' '\\n' < \"$args\" > \"$ARGS_LOG\"\n"
        + "echo 2 > \"$code\"\n");
    mvnw.toFile().setExecutable(true);
    Files.writeString(dir.resolve("step.sh"), script());
    Path runner = dir.resolve("runner");
    RealTool.Result step = RealTool.run(project, "env", "RUNNER_TEMP=" + runner, "GITHUB_ENV=" + dir.resolve("env"),
        "GITHUB_PATH=" + dir.resolve("path"), "bash", "-e", dir.resolve("step.sh").toString());
    assertThat(step.exitCode()).as(step.output()).isZero();
    assertThat(Files.readAllLines(dir.resolve("env"))).containsExactly("PARITY_MVNW=" + project + "/../mvnw",
        "PARITY_POM=" + project + "/../pom.xml");
    assertThat(Files.readString(dir.resolve("path")).trim()).isEqualTo(runner.resolve("bin").toString());

    RealTool.Result run = RealTool.run(project, "env", "PARITY_MVNW=" + project + "/../mvnw",
        "PARITY_POM=" + project + "/../pom.xml", "MAVEN_LOG=" + dir.resolve("maven.log"),
        "ARGS_LOG=" + dir.resolve("args.log"), runner.resolve("bin/parity").toString(),
        "promote", "--spec", "Shop Spec.java", "it's", "");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("args.log"))).isEqualTo("promote\n--spec\nShop Spec.java\nit's\n\n");
    assertThat(Files.readAllLines(dir.resolve("maven.log")).subList(0, 7)).containsExactly("--batch-mode", "--quiet",
        "--no-transfer-progress", "--non-recursive", "--file", project + "/../pom.xml", "parity:cli");
  }

  private static String script() throws IOException {
    return step(YAML.readTree(workflow()).path("jobs").path("parity-gate")).path("run").asText();
  }

  private static String launcher() throws IOException {
    String script = script();
    return script.substring(script.indexOf("<<'LAUNCHER'\n") + "<<'LAUNCHER'\n".length(), script.indexOf("\nLAUNCHER\n") + 1);
  }

  private static JsonNode step(JsonNode job) {
    for (JsonNode step : job.path("steps")) {
      if (step.path("name").asText().equals(STEP)) {
        return step;
      }
    }
    return null;
  }
}
