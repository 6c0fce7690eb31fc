package dev.parity.generate.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.parity.core.Environment;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GenerationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code ci/github/parity.yml}: the gate ({@link GateJob}) on every push and pull request; on a
 * push to main the release unit built once ({@link BuildJob}), then per remote environment in promotion
 * order its deploy ({@link DeployJob}: schema gate, migrations, roll-out, wait), its integration tests
 * ({@link IntegrationTestsJob}) and its record ({@link ReleaseJob}), after which the next environment
 * deploys the same digests. Every action is pinned to a commit of {@link ActionPins}, every tool installed
 * by {@link Installs}; the workflow grants no permission, each job only its own.
 */
final class GitHubWorkflow {

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private final GenerationContext context;
  private final Pipeline pipeline;

  GitHubWorkflow(GenerationContext context, String scriptPath) {
    this.context = context;
    this.pipeline = new Pipeline(context, scriptPath);
  }

  /** The jobs in the order they run. */
  List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    jobs.add(GateJob.render(pipeline));
    List<Environment> remote = pipeline.remote();
    if (remote.isEmpty()) {
      return jobs;
    }
    jobs.add(BuildJob.render(pipeline));
    String previousJob = Pipeline.BUILD;
    Environment previous = null;
    for (int i = 0; i < remote.size(); i++) {
      Environment environment = remote.get(i);
      jobs.add(DeployJob.render(pipeline, environment, previousJob));
      jobs.add(IntegrationTestsJob.render(environment, i < remote.size() - 1));
      jobs.add(ReleaseJob.render(pipeline, environment, previous));
      previousJob = ReleaseJob.id(environment);
      previous = environment;
    }
    return jobs;
  }

  String render() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("name", "parity");
    ObjectNode on = root.putObject("on");
    on.putObject("push").putArray("branches").add("main");
    on.putObject("pull_request").putArray("branches").add("main");
    root.putObject("permissions");
    ObjectNode env = root.putObject("env");
    env.put("SPEC_DIR", ".");
    env.put("TF_DIR", "infra");
    env.put("PARITY", "parity");
    ObjectNode jobs = root.putObject("jobs");
    jobs().forEach(job -> jobs.set(job.id(), job.toNode()));
    try {
      return WorkflowText.header(context, pipeline) + ActionPins.withVersionComments(
          YAML.writeValueAsString(root).replace("\r\n", "\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  /** Wraps comment lines longer than {@code width} at spaces; a wrapped list item keeps its indent. */
  static String wrap(String comment, int width) {
    StringBuilder out = new StringBuilder();
    for (String line : comment.split("\n", -1)) {
      String continuation = line.startsWith("# - ") ? "#   " : "# ";
      while (line.length() > width && line.lastIndexOf(' ', width) > continuation.length()) {
        int cut = line.lastIndexOf(' ', width);
        out.append(line, 0, cut).append('\n');
        line = continuation + line.substring(cut + 1);
      }
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /** The header comment: what the workflow does and what a team sets up before its first run. */
  private static final class WorkflowText {

    private WorkflowText() {
    }

    static String header(GenerationContext context, Pipeline pipeline) {
      List<Environment> remote = pipeline.remote();
      boolean onInstances = remote.stream().anyMatch(Environment::runsOnInstances);
      boolean onKubernetes = remote.stream().anyMatch(e -> e.kubernetes().isPresent());
      List<String> lines = new ArrayList<>(List.of(
          "",
          "GitHub Actions workflow: copy this file to .github/workflows/parity.yml.",
          "parity-gate runs on every push and pull request. On a push to main, build builds"
              + " each app image and each migrations image once; then each environment in turn runs its"
              + " schema gate, migrates, rolls out exactly those digests, waits, is tested and is recorded"
              + " in releases/<env>.json (committed to main) before the next one starts. A failed step"
              + " stops the run: no later environment is touched.",
          "",
          "Before the first run:",
          "- SPEC_DIR: the folder of " + context.specName() + ", relative to the repository root."));
      lines.add(context.maven().map(maven -> "- parity runs as the Parity Maven plugin's parity:cli goal through "
              + maven.wrapper() + " (--file " + maven.pom() + "), at the plugin version that pom declares: Maven"
              + " resolves it from your repositories and mirrors and checks its checksums (docs/cli.md, Installing"
              + " the CLI in CI).")
          .orElse("- Repository variable PARITY_CLI_SHA256: the SHA-256 of parity-cli-" + Installs.PARITY_VERSION
              + ".jar, which each job installs (docs/cli.md, Installing the CLI in CI);"
              + " PARITY_CLI_MIRROR may name a mirror of its origin."));
      if (onInstances) {
        lines.add("- TF_DIR: your Terraform root module, relative to the repository root (default: infra)."
            + " It declares the knobs by linking the generated file, for example"
            + " `ln -s ../" + pipeline.inTree("terraform") + "/variables.tf infra/`; keep your own .tf files"
            + " out of the generated tree, which `parity check` keeps exact. Each environment applies"
            + " in its own Terraform workspace.");
        lines.add("- Give each GitHub environment the cloud credentials terraform apply needs.");
        if (!pipeline.databases().isEmpty()) {
          lines.add("- Environments on instances migrate from the runner: docker run of this run's migrations image"
              + " (Flyway and the migrations, pinned by digest: what the earlier environments applied) against the"
              + " database's endpoint, or the secret <SERVICE>_JDBC_URL; the runner must reach the database.");
        }
      }
      lines.add("- PARITY: the parity command the gate runs.");
      if (!pipeline.databases().isEmpty()) {
        lines.add("- Before each deploy, parity drift compares the environment's database schema with the"
            + " migrations it has applied (it starts a throwaway database with Docker); pending ones pass."
            + " Give each GitHub environment the database password secret; <SERVICE>_JDBC_URL may override"
            + " the URL built from the spec's endpoint.");
      }
      if (onKubernetes) {
        lines.add("- Give each GitHub environment on Kubernetes a secret KUBE_CONFIG holding a kubeconfig"
            + " allowed to apply to its namespace: its deploy applies k8s/overlays/<env> with"
            + " kubectl apply -k and waits for every rollout.");
      }
      lines.add(registryNote(pipeline));
      lines.add("- Allow github-actions[bot] to push to main (the release records), or change release-<env>.");
      lines.add("- Replace the placeholder step of each integration-tests-<env> with your suite.");
      String text = context.header(CommentStyle.HASH) + CommentStyle.HASH.comment(String.join("\n", lines));
      return wrap(text, 80);
    }

    private static String registryNote(Pipeline pipeline) {
      List<String> others = pipeline.registries().stream().filter(r -> !r.equals("ghcr.io")).toList();
      if (others.isEmpty()) {
        return "- Images are pushed to ghcr.io with the workflow's GITHUB_TOKEN.";
      }
      return "- Secrets REGISTRY_USERNAME and REGISTRY_PASSWORD: a login allowed to push to "
          + String.join(", ", others) + (others.contains("docker.io")
              ? " (an image without its own repository is pushed to Docker Hub as <stack>-<name>)" : "")
          + ".";
    }
  }
}
