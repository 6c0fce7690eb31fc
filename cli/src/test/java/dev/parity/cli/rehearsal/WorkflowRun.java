package dev.parity.cli.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One run of a GitHub Actions workflow on this machine, as a runner would run it, for the pipeline
 * rehearsal: jobs in their {@code needs} order, their {@code if:} evaluated ({@link Expressions}),
 * each {@code run:} step executed by {@code bash -e} as written, in its {@code working-directory},
 * with the workflow's, job's and step's {@code env}, GitHub's files ({@code $GITHUB_ENV},
 * {@code $GITHUB_OUTPUT}, {@code $GITHUB_PATH}, {@code $GITHUB_STEP_SUMMARY}), {@code $RUNNER_TEMP},
 * {@code $GITHUB_WORKSPACE}, {@code $GITHUB_SHA}. Of the {@code uses:} steps it provides only what
 * they provide: {@code actions/checkout} clones the origin at the run's commit, {@code actions/setup-java}
 * checks that the requested Java is the JDK running the rehearsal, {@code docker/login-action} is
 * a no-op (the loopback registry needs no login). Any other action fails the run. Steps the caller
 * replaces (the kubectl and terraform installs, whose recorders are already on the PATH) are logged
 * as replaced and not run.
 */
final class WorkflowRun {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** What a run starts from. */
  record Trigger(Path origin, String sha, String ref, String eventName) {
  }

  /** What the run's jobs may read: repository variables, secrets (per GitHub environment, "" for all). */
  record Settings(Map<String, String> vars, Map<String, Map<String, String>> secrets,
      Map<String, String> runnerEnv, Predicate<String> replacedStep) {
  }

  /** The outcome of a job: {@code success}, {@code failure} or {@code skipped}, with its outputs. */
  record JobResult(String result, Map<String, String> outputs) {
  }

  private final JsonNode workflow;
  private final Trigger trigger;
  private final Settings settings;
  private final Path scratch;
  private final PrintStream log;
  private final Map<String, JobResult> results = new LinkedHashMap<>();
  private final List<String> timings = new ArrayList<>();

  WorkflowRun(Path workflowFile, Trigger trigger, Settings settings, Path scratch, PrintStream log) {
    try {
      this.workflow = YAML.readTree(workflowFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.trigger = trigger;
    this.settings = settings;
    this.scratch = scratch;
    this.log = log;
  }

  /** Runs every job; the results by job id, in the order they ran. */
  Map<String, JobResult> run() throws IOException, InterruptedException {
    Map<String, JsonNode> jobs = new LinkedHashMap<>();
    workflow.path("jobs").fields().forEachRemaining(e -> jobs.put(e.getKey(), e.getValue()));
    while (results.size() < jobs.size()) {
      String ready = jobs.keySet().stream().filter(id -> !results.containsKey(id))
          .filter(id -> needs(jobs.get(id)).stream().allMatch(results::containsKey)).findFirst()
          .orElseThrow(() -> new IllegalStateException("the jobs' needs form a cycle or name a missing job"));
      long started = System.nanoTime();
      results.put(ready, job(ready, jobs.get(ready)));
      timings.add(String.format("%6.1f s  job %s", seconds(started), ready));
    }
    log.println("# timings (wall clock of this machine)");
    timings.forEach(line -> log.println("#   " + line));
    return results;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /** True when no job failed. */
  boolean succeeded() {
    return results.values().stream().noneMatch(r -> r.result().equals("failure"));
  }

  private static List<String> needs(JsonNode job) {
    JsonNode needs = job.path("needs");
    List<String> out = new ArrayList<>();
    if (needs.isTextual()) {
      out.add(needs.asText());
    } else {
      needs.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private Map<String, Object> context(Map<String, String> env, Map<String, Object> steps, String environment) {
    Map<String, Object> context = new HashMap<>();
    context.put("github", Map.of("sha", trigger.sha(), "ref", trigger.ref(), "event_name", trigger.eventName(),
        "actor", "rehearsal", "repository", "acme/rehearsal"));
    context.put("vars", settings.vars());
    Map<String, String> secrets = new HashMap<>(settings.secrets().getOrDefault("", Map.of()));
    secrets.putAll(settings.secrets().getOrDefault(environment, Map.of()));
    context.put("secrets", secrets);
    Map<String, Object> needs = new HashMap<>();
    results.forEach((id, r) -> needs.put(id, Map.of("result", r.result(), "outputs", r.outputs())));
    context.put("needs", needs);
    context.put("steps", steps);
    context.put("env", env);
    context.put("matrix", Map.of());
    return context;
  }

  private JobResult job(String id, JsonNode job) throws IOException, InterruptedException {
    String environment = job.path("environment").isObject() ? job.path("environment").path("name").asText()
        : job.path("environment").asText("");
    boolean needsSucceeded = needs(job).stream().allMatch(n -> results.get(n).result().equals("success"));
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, Object> steps = new HashMap<>();
    Expressions base = new Expressions(context(env, steps, environment), needsSucceeded);
    if (job.has("if") ? !base.condition(job.get("if").asText()) : !needsSucceeded) {
      log.printf("== job %s: skipped%n", id);
      return new JobResult("skipped", Map.of());
    }
    log.printf("== job %s%s%n", id, environment.isEmpty() ? "" : " (environment " + environment + ")");
    workflow.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), base.substitute(e.getValue().asText())));
    job.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), base.substitute(e.getValue().asText())));
    Path home = Files.createDirectories(scratch.resolve(id));
    Path workspace = home.resolve("work");
    Path temp = Files.createDirectories(home.resolve("temp"));
    List<String> path = new ArrayList<>();
    boolean failed = false;
    int index = 0;
    for (JsonNode step : job.path("steps")) {
      index++;
      String name = step.path("name").asText(step.has("uses") ? step.get("uses").asText() : "step " + index);
      Expressions expressions = new Expressions(context(env, steps, environment), !failed);
      if (step.has("if") ? !expressions.condition(step.get("if").asText()) : failed) {
        log.printf("-- %s: skipped%n", name);
        continue;
      }
      if (settings.replacedStep().test(name)) {
        log.printf("-- %s: replaced by the rehearsal's recorder on the PATH%n", name);
        continue;
      }
      log.printf("-- %s%n", name);
      long started = System.nanoTime();
      boolean ok = step.has("uses") ? uses(step, workspace)
          : runStep(step, expressions, env, path, workspace, temp, steps, environment);
      timings.add(String.format("%6.1f s    %s / %s", seconds(started), id, name));
      if (!ok) {
        log.printf("-- %s: FAILED%n", name);
        failed = true;
      }
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    Expressions last = new Expressions(context(env, steps, environment), !failed);
    job.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), last.substitute(e.getValue().asText())));
    log.printf("== job %s: %s%n", id, failed ? "failure" : "success");
    return new JobResult(failed ? "failure" : "success", outputs);
  }

  private boolean uses(JsonNode step, Path workspace) throws IOException, InterruptedException {
    String action = step.get("uses").asText().replaceAll("@.*", "");
    switch (action) {
      case "actions/checkout" -> {
        return exec(List.of("git", "clone", "--quiet", trigger.origin().toString(), workspace.toString()),
            workspace.getParent(), Map.of())
            && exec(List.of("git", "checkout", "--quiet", "--detach", trigger.sha()), workspace, Map.of());
      }
      case "actions/setup-java" -> {
        String wanted = step.path("with").path("java-version").asText();
        if (!wanted.equals(String.valueOf(Runtime.version().feature()))) {
          log.printf("setup-java: the workflow asks for Java %s, the rehearsal runs %s%n", wanted, Runtime.version());
          return false;
        }
        log.printf("(the JDK running the rehearsal: %s)%n", System.getProperty("java.home"));
        return true;
      }
      case "docker/login-action" -> {
        log.printf("(no login: the loopback registry takes pushes without one)%n");
        return true;
      }
      default -> {
        log.printf("action %s is not one the rehearsal provides%n", action);
        return false;
      }
    }
  }

  private boolean runStep(JsonNode step, Expressions expressions, Map<String, String> env, List<String> path,
      Path workspace, Path temp, Map<String, Object> steps, String environment) throws IOException, InterruptedException {
    Map<String, String> stepEnv = new LinkedHashMap<>(env);
    step.path("env").fields().forEachRemaining(e -> stepEnv.put(e.getKey(), expressions.substitute(e.getValue().asText())));
    Path files = Files.createTempDirectory(temp, "step");
    Path githubEnv = Files.createFile(files.resolve("env"));
    Path githubOutput = Files.createFile(files.resolve("output"));
    Path githubPath = Files.createFile(files.resolve("path"));
    Path script = files.resolve("script.sh");
    Files.writeString(script, expressions.substitute(step.get("run").asText()));
    Map<String, String> process = new LinkedHashMap<>(settings.runnerEnv());
    process.putAll(stepEnv);
    process.put("CI", "true");
    process.put("GITHUB_ACTIONS", "true");
    process.put("GITHUB_WORKSPACE", workspace.toString());
    process.put("GITHUB_SHA", trigger.sha());
    process.put("GITHUB_REF", trigger.ref());
    process.put("GITHUB_EVENT_NAME", trigger.eventName());
    process.put("RUNNER_TEMP", temp.toString());
    process.put("GITHUB_ENV", githubEnv.toString());
    process.put("GITHUB_OUTPUT", githubOutput.toString());
    process.put("GITHUB_PATH", githubPath.toString());
    process.put("GITHUB_STEP_SUMMARY", scratch.resolve("summary.md").toString());
    process.put("REHEARSAL_ENVIRONMENT", environment);
    List<String> prefix = new ArrayList<>(path);
    prefix.add(settings.runnerEnv().getOrDefault("PATH", System.getenv("PATH")));
    process.put("PATH", String.join(":", prefix));
    String directory = step.has("working-directory")
        ? expressions.substitute(step.get("working-directory").asText()) : ".";
    boolean ok = exec(List.of("bash", "-e", script.toString()), workspace.resolve(directory).normalize(), process);
    Map<String, String> exported = keyValues(githubEnv);
    env.putAll(exported);
    for (String line : Files.readAllLines(githubPath)) {
      if (!line.isBlank()) {
        path.add(0, line.strip());
      }
    }
    if (step.has("id")) {
      steps.put(step.get("id").asText(), Map.of("outputs", keyValues(githubOutput), "outcome", ok ? "success" : "failure"));
    }
    return ok;
  }

  /** {@code name=value} lines and {@code name<<DELIMITER} blocks, as GitHub reads its files. */
  private static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        String delimiter = line.substring(heredoc + 2);
        List<String> body = new ArrayList<>();
        while (!lines.get(++i).equals(delimiter)) {
          body.add(lines.get(i));
        }
        values.put(line.substring(0, heredoc), String.join("\n", body));
      } else if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      } else if (!line.isBlank()) {
        throw new IllegalStateException("a line GitHub would refuse in " + file.getFileName() + ": " + line);
      }
    }
    return values;
  }

  private boolean exec(List<String> command, Path directory, Map<String, String> env)
      throws IOException, InterruptedException {
    if (!Files.isDirectory(directory)) {
      log.printf("working directory %s does not exist%n", directory);
      return false;
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    if (!env.isEmpty()) {
      builder.environment().clear();
      builder.environment().putAll(env);
    }
    Process process = builder.start();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(line -> log.println("   " + line));
    }
    int code = process.waitFor();
    if (code != 0) {
      log.printf("   (exit %d)%n", code);
    }
    return code == 0;
  }

  /** The result of {@code job}, if it ran. */
  Optional<JobResult> result(String job) {
    return Optional.ofNullable(results.get(job));
  }
}
