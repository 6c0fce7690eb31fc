package dev.parity.generate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated workflow pins every action to a commit with its version beside it, grants each job
 * only the permissions it needs, and GitHub's own workflow parser ({@code @actions/workflow-parser},
 * run by {@code workflow-check}) accepts it.
 */
class GitHubWorkflowPinsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern USES_LINE = Pattern.compile("(?m)^\\s*(?:- )?uses:(?: |\\n\\s+)(.*)$");

  @TempDir
  Path dir;

  private static List<Stack> stacks() {
    return List.of(Fixtures.shop().build(), Fixtures.orders().build(), Fixtures.builds().build(),
        Fixtures.platform().build());
  }

  private static String workflow(Stack stack) {
    return new CiGateGenerator().generate(Fixtures.context(stack)).stream().filter(f -> f.path().equals("ci/github/parity.yml"))
        .findFirst().orElseThrow().content();
  }

  @Test
  void everyUsesIsAFullCommitOfTheTableWithItsVersionAsAComment() {
    Map<String, ActionPins> byAction = Arrays.stream(ActionPins.values())
        .collect(Collectors.toMap(ActionPins::action, p -> p));
    List<String> seen = new ArrayList<>();
    for (Stack stack : stacks()) {
      Matcher uses = USES_LINE.matcher(workflow(stack));
      while (uses.find()) {
        String value = uses.group(1);
        assertThat(value).matches("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}  # v\\d+\\.\\d+\\.\\d+");
        ActionPins pin = byAction.get(value.substring(0, value.indexOf('@')));
        assertThat(pin).as(value).isNotNull();
        assertThat(value).isEqualTo(pin.uses() + "  # " + pin.version());
        seen.add(pin.action());
      }
    }
    assertThat(seen).containsAll(byAction.keySet());
  }

  @Test
  void theTableHoldsFullCommitsAndReleaseTags() {
    for (ActionPins pin : ActionPins.values()) {
      assertThat(pin.commit()).as(pin.action()).matches("[0-9a-f]{40}");
      assertThat(pin.version()).as(pin.action()).matches("v\\d+\\.\\d+\\.\\d+");
    }
  }

  @Test
  void theDocsListTheTable() throws IOException {
    String docs = Files.readString(Path.of("../docs/generated-tree.md"));
    for (ActionPins pin : ActionPins.values()) {
      assertThat(docs).contains("| `" + pin.action() + "` | " + pin.version() + " | `" + pin.commit() + "` |");
    }
  }

  @Test
  void theWorkflowGrantsNothingAndEachJobOnlyWhatItNeeds() throws IOException {
    JsonNode shop = YAML.readTree(workflow(Fixtures.shop().build()));
    assertThat(shop.path("permissions").isObject()).isTrue();
    assertThat(shop.path("permissions").size()).as("workflow-level permissions").isZero();
    JsonNode jobs = shop.path("jobs");
    assertThat(jobs.path("parity-gate").path("permissions").toString()).isEqualTo("{\"contents\":\"read\"}");
    assertThat(jobs.path("integration-tests-staging").path("permissions").toString()).isEqualTo("{\"contents\":\"read\"}");
    // shop runs on instances: each deploy pulls this run's migrations image from ghcr.io to migrate with it
    assertThat(jobs.path("deploy-staging").path("permissions").toString())
        .isEqualTo("{\"contents\":\"read\",\"packages\":\"read\"}");
    assertThat(jobs.path("deploy-production").path("permissions").toString())
        .isEqualTo("{\"contents\":\"read\",\"packages\":\"read\"}");
    // the build pushes the images to ghcr.io with the workflow's token; a release job commits its record
    assertThat(jobs.path("build").path("permissions").toString())
        .isEqualTo("{\"contents\":\"read\",\"packages\":\"write\"}");
    assertThat(jobs.path("release-staging").path("permissions").toString()).isEqualTo("{\"contents\":\"write\"}");
  }

  @Test
  void githubsWorkflowParserAcceptsEveryWorkflow() throws IOException {
    RealTool.require("workflow-check");
    List<String> command = new ArrayList<>(List.of("workflow-check"));
    int i = 0;
    for (Stack stack : stacks()) {
      Path file = dir.resolve("parity-" + (++i) + ".yml");
      Files.writeString(file, workflow(stack));
      command.add(file.getFileName().toString());
    }
    assertThat(RealTool.assertAccepts(dir, command.toArray(String[]::new)))
        .contains("parity-1.yml: valid", "parity-2.yml: valid", "parity-3.yml: valid", "parity-4.yml: valid");
  }

  @Test
  void githubsWorkflowParserRejectsAnInvalidWorkflow() throws IOException {
    RealTool.require("workflow-check");
    Files.writeString(dir.resolve("bad.yml"), workflow(Fixtures.shop().build())
        .replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minutes: soon"));

    RealTool.Result result = RealTool.run(dir, "workflow-check", "bad.yml");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("bad.yml (Line: ");
  }
}
