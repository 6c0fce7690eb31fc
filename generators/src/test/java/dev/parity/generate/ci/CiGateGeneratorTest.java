package dev.parity.generate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Golden;
import dev.parity.generate.RealTool;
import dev.parity.generate.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiGateGeneratorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path dir;

  @Test
  void shopMatchesGoldens() {
    Map<String, GeneratedFile> files = generate(Fixtures.shop().build());
    assertThat(files).containsOnlyKeys("ci/parity-gate.sh", "ci/github/parity.yml");
    assertThat(files.get("ci/parity-gate.sh").executable()).isTrue();
    Golden.assertMatches("ci/shop/parity-gate.sh", files.get("ci/parity-gate.sh").content());
    Golden.assertMatches("ci/shop/parity.yml", files.get("ci/github/parity.yml").content());
  }

  @Test
  void ordersMatchesGoldens() {
    Map<String, GeneratedFile> files = generate(Fixtures.orders().build());
    Golden.assertMatches("ci/orders/parity-gate.sh", files.get("ci/parity-gate.sh").content());
    Golden.assertMatches("ci/orders/parity.yml", files.get("ci/github/parity.yml").content());
  }

  @Test
  void platformOnKubernetesMatchesGolden() {
    Golden.assertMatches("ci/platform/parity.yml", generate(Fixtures.platform().build()).get("ci/github/parity.yml").content());
  }

  @Test
  void kubernetesEnvironmentsApplyTheirOverlayAndTheFirstPinsTheDigestsItPushed() throws IOException {
    JsonNode jobs = YAML.readTree(generate(Fixtures.platform().build()).get("ci/github/parity.yml").content()).path("jobs");
    String staging = runs(jobs.path("deploy-staging"));
    assertThat(staging)
        .contains("echo '  - ../overlays/staging'")
        .contains("echo '  - name: registry.example.com/platform/web'")
        .contains("echo \"    digest: ${WEB_IMAGE#*@}\"")
        .contains("kubectl apply -k deploy/k8s/release-staging")
        .contains("kubectl --namespace platform-staging rollout status deployment/web --timeout=10m")
        .doesNotContain("terraform apply");
    String production = runs(jobs.path("deploy-production"));
    assertThat(production)
        .contains("kubectl --context prod-eu-west-1 apply -k deploy/k8s/overlays/production")
        .contains("terraform apply")
        .doesNotContain("release-production")
        .doesNotContain("_IMAGE");
  }

  @Test
  void kubernetesDeployStepsPassShellcheck() throws IOException {
    RealTool.require("shellcheck");
    JsonNode staging = YAML.readTree(generate(Fixtures.platform().build()).get("ci/github/parity.yml").content())
        .path("jobs").path("deploy-staging");
    Files.writeString(dir.resolve("k8s.sh"), "#!/usr/bin/env bash\n" + runs(staging));
    assertThat(RealTool.assertAccepts(dir, "shellcheck", "k8s.sh")).isEmpty();
  }

  @Test
  void gateScriptPassesShellcheck() throws IOException {
    RealTool.require("shellcheck");
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build(), Fixtures.builds().build())) {
      Files.writeString(dir.resolve("parity-gate.sh"), generate(stack).get("ci/parity-gate.sh").content());
      assertThat(RealTool.assertAccepts(dir, "shellcheck", "parity-gate.sh")).isEmpty();
    }
  }

  @Test
  void gateScriptQuotesAnOddSpecNameAndTreeFolder() throws IOException {
    RealTool.require("shellcheck");
    GenerationContext odd = new GenerationContext(Fixtures.shop().build(), "It's $HOME `x`.java",
        "../../spec dir", "out/it's deploy", Templates.builtIn());
    String script = new CiGateGenerator().generate(odd).get(0).content();
    assertThat(script).contains("check --spec 'It'\\''s $HOME `x`.java' --out 'out/it'\\''s deploy'");
    Files.writeString(dir.resolve("parity-gate.sh"), script);
    // SC2016 says '$HOME' does not expand in single quotes: exactly what the quoting is for
    assertThat(RealTool.assertAccepts(dir, "shellcheck", "--exclude=SC2016", "parity-gate.sh")).isEmpty();
  }

  @Test
  void gateScriptRunsCheckFromTheSpecFolderAndFailsWithIt() throws IOException, InterruptedException {
    RealTool.require("bash");
    Path spec = dir.resolve("project");
    Path ci = spec.resolve("deploy/ci");
    Files.createDirectories(ci);
    Files.writeString(ci.resolve("parity-gate.sh"), generate(Fixtures.shop().build()).get("ci/parity-gate.sh").content());
    Path fake = dir.resolve("fake-parity");
    Files.writeString(fake, "#!/usr/bin/env bash\necho \"$PWD $*\" >> \"$LOG\"\n"
        + "if [ \"$1\" = check ]; then exit \"$CHECK_EXIT\"; fi\nexit 1\n");
    fake.toFile().setExecutable(true);

    RealTool.Result passed = runGate(ci, fake, 0);
    assertThat(passed.exitCode()).isZero();
    assertThat(Files.readAllLines(dir.resolve("log"))).containsExactly(
        spec.toRealPath() + " check --spec ShopSpec.java --out deploy",
        spec.toRealPath() + " diff --spec ShopSpec.java staging production");

    Files.delete(dir.resolve("log"));
    RealTool.Result drift = runGate(ci, fake, 1);
    assertThat(drift.exitCode()).isEqualTo(1);
    assertThat(drift.output()).contains("'parity check' failed (exit 1)");
    assertThat(Files.readAllLines(dir.resolve("log"))).hasSize(1);
  }

  @Test
  void platformGateScriptMatchesGoldenAndPassesShellcheck() throws IOException {
    String script = generate(Fixtures.platform().build()).get("ci/parity-gate.sh").content();
    Golden.assertMatches("ci/platform/parity-gate.sh", script);
    RealTool.require("shellcheck");
    Files.writeString(dir.resolve("parity-gate.sh"), script);
    assertThat(RealTool.assertAccepts(dir, "shellcheck", "parity-gate.sh")).isEmpty();
  }

  @Test
  void gateDriftOfAKubernetesEnvironmentComparesItsNamespaceAndFailsWithIt() throws IOException {
    RealTool.require("bash");
    Path ci = dir.resolve("project/deploy/ci");
    Files.createDirectories(ci);
    Files.writeString(ci.resolve("parity-gate.sh"), generate(Fixtures.platform().build()).get("ci/parity-gate.sh")
        .content());
    Path fake = dir.resolve("fake-parity");
    Files.writeString(fake, "#!/usr/bin/env bash\necho \"$*\" >> \"$LOG\"\n"
        + "if [ \"$2\" = cluster ]; then echo '### Parity drift: cluster'; exit \"$CLUSTER_EXIT\"; fi\nexit 0\n");
    fake.toFile().setExecutable(true);
    Path log = dir.resolve("log");

    RealTool.Result clean = RealTool.run(dir, "env", "PARITY=" + fake, "LOG=" + log, "CLUSTER_EXIT=0", "bash",
        ci.resolve("parity-gate.sh").toString(), "drift", "staging");
    assertThat(clean.exitCode()).isZero();
    assertThat(Files.readAllLines(log)).filteredOn(l -> l.startsWith("drift cluster"))
        .containsExactly("drift cluster --spec ShopSpec.java --env staging --format markdown");

    Files.delete(log);
    RealTool.Result drifted = RealTool.run(dir, "env", "PARITY=" + fake, "LOG=" + log, "CLUSTER_EXIT=1",
        "PARITY_KUBE_CONTEXT=prod-eu-west-1", "bash", ci.resolve("parity-gate.sh").toString(), "drift", "production");
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output()).contains("### Parity drift: cluster",
        "parity gate: the objects of production's namespace drifted from the spec (exit 1)");
    assertThat(Files.readAllLines(log)).filteredOn(l -> l.startsWith("drift cluster")).containsExactly(
        "drift cluster --spec ShopSpec.java --env production --context prod-eu-west-1 --format markdown");
  }

  private RealTool.Result runGate(Path ci, Path fake, int checkExit) {
    return RealTool.run(dir, "env", "PARITY=" + fake, "LOG=" + dir.resolve("log"), "CHECK_EXIT=" + checkExit,
        "bash", ci.resolve("parity-gate.sh").toString());
  }

  @Test
  void workflowPassesYamllint() throws IOException {
    RealTool.require("yamllint");
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build(), Fixtures.builds().build())) {
      Files.writeString(dir.resolve("parity.yml"), generate(stack).get("ci/github/parity.yml").content());
      // a pinned action (owner/name@<40-hex commit>  # vX.Y.Z) is one word longer than 80 columns
      String output = RealTool.assertAccepts(dir, "yamllint", "--strict", "--format", "parsable", "-d",
          "{extends: default, rules: {document-start: {present: false}, line-length: {max: 100}}}", "parity.yml");
      assertThat(output).isEmpty();
      // yamllint's own defaults only warn that GitHub's usual style omits the document start marker,
      // and find nothing else than the pinned actions' lines too long
      String defaults = RealTool.run(dir, "yamllint", "--format", "parsable", "parity.yml").output();
      assertThat(defaults).contains("(document-start)");
      assertThat(defaults.lines().filter(l -> l.contains("[error]")))
          .allMatch(l -> l.contains("(line-length)"));
    }
  }

  @Test
  void workflowPromotesOneImageThroughTheEnvironmentsInOrder() throws IOException {
    JsonNode workflow = YAML.readTree(generate(Fixtures.shop().build()).get("ci/github/parity.yml").content());
    assertThat(workflow.has("on")).as("'on' must be read back as the key on, not as a boolean").isTrue();
    assertThat(workflow.path("on").path("push").path("branches").get(0).asText()).isEqualTo("main");

    JsonNode jobs = workflow.path("jobs");
    assertThat(names(jobs.fieldNames()))
        .containsExactly("parity-gate", "deploy-staging", "integration-tests", "deploy-production");
    assertThat(jobs.path("parity-gate").has("needs")).isFalse();
    assertThat(jobs.path("deploy-staging").path("needs").asText()).isEqualTo("parity-gate");
    assertThat(jobs.path("integration-tests").path("needs").asText()).isEqualTo("deploy-staging");
    assertThat(jobs.path("deploy-production").path("needs").asText()).isEqualTo("integration-tests");
    assertThat(jobs.path("deploy-staging").path("environment").asText()).isEqualTo("staging");
    assertThat(jobs.path("deploy-production").path("environment").asText()).isEqualTo("production");

    String staging = runs(jobs.path("deploy-staging"));
    String production = runs(jobs.path("deploy-production"));
    assertThat(count(staging, "docker build")).isEqualTo(1);
    assertThat(count(staging, "docker push")).isEqualTo(1);
    assertThat(production).doesNotContain("docker build", "docker push");
    assertThat(jobs.path("deploy-staging").toString()).contains("ghcr.io/acme/shop-web:${{ github.sha }}");

    assertThat(imageVars(staging)).containsExactly("web_image=$WEB_IMAGE");
    assertThat(staging).contains("pushed=$(docker inspect --format '{{index .RepoDigests 0}}' \"$IMAGE\")\n"
        + "echo \"WEB_IMAGE=$pushed\" >> \"$GITHUB_ENV\"");
    // Production runs the digest its committed release (parity promote) wrote into production.tfvars.
    assertThat(imageVars(production)).isEmpty();
    assertThat(staging).contains("-var-file=\"$GITHUB_WORKSPACE/$SPEC_DIR/$TFVARS\"");
    assertThat(step(jobs.path("deploy-staging"), "Deploy staging").path("env").path("TFVARS").asText())
        .isEqualTo("deploy/terraform/staging.tfvars");
    assertThat(step(jobs.path("deploy-production"), "Deploy production").path("env").path("TFVARS").asText())
        .isEqualTo("deploy/terraform/production.tfvars");
    assertThat(workflow.path("env").path("TF_DIR").asText()).isEqualTo("infra");
  }

  @Test
  void workflowWithOneRemoteEnvironmentTestsAfterIt() throws IOException {
    JsonNode jobs = YAML.readTree(generate(Fixtures.orders().build()).get("ci/github/parity.yml").content())
        .path("jobs");
    assertThat(names(jobs.fieldNames())).containsExactly("parity-gate", "deploy-production", "integration-tests");
    assertThat(runs(jobs.path("deploy-production"))).contains("./mvnw", "docker build", "api_image=$API_IMAGE");
  }

  @Test
  void buildsMatchGoldens() {
    Map<String, GeneratedFile> files = generate(Fixtures.builds().build());
    Golden.assertMatches("ci/builds/parity-gate.sh", files.get("ci/parity-gate.sh").content());
    Golden.assertMatches("ci/builds/parity.yml", files.get("ci/github/parity.yml").content());
  }

  @Test
  void eachBuildKindBuildsItsImageItsOwnWay() throws IOException {
    JsonNode staging = YAML.readTree(generate(Fixtures.builds().build()).get("ci/github/parity.yml").content())
        .path("jobs").path("deploy-staging");
    assertThat(runs(staging)).doesNotContain("mvnw");

    JsonNode api = step(staging, "Build and push the api image once");
    assertThat(api.path("env").path("DOCKERFILE").asText()).isEqualTo("deploy/api/Dockerfile");
    assertThat(api.path("env").path("CONTEXT").asText()).isEqualTo("api");
    assertThat(api.path("run").asText()).isEqualTo("docker build --file \"$DOCKERFILE\" --tag \"$IMAGE\" \"$CONTEXT\"\n"
        + "docker push \"$IMAGE\"\n"
        + "pushed=$(docker inspect --format '{{index .RepoDigests 0}}' \"$IMAGE\")\n"
        + "echo \"API_IMAGE=$pushed\" >> \"$GITHUB_ENV\"\n");

    JsonNode web = step(staging, "Build and push the web image once");
    assertThat(web.path("env").path("DOCKERFILE").asText()).isEqualTo("deploy/web/Dockerfile");
    assertThat(web.path("run").asText()).contains("  --target production \\\n");

    JsonNode admin = step(staging, "Build and push the admin image once");
    assertThat(admin.path("env").path("DOCKERFILE").asText()).isEqualTo("admin/docker/Dockerfile");
    assertThat(admin.path("env").path("CONTEXT").asText()).isEqualTo("admin");
    assertThat(admin.path("run").asText()).isEqualTo("docker build --file \"$DOCKERFILE\" \\\n"
        + "  --target runtime \\\n"
        + "  --build-arg NODE_ENV=production \\\n"
        + "  --build-arg 'GREETING=it'\\''s $HOME' \\\n"
        + "  --tag \"$IMAGE\" \"$CONTEXT\"\n"
        + "docker push \"$IMAGE\"\n"
        + "pushed=$(docker inspect --format '{{index .RepoDigests 0}}' \"$IMAGE\")\n"
        + "echo \"ADMIN_IMAGE=$pushed\" >> \"$GITHUB_ENV\"\n");
    assertThat(imageVars(runs(staging))).containsExactly("api_image=$API_IMAGE", "web_image=$WEB_IMAGE",
        "admin_image=$ADMIN_IMAGE");
  }

  @Test
  void buildStepsPassShellcheck() throws IOException {
    RealTool.require("shellcheck");
    JsonNode staging = YAML.readTree(generate(Fixtures.builds().build()).get("ci/github/parity.yml").content())
        .path("jobs").path("deploy-staging");
    for (JsonNode step : staging.path("steps")) {
      if (step.path("name").asText().startsWith("Build and push")) {
        Files.writeString(dir.resolve("step.sh"), "#!/usr/bin/env bash\n" + step.path("run").asText());
        // SC2016: '$HOME' in a build argument stays literal, as declared
        assertThat(RealTool.assertAccepts(dir, "shellcheck", "--exclude=SC2016", "step.sh")).isEmpty();
      }
    }
  }

  @Test
  void aBuildArgumentCannotBecomeAGitHubExpression() {
    assertThat(GitHubWorkflow.expressionSafe("a${{ secrets.X }}")).isEqualTo("a${{ '${{' }} secrets.X }}");
  }

  @Test
  void generatingTwiceGivesTheSameBytes() {
    assertThat(generate(Fixtures.shop().build())).isEqualTo(generate(Fixtures.shop().build()));
  }

  private static Map<String, GeneratedFile> generate(Stack stack) {
    return new CiGateGenerator().generate(Fixtures.context(stack)).stream()
        .collect(Collectors.toMap(GeneratedFile::path, f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static String runs(JsonNode job) {
    StringBuilder all = new StringBuilder();
    job.path("steps").forEach(step -> all.append(step.path("run").asText()).append('\n'));
    return all.toString();
  }

  private static JsonNode step(JsonNode job, String name) {
    for (JsonNode step : job.path("steps")) {
      if (step.path("name").asText().equals(name)) {
        return step;
      }
    }
    throw new AssertionError("no step '" + name + "' in " + job);
  }

  private static List<String> imageVars(String runs) {
    Matcher m = Pattern.compile("-var \"(\\w+_image=[^\"]*)\"").matcher(runs);
    List<String> tags = new ArrayList<>();
    while (m.find()) {
      tags.add(m.group(1));
    }
    return tags;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private static List<String> names(Iterator<String> it) {
    List<String> names = new ArrayList<>();
    it.forEachRemaining(names::add);
    return names;
  }
}
