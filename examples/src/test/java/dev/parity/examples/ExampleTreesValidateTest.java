package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of every committed example tree is accepted by the real tool of its ecosystem:
 * Docker Compose, yamllint, shellcheck, HashiCorp's HCL parser and GitHub's workflow parser
 * ({@code workflow-check}: {@code eval "$(bash tools/workflow-check/install.sh)"}). In CI
 * (PARITY_REQUIRE_VALIDATORS=true) a missing tool fails these tests instead of skipping them.
 */
class ExampleTreesValidateTest {

  static Stream<Examples.Example> examples() {
    return Examples.all().stream();
  }

  private static List<String> files(Examples.Example example, String suffix) {
    return Examples.files(example.deploy()).keySet().stream().filter(p -> p.endsWith(suffix)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void dockerComposeAcceptsTheLocalStack(Examples.Example example) throws IOException {
    RealTool.require("docker-compose");
    Path local = example.deploy().resolve("local");
    List<String> secrets = Files.readAllLines(local.resolve(".env.example")).stream()
        .filter(l -> l.matches("[A-Z][A-Z0-9_]*=")).toList();
    assertThat(secrets).as("secrets the local stack needs").isNotEmpty();
    List<String> command = new ArrayList<>(List.of("env"));
    secrets.forEach(s -> command.add(s + "example-value"));
    command.addAll(List.of("docker-compose", "--project-directory", local.toString(), "-f",
        local.resolve("docker-compose.yml").toString(), "config", "-q"));

    RealTool.Result result = RealTool.run(local, command);

    assertThat(result.exitCode()).as("docker-compose config -q:%n%s", result.output()).isZero();
  }

  /**
   * yamllint's own default configuration, nothing relaxed, on every YAML file: the compose file, the
   * workflow and each Kubernetes manifest ({@code .yaml}, whose headers and long values once ran past
   * 80 columns).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void yamllintsDefaultConfigAcceptsEveryYamlFile(Examples.Example example) {
    RealTool.require("yamllint");
    List<String> command = new ArrayList<>(List.of("yamllint", "--strict", "-d", "default"));
    command.addAll(files(example, ".yml"));
    command.addAll(files(example, ".yaml"));
    assertThat(command).hasSizeGreaterThan(5);

    RealTool.Result result = RealTool.run(example.deploy(), command);

    assertThat(result.exitCode()).as("yamllint -d default:%n%s", result.output()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void shellcheckAcceptsEveryScript(Examples.Example example) {
    RealTool.require("shellcheck");
    List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style"));
    command.addAll(files(example, ".sh"));
    assertThat(command).hasSizeGreaterThan(3);

    RealTool.Result result = RealTool.run(example.deploy(), command);

    assertThat(result.exitCode()).as("shellcheck:%n%s", result.output()).isZero();
    for (String script : files(example, ".sh")) {
      assertThat(Files.isExecutable(example.deploy().resolve(script))).as("%s is executable", script).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theHclParserAcceptsEveryTerraformFile(Examples.Example example) {
    RealTool.require("hcl-check");
    List<String> command = new ArrayList<>(List.of("hcl-check"));
    command.addAll(files(example, ".tf"));
    command.addAll(files(example, ".tfvars"));
    if (!Files.isDirectory(example.deploy().resolve("terraform"))) {
      // Every remote environment of this example runs on Kubernetes only: no Terraform file at all.
      assertThat(command).containsExactly("hcl-check");
      return;
    }
    // variables.tf and at least one environment's .tfvars
    assertThat(command).hasSizeGreaterThanOrEqualTo(3);

    RealTool.Result result = RealTool.run(example.deploy(), command);

    assertThat(result.exitCode()).as("hcl-check:%n%s", result.output()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void githubsWorkflowParserAcceptsTheWorkflow(Examples.Example example) {
    RealTool.require("workflow-check");
    List<String> workflows = files(example, "ci/github/parity.yml");
    assertThat(workflows).hasSize(1);

    RealTool.Result result = RealTool.run(example.deploy(), "workflow-check", workflows.get(0));

    assertThat(result.exitCode()).as("workflow-check (@actions/workflow-parser):%n%s", result.output()).isZero();
    assertThat(result.output()).contains("ci/github/parity.yml: valid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyFileSaysItIsGeneratedAndFromWhat(Examples.Example example) {
    for (Map.Entry<String, String> file : Examples.files(example.deploy()).entrySet()) {
      String head = file.getValue().lines().limit(3).reduce("", (a, b) -> a + b + "\n");
      String expected = "Generated by Parity from " + example.specFile();
      assertThat(file.getKey().endsWith(".json") ? file.getValue() : head).as(file.getKey()).contains(
          file.getKey().endsWith(".json") ? "Generated by Parity" : expected);
    }
  }
}
