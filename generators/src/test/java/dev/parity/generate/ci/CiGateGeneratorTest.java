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
  void everyKubernetesEnvironmentAppliesThisRunsDigestsOverItsOverlay() throws IOException {
    JsonNode jobs = YAML.readTree(generate(Fixtures.platform().build()).get("ci/github/parity.yml").content()).path("jobs");
    for (String env : List.of("staging", "production")) {
      String deploy = runs(jobs.path("deploy-" + env));
      assertThat(deploy)
          .contains("echo '  - ../overlays/" + env + "'")
          .contains("echo '  - name: registry.example.com/platform/web'")
          .contains("echo \"    digest: ${WEB_IMAGE#*@}\"")
          .contains("apply -k deploy/k8s/release-" + env)
          .doesNotContain("docker build");
      assertThat(jobs.path("deploy-" + env).path("env").path("WEB_IMAGE").asText())
          .isEqualTo("${{ needs.build.outputs.web }}");
    }
    assertThat(runs(jobs.path("deploy-staging")))
        .contains("kubectl --namespace platform-staging \\\n  rollout status deployment/web --timeout=10m")
        .doesNotContain("terraform apply");
    assertThat(runs(jobs.path("deploy-production")))
        .contains("kubectl --context prod-eu-west-1 \\\n  apply -k deploy/k8s/release-production")
        .contains("terraform apply", "-var \"web_image=$WEB_IMAGE\"");
  }

  @Test
  void aMigrationJobCompletesBeforeAnyAppRollsOutAndItsFailureStopsTheDeploy() throws IOException {
    Stack stack = Fixtures.shop(Fixtures.cluster("staging", 2), Fixtures.cluster("production", 3)).build();
    JsonNode job = YAML.readTree(generate(stack).get("ci/github/parity.yml").content()).path("jobs").path("deploy-staging");
    List<String> names = new ArrayList<>();
    job.path("steps").forEach(st -> names.add(st.path("name").asText()));
    String db = GateScript.databases(stack).get(0).name();
    assertThat(names.indexOf("Write the kubeconfig of staging"))
        .as("found by the pipeline rehearsal: the gate's drift cluster reads the namespace through KUBECONFIG")
        .isNotNegative().isLessThan(names.indexOf("Schema gate: staging against its migrations"));
    assertThat(names.indexOf("Schema gate: staging against its migrations"))
        .isLessThan(names.indexOf("Migrate the databases of staging before the apps roll out"));
    assertThat(names.indexOf("Migrate the databases of staging before the apps roll out"))
        .isLessThan(names.indexOf("Deploy staging to Kubernetes"));
    String migrate = step(job, "Migrate the databases of staging before the apps roll out").path("run").asText();
    assertThat(migrate).contains("delete job/" + db + "-migrate --ignore-not-found",
        "wait --for=condition=complete \\\n  job/" + db + "-migrate --timeout=10m; then",
        "logs job/" + db + "-migrate --all-containers", "exit 1");
  }

  /**
   * Found by the pipeline rehearsal: the build pushed {@code <stack>-<db>-migrations} (to Docker Hub) and pinned
   * that name, while the Job names the repository beside the apps', so the pin never matched and the Job ran
   * {@code :unreleased}.
   */
  @Test
  void theMigrationsImageIsPushedAndPinnedUnderTheNameItsJobUses() throws IOException {
    Stack stack = Fixtures.shop(Fixtures.cluster("staging", 2), Fixtures.cluster("production", 3)).build();
    var database = GateScript.databases(stack).get(0);
    String repository = stack.migrationsRepository(database);
    assertThat(repository).contains("/");
    JsonNode jobs = YAML.readTree(generate(stack).get("ci/github/parity.yml").content()).path("jobs");
    String variable = database.name().replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_MIGRATIONS";
    assertThat(step(jobs.path("build"), "Build and push the " + database.name() + " migrations image once")
        .path("env").path("IMAGE").asText()).isEqualTo(repository + ":${{ github.sha }}");
    assertThat(runs(jobs.path("deploy-staging")))
        .contains("echo '  - name: " + repository + "'", "echo \"    digest: ${" + variable + "#*@}\"");
  }

  /**
   * Found by the pipeline rehearsal: the migrations image was built with the spec folder as its context, so its
   * Dockerfile's {@code COPY . /flyway/sql/} put the whole checkout (.git, target/, the deploy tree) into the image.
   */
  @Test
  void theMigrationsImageIsBuiltFromTheMigrationsFolderAlone() throws IOException {
    Stack stack = Fixtures.shop(Fixtures.cluster("staging", 2), Fixtures.cluster("production", 3)).build();
    var database = GateScript.databases(stack).get(0);
    JsonNode jobs = YAML.readTree(generate(stack).get("ci/github/parity.yml").content()).path("jobs");
    JsonNode build = step(jobs.path("build"), "Build and push the " + database.name() + " migrations image once");
    assertThat(build.path("env").path("CONTEXT").asText())
        .isEqualTo(((dev.parity.core.Database) database).migrations().orElseThrow()).isNotEqualTo(".");
    assertThat(build.path("run").asText()).startsWith("docker build --file \"$DOCKERFILE\" --tag \"$IMAGE\" \"$CONTEXT\"\n");
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

    RealTool.Result first = RealTool.run(dir, "env", "PARITY=" + fake, "LOG=" + log, "CLUSTER_EXIT=2", "bash",
        ci.resolve("parity-gate.sh").toString(), "drift", "staging");
    assertThat(first.exitCode()).as("before the first release there is no namespace to compare: %s", first.output())
        .isZero();
    assertThat(first.output()).contains("parity gate: no release of staging is recorded (deploy/releases/staging.json):"
        + " nothing deployed to compare its namespace with; this deploy is its first");
    assertThat(Files.exists(log) ? Files.readAllLines(log) : List.<String>of()).noneMatch(l -> l.startsWith("drift cluster"));
    Files.deleteIfExists(log);
    Files.createDirectories(dir.resolve("project/deploy/releases"));
    Files.writeString(dir.resolve("project/deploy/releases/staging.json"), "{}");
    Files.writeString(dir.resolve("project/deploy/releases/production.json"), "{}");

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
  void workflowPassesYamllintWithItsDefaultConfiguration() throws IOException {
    RealTool.require("yamllint");
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build(), Fixtures.builds().build(),
        Fixtures.platform().build())) {
      Files.writeString(dir.resolve("parity.yml"), generate(stack).get("ci/github/parity.yml").content());
      assertThat(RealTool.assertAccepts(dir, "yamllint", "--strict", "--format", "parsable", "parity.yml")).isEmpty();
    }
  }

  @Test
  void everyRunStepOfEveryWorkflowPassesShellcheck() throws IOException {
    RealTool.require("shellcheck");
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build(), Fixtures.builds().build(),
        Fixtures.platform().build())) {
      JsonNode jobs = YAML.readTree(generate(stack).get("ci/github/parity.yml").content()).path("jobs");
      for (JsonNode job : jobs) {
        for (JsonNode step : job.path("steps")) {
          if (step.has("run")) {
            Files.writeString(dir.resolve("step.sh"), "#!/usr/bin/env bash\n" + step.path("run").asText());
            // SC2016: '$HOME' in a build argument stays literal, as declared
            assertThat(RealTool.assertAccepts(dir, "shellcheck", "--exclude=SC2016", "step.sh"))
                .as(step.path("name").asText()).isEmpty();
          }
        }
      }
    }
  }

  @Test
  void workflowPromotesOneReleaseUnitThroughTheEnvironmentsInOrder() throws IOException {
    JsonNode workflow = YAML.readTree(generate(Fixtures.shop().build()).get("ci/github/parity.yml").content());
    assertThat(workflow.has("on")).as("'on' must be read back as the key on, not as a boolean").isTrue();
    assertThat(workflow.path("on").path("push").path("branches").get(0).asText()).isEqualTo("main");

    JsonNode jobs = workflow.path("jobs");
    assertThat(names(jobs.fieldNames())).containsExactly("parity-gate", "build",
        "deploy-staging", "integration-tests-staging", "release-staging",
        "deploy-production", "integration-tests-production", "release-production");
    assertThat(jobs.path("parity-gate").has("needs")).isFalse();
    assertThat(jobs.path("build").path("needs").asText()).isEqualTo("parity-gate");
    assertThat(jobs.path("deploy-staging").path("needs").asText()).isEqualTo("build");
    assertThat(jobs.path("integration-tests-staging").path("needs").asText()).isEqualTo("deploy-staging");
    assertThat(jobs.path("release-staging").path("needs").toString())
        .isEqualTo("[\"build\",\"integration-tests-staging\"]");
    assertThat(jobs.path("deploy-production").path("needs").toString()).isEqualTo("[\"build\",\"release-staging\"]");
    assertThat(jobs.path("deploy-staging").path("environment").asText()).isEqualTo("staging");
    assertThat(jobs.path("deploy-production").path("environment").asText()).isEqualTo("production");

    String build = runs(jobs.path("build"));
    assertThat(count(build, "docker build --file \"$DOCKERFILE\" --tag")).isEqualTo(1 + GateScript.databases(Fixtures.shop().build()).size());
    assertThat(jobs.path("build").path("outputs").path("web").asText()).isEqualTo("${{ steps.web.outputs.image }}");
    assertThat(build).contains("echo \"image=$pushed\" >> \"$GITHUB_OUTPUT\"");
    assertThat(jobs.path("build").toString()).contains("ghcr.io/acme/shop-web:${{ github.sha }}");
    for (String env : List.of("staging", "production")) {
      String deploy = runs(jobs.path("deploy-" + env));
      assertThat(deploy).doesNotContain("docker build", "docker push");
      assertThat(imageVars(deploy)).as(env).containsExactly("web_image=$WEB_IMAGE");
      assertThat(jobs.path("deploy-" + env).path("env").path("WEB_IMAGE").asText()).isEqualTo("${{ needs.build.outputs.web }}");
      assertThat(step(jobs.path("deploy-" + env), "Deploy " + env).path("env").path("TFVARS").asText())
          .isEqualTo("deploy/terraform/" + env + ".tfvars");
    }
    assertThat(runs(jobs.path("release-staging")))
        .contains("\"$PARITY\" release --spec ShopSpec.java --out deploy \\\n  --env staging --app web \\\n"
            + "  --digest \"${WEB_IMAGE#*@}\"")
        .contains("\"$PARITY\" release --spec ShopSpec.java --out deploy \\\n  --env staging --app db-migrations"
            + " \\\n  --digest \"${DB_MIGRATIONS#*@}\"")
        .contains("git push --quiet origin HEAD:refs/heads/main");
    assertThat(jobs.path("release-staging").path("env").path("DB_MIGRATIONS").asText())
        .isEqualTo("${{ needs.build.outputs.db_migrations }}");
    assertThat(runs(jobs.path("release-production")))
        .contains("\"$PARITY\" promote --spec ShopSpec.java --out deploy \\\n  --skip-live-check staging production");
    assertThat(workflow.path("env").path("TF_DIR").asText()).isEqualTo("infra");
  }

  @Test
  void workflowWithOneRemoteEnvironmentTestsAfterIt() throws IOException {
    JsonNode jobs = YAML.readTree(generate(Fixtures.orders().build()).get("ci/github/parity.yml").content())
        .path("jobs");
    assertThat(names(jobs.fieldNames())).containsExactly("parity-gate", "build", "deploy-production",
        "integration-tests-production", "release-production");
    assertThat(runs(jobs.path("build"))).contains("./mvnw", "docker build");
    assertThat(runs(jobs.path("deploy-production"))).contains("api_image=$API_IMAGE");
  }

  @Test
  void everyToolTheWorkflowCallsIsInstalledAtAPinnedVersionWithItsChecksum() throws IOException {
    JsonNode jobs = YAML.readTree(generate(Fixtures.platform().build()).get("ci/github/parity.yml").content()).path("jobs");
    String production = runs(jobs.path("deploy-production"));
    assertThat(production)
        .contains("url=\"${MIRROR:-https://dl.k8s.io}\"", "/v1.32.4/", "sum=" + "10d739e9af8a59c9e7a730a2445916e04bc9cbb44bc79d22ce460cd329fa076c")
        .contains("url=\"${MIRROR:-https://releases.hashicorp.com}\"", "terraform_1.11.4_linux_amd64.zip")
        .contains("echo \"$sum  download\" | sha256sum --check --strict -")
        .contains("sum=\"$PARITY_CLI_SHA256\"");
    for (String id : List.of("parity-gate", "deploy-staging", "release-staging")) {
      assertThat(runs(jobs.path(id))).as(id).contains("parity-cli-" + Installs.PARITY_VERSION + ".jar");
    }
    assertThat(jobs.toString()).doesNotContain("setup-terraform");
  }

  @Test
  void anInstallStepInstallsOnlyADownloadWithThePinnedChecksum() throws IOException, InterruptedException {
    RealTool.require("bash");
    RealTool.require("sha256sum");
    Path bin = Files.createDirectories(dir.resolve("fake-bin"));
    // curl stand-in: records the URL asked for and writes a fixed body to --output
    Files.writeString(bin.resolve("curl"), "#!/usr/bin/env bash\nout=\nwhile [ $# -gt 0 ]; do\n"
        + "  if [ \"$1\" = --output ]; then out=$2; shift; fi; url=$1; shift\ndone\n"
        + "echo \"$url\" >> \"$CURL_LOG\"\nprintf 'the jar' > \"$out\"\n");
    bin.resolve("curl").toFile().setExecutable(true);
    String script = Installs.PARITY.step().run().orElseThrow();
    Files.writeString(dir.resolve("install.sh"), script);
    String good = RealTool.run(dir, "bash", "-c", "printf 'the jar' | sha256sum").output().trim().split(" ")[0];

    RealTool.Result installed = install(bin, "https://mirror.example.com", good);
    assertThat(installed.exitCode()).as(installed.output()).isZero();
    assertThat(Files.readString(dir.resolve("curl.log")).trim()).isEqualTo("https://mirror.example.com/maven2/dev/parity/"
        + "parity-cli/" + Installs.PARITY_VERSION + "/parity-cli-" + Installs.PARITY_VERSION + ".jar");
    assertThat(Files.readString(dir.resolve("tmp/parity-install/parity-cli.jar"))).isEqualTo("the jar");
    assertThat(Files.isExecutable(dir.resolve("tmp/bin/parity"))).isTrue();
    assertThat(Files.readString(dir.resolve("path")).trim()).isEqualTo(dir.resolve("tmp/bin").toString());

    RealTool.Result refused = install(bin, "", "0".repeat(64));
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("FAILED");
    RealTool.Result unset = install(bin, "", "");
    assertThat(unset.exitCode()).isEqualTo(1);
    assertThat(unset.output()).contains("::error title=PARITY_CLI_SHA256 is not set::");
  }

  private RealTool.Result install(Path bin, String mirror, String sha256) throws IOException {
    Files.deleteIfExists(dir.resolve("curl.log"));
    return RealTool.run(dir, "env", "PATH=" + bin + ":" + System.getenv("PATH"), "RUNNER_TEMP=" + dir.resolve("tmp"),
        "GITHUB_PATH=" + dir.resolve("path"), "CURL_LOG=" + dir.resolve("curl.log"), "MIRROR=" + mirror,
        "PARITY_CLI_SHA256=" + sha256, "bash", "-e", dir.resolve("install.sh").toString());
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
        .path("jobs").path("build");
    assertThat(runs(staging)).doesNotContain("mvnw");

    JsonNode api = step(staging, "Build and push the api image once");
    assertThat(api.path("env").path("DOCKERFILE").asText()).isEqualTo("deploy/api/Dockerfile");
    assertThat(api.path("env").path("CONTEXT").asText()).isEqualTo("api");
    assertThat(api.path("run").asText()).isEqualTo("docker build --file \"$DOCKERFILE\" --tag \"$IMAGE\" \"$CONTEXT\"\n"
        + "docker push \"$IMAGE\"\n"
        + "pushed=$(docker inspect --format '{{index .RepoDigests 0}}' \"$IMAGE\")\n"
        + "echo \"Pushed $pushed\"\n"
        + "echo \"image=$pushed\" >> \"$GITHUB_OUTPUT\"\n");

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
        + "echo \"Pushed $pushed\"\n"
        + "echo \"image=$pushed\" >> \"$GITHUB_OUTPUT\"\n");
    JsonNode deploy = YAML.readTree(generate(Fixtures.builds().build()).get("ci/github/parity.yml").content())
        .path("jobs").path("deploy-staging");
    assertThat(imageVars(runs(deploy))).containsExactly("api_image=$API_IMAGE", "web_image=$WEB_IMAGE",
        "admin_image=$ADMIN_IMAGE");
  }

  @Test
  void buildStepsPassShellcheck() throws IOException {
    RealTool.require("shellcheck");
    JsonNode staging = YAML.readTree(generate(Fixtures.builds().build()).get("ci/github/parity.yml").content())
        .path("jobs").path("build");
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
    assertThat(Pipeline.expressionSafe("a${{ secrets.X }}")).isEqualTo("a${{ '${{' }} secrets.X }}");
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
