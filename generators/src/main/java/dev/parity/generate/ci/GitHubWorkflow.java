package dev.parity.generate.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.Environment;
import dev.parity.core.ImageRef;
import dev.parity.core.Stack;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GenerationContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds {@code ci/github/parity.yml} as a YAML tree: the gate on every push and pull request;
 * on a push to main, the first remote environment builds each app image once (tagged with the
 * commit), integration tests follow, and every later environment applies the same tag. Every action
 * is pinned to a commit of {@link ActionPins}; the workflow grants no permission, each job only its own.
 */
final class GitHubWorkflow {

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN_SHELL_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");
  private static final String ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'";
  private static final String SHA = "${{ github.sha }}";

  private final GenerationContext context;
  private final Stack stack;
  private final String scriptPath;
  private final String tree;

  GitHubWorkflow(GenerationContext context, String scriptPath) {
    this.context = context;
    this.stack = context.stack();
    this.scriptPath = scriptPath;
    this.tree = context.treeFromSpecFolder();
  }

  String render() {
    ObjectNode root = NODES.objectNode();
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
    jobs.set("parity-gate", gateJob());
    List<Environment> remote = stack.remoteEnvironments();
    String previous = "parity-gate";
    for (int i = 0; i < remote.size(); i++) {
      String id = "deploy-" + remote.get(i).name();
      jobs.set(id, deployJob(remote.get(i), previous, i == 0));
      previous = id;
      if (i == 0) {
        jobs.set("integration-tests", integrationTestsJob(id, remote.get(i), remote.size() > 1));
        previous = "integration-tests";
      }
    }
    try {
      return header() + ActionPins.withVersionComments(YAML.writeValueAsString(root).replace("\r\n", "\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  private String header() {
    String first = stack.remoteEnvironments().isEmpty() ? "the first remote environment"
        : stack.remoteEnvironments().get(0).name();
    boolean onInstances = stack.remoteEnvironments().stream().anyMatch(Environment::runsOnInstances);
    boolean onKubernetes = stack.remoteEnvironments().stream().anyMatch(e -> e.kubernetes().isPresent());
    List<String> lines = new ArrayList<>(List.of(
        "",
        "GitHub Actions workflow: copy this file to .github/workflows/parity.yml.",
        "parity-gate runs on every push and pull request. On a push to main each app image is built"
            + " once, tagged with the commit, deployed to " + first + " and tested; later environments"
            + " get that same image, never a rebuild.",
        "",
        "Before the first run:",
        "- SPEC_DIR: the folder of " + context.specName() + ", relative to the repository root."));
    if (onInstances) {
      lines.add("- TF_DIR: your Terraform root module, relative to the repository root (default: infra)."
          + " It declares the knobs by linking the generated file, for example"
          + " `ln -s ../" + inTree("terraform") + "/variables.tf infra/`; keep your own .tf files"
          + " out of the generated tree, which `parity check` keeps exact. Each environment applies"
          + " in its own Terraform workspace.");
    }
    lines.add("- PARITY: the parity command the gate runs.");
    lines.add("- Before each deploy, parity drift compares the environment's database schema with the"
        + " migrations (it starts a throwaway database with Docker). Give each GitHub environment"
        + " the database password secret; <SERVICE>_JDBC_URL may override the URL built from"
        + " the spec's endpoint.");
    if (onInstances) {
      lines.add("- Give each GitHub environment the cloud credentials terraform apply needs.");
    }
    if (onKubernetes) {
      lines.add("- Give each GitHub environment on Kubernetes a secret KUBE_CONFIG holding a kubeconfig"
          + " allowed to apply to its namespace: its deploy applies k8s/overlays/<env> with"
          + " kubectl apply -k and waits for every rollout.");
    }
    lines.add(registryNote());
    lines.add("- Replace the placeholder step of integration-tests with your suite.");
    String text = context.header(CommentStyle.HASH) + CommentStyle.HASH.comment(String.join("\n", lines));
    return wrap(text, 80);
  }

  private String registryNote() {
    List<String> others = registries().stream().filter(r -> !r.equals("ghcr.io")).toList();
    if (others.isEmpty()) {
      return "- Images are pushed to ghcr.io with the workflow's GITHUB_TOKEN.";
    }
    return "- Secrets REGISTRY_USERNAME and REGISTRY_PASSWORD: a login allowed to push to "
        + String.join(", ", others) + (others.contains("docker.io")
            ? " (an app without .imageRepository(...) is pushed to Docker Hub as <stack>-<app>)" : "")
        + ".";
  }

  private ObjectNode gateJob() {
    ObjectNode job = NODES.objectNode();
    job.put("runs-on", "ubuntu-latest");
    readOnly(job);
    ArrayNode steps = job.putArray("steps");
    steps.add(uses(ActionPins.CHECKOUT));
    steps.add(setupJava());
    ObjectNode gate = steps.addObject();
    gate.put("name", "parity check");
    gate.put("working-directory", "${{ env.SPEC_DIR }}");
    gate.put("run", "./" + shell(inTree(scriptPath)));
    return job;
  }

  private ObjectNode deployJob(Environment environment, String needs, boolean buildsImages) {
    ObjectNode job = NODES.objectNode();
    job.put("needs", needs);
    job.put("if", ON_MAIN);
    job.put("runs-on", "ubuntu-latest");
    job.put("environment", environment.name());
    ObjectNode concurrency = job.putObject("concurrency");
    concurrency.put("group", "deploy-" + environment.name());
    concurrency.put("cancel-in-progress", false);
    boolean builds = buildsImages && !stack.apps().isEmpty();
    ObjectNode permissions = readOnly(job);
    if (builds && registries().contains("ghcr.io")) {
      permissions.put("packages", "write");
    }
    ArrayNode steps = job.putArray("steps");
    steps.add(uses(ActionPins.CHECKOUT));
    List<dev.parity.core.Service> databases = GateScript.databases(stack);
    if (!databases.isEmpty()) {
      steps.add(setupJava());
      steps.add(schemaDrift(environment, databases));
    }
    if (builds) {
      registries().forEach(r -> steps.add(login(r)));
      if (databases.isEmpty() && stack.apps().stream().anyMatch(a -> a.buildKind() == BuildKind.JVM_JAR)) {
        steps.add(setupJava());
      }
      for (App app : stack.apps()) {
        if (app.buildKind() == BuildKind.JVM_JAR) {
          steps.add(buildJar(app));
        }
        steps.add(buildImage(app));
      }
    }
    if (environment.runsOnInstances()) {
      terraformSteps(environment, builds).forEach(steps::add);
    }
    environment.kubernetes().ifPresent(k8s -> KubernetesDeploy.steps(stack, environment, k8s, builds,
        this::inTree, GitHubWorkflow::shell).forEach(steps::add));
    return job;
  }

  /** Applies the environment's {@code .tfvars} in its own Terraform workspace. */
  private List<ObjectNode> terraformSteps(Environment environment, boolean builds) {
    List<ObjectNode> steps = new ArrayList<>();
    steps.add(uses(ActionPins.SETUP_TERRAFORM));
    steps.add(terraform("terraform init", "terraform init -input=false"));
    steps.add(terraform("Select the " + environment.name() + " workspace",
        "terraform workspace select -or-create " + shell(environment.name())));
    List<String> apply = new ArrayList<>();
    apply.add("terraform apply -input=false -auto-approve");
    apply.add("-var-file=\"$GITHUB_WORKSPACE/$SPEC_DIR/$TFVARS\"");
    if (builds) {
      // The digest the build just pushed; later environments take theirs from their committed release
      // (parity promote writes it into their .tfvars), so nothing unpromoted reaches them.
      for (App app : stack.apps()) {
        apply.add("-var \"" + app.name().replace('-', '_') + "_image=$" + digestVariable(app) + "\"");
      }
    }
    ObjectNode deploy = NODES.objectNode();
    steps.add(deploy);
    deploy.put("name", "Deploy " + environment.name());
    deploy.put("working-directory", "${{ env.TF_DIR }}");
    deploy.putObject("env").put("TFVARS", inTree("terraform/" + environment.name() + ".tfvars"));
    deploy.put("run", String.join(" \\\n  ", apply) + "\n");
    return steps;
  }

  /** Before deploying: the environment's database schema must be what the migrations produce. */
  private ObjectNode schemaDrift(Environment environment, List<dev.parity.core.Service> databases) {
    ObjectNode step = NODES.objectNode();
    step.put("name", "Schema drift: " + environment.name() + " against the migrations");
    step.put("working-directory", "${{ env.SPEC_DIR }}");
    ObjectNode env = step.putObject("env");
    for (dev.parity.core.Service db : databases) {
      GateScript.passwordVariable(db).ifPresent(key -> env.put(key, "${{ secrets." + key + " }}"));
      String url = GateScript.urlVariable(db);
      env.put(url, "${{ secrets." + url + " }}");
    }
    step.put("run", "./" + shell(inTree(scriptPath)) + " drift " + shell(environment.name()));
    return step;
  }

  private ObjectNode integrationTestsJob(String needs, Environment environment, boolean promotes) {
    ObjectNode job = NODES.objectNode();
    job.put("needs", needs);
    job.put("runs-on", "ubuntu-latest");
    readOnly(job);
    ArrayNode steps = job.putArray("steps");
    steps.add(uses(ActionPins.CHECKOUT));
    ObjectNode placeholder = steps.addObject();
    placeholder.put("name", "Integration tests (placeholder: replace with your suite)");
    placeholder.put("run", "echo \"::warning title=No integration tests::replace this step with\" \\\n"
        + "  \"the suite that tests " + environment.name() + (promotes ? " before promotion" : "") + "\"\n");
    return job;
  }

  private ObjectNode buildJar(App app) {
    ObjectNode step = NODES.objectNode();
    String jar = app.jar().orElse("the jar");
    step.put("name", "Build " + jar + " (replace if you do not build with ./mvnw)");
    step.put("working-directory", "${{ env.SPEC_DIR }}" + (app.source().equals(".") ? "" : "/" + app.source()));
    step.put("run", "./mvnw --batch-mode --no-transfer-progress package -DskipTests");
    return step;
  }

  /**
   * Builds and pushes one app's image. Generated Dockerfiles build from the app's source folder
   * (a Maven app compiles inside its build stage, so no build step comes first); a Node.js app
   * with a development stage builds its production target; an own Dockerfile builds with its
   * path, target stage and build arguments.
   */
  private ObjectNode buildImage(App app) {
    ObjectNode step = NODES.objectNode();
    step.put("name", "Build and push the " + app.name() + " image once");
    step.put("working-directory", "${{ env.SPEC_DIR }}");
    ObjectNode env = step.putObject("env");
    env.put("IMAGE", repository(app) + ":" + SHA);
    env.put("DOCKERFILE", app.buildKind().generatesDockerfile() ? inTree(app.name() + "/Dockerfile")
        : expressionSafe(app.source().equals(".") ? app.dockerfilePath() : app.source() + "/" + app.dockerfilePath()));
    env.put("CONTEXT", expressionSafe(app.source()));
    List<String> build = new ArrayList<>(List.of("docker build --file \"$DOCKERFILE\""));
    Optional<String> target = app.buildKind() == BuildKind.NODE_NPM && app.developmentCommand().isPresent()
        ? Optional.of("production") : app.target();
    target.ifPresent(t -> build.add("--target " + expressionSafe(shell(t))));
    app.buildArgs().forEach((name, value) -> build.add("--build-arg " + expressionSafe(shell(name + "=" + value))));
    build.add("--tag \"$IMAGE\" \"$CONTEXT\"");
    step.put("run", String.join(build.size() > 2 ? " \\\n  " : " ", build) + "\ndocker push \"$IMAGE\"\n"
        + "pushed=$(docker inspect --format '{{index .RepoDigests 0}}' \"$IMAGE\")\n"
        + "echo \"" + digestVariable(app) + "=$pushed\" >> \"$GITHUB_ENV\"\n");
    return step;
  }

  /** The job variable holding {@code repository@sha256:…} of the image the job pushed for {@code app}. */
  static String digestVariable(App app) {
    return app.name().replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_IMAGE";
  }

  /** {@code text} with every {@code ${{} written so that GitHub Actions does not evaluate it as an expression. */
  static String expressionSafe(String text) {
    return text.replace("${{", "${{ '${{' }}");
  }

  private ObjectNode login(String registry) {
    ObjectNode step = NODES.objectNode();
    step.put("name", "Log in to " + registry);
    step.put("uses", ActionPins.DOCKER_LOGIN.uses());
    ObjectNode with = step.putObject("with");
    if (registry.equals("ghcr.io")) {
      with.put("registry", "ghcr.io");
      with.put("username", "${{ github.actor }}");
      with.put("password", "${{ secrets.GITHUB_TOKEN }}");
    } else {
      if (!registry.equals("docker.io")) {
        with.put("registry", registry);
      }
      with.put("username", "${{ secrets.REGISTRY_USERNAME }}");
      with.put("password", "${{ secrets.REGISTRY_PASSWORD }}");
    }
    return step;
  }

  private Set<String> registries() {
    Set<String> registries = new LinkedHashSet<>();
    stack.apps().forEach(a -> registries.add(ImageRef.parse(repository(a)).registry().orElse("docker.io")));
    return registries;
  }

  /** The repository an app's image is pushed to: its own, else {@code <stack>-<app>}. */
  static String repository(App app, Stack stack) {
    return stack.imageRepository(app);
  }

  private String repository(App app) {
    return repository(app, stack);
  }

  private ObjectNode terraform(String name, String run) {
    ObjectNode step = NODES.objectNode();
    step.put("name", name);
    step.put("working-directory", "${{ env.TF_DIR }}");
    step.put("run", run);
    return step;
  }

  private static ObjectNode setupJava() {
    ObjectNode step = uses(ActionPins.SETUP_JAVA);
    ObjectNode with = step.putObject("with");
    with.put("distribution", "temurin");
    with.put("java-version", "17");
    return step;
  }

  private static ObjectNode uses(ActionPins action) {
    return NODES.objectNode().put("uses", action.uses());
  }

  /**
   * Gives {@code job} read access to the repository's contents and nothing else (the workflow's own
   * {@code permissions: {}} grants none); returns the job's permissions for what it adds.
   */
  private static ObjectNode readOnly(ObjectNode job) {
    ObjectNode permissions = job.putObject("permissions");
    permissions.put("contents", "read");
    return permissions;
  }

  private String inTree(String path) {
    return tree.equals(".") ? path : tree + "/" + path;
  }

  /** {@code word} as one shell word: as it is when nothing in it is special, else single-quoted. */
  static String shell(String word) {
    return PLAIN_SHELL_WORD.matcher(word).matches() ? word : dev.parity.generate.Escape.shellWord(word);
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
}
