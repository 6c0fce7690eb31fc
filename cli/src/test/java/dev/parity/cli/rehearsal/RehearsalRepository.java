package dev.parity.cli.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.generate.RealTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rehearsal's repository of the java-service example: a bare {@code origin} (the "GitHub" the
 * workflow's checkout and release jobs talk to) and a developer's clone, whose every {@link #push}
 * runs the pushed commit's generated workflow with {@link WorkflowRun}. The spec is the example's,
 * with this machine's stand-in images and the loopback registry put in its place; {@code ./mvnw}
 * is a stand-in that builds a jar different per commit, so every push builds a new app digest.
 */
final class RehearsalRepository {

  static final Path EXAMPLE = Path.of("../examples/java-service").toAbsolutePath().normalize();

  private final RehearsalFixture fixture;
  private final Path parityJar;
  private final String apiServerUrl;
  private final Path logs;
  private final Path origin;
  private final Path developer;
  private int runs;

  /** A run's outcome, its log and where the recorders' event logs stood before it. */
  record Run(boolean succeeded, String log, Map<String, WorkflowRun.JobResult> jobs,
      Map<String, Integer> eventsBefore, Path logFile) {
    String output(String job, String name) {
      return jobs.get(job).outputs().get(name);
    }

    String result(String job) {
      return jobs.get(job).result();
    }

    /** The log of one job, from its {@code == job} line to its result line. */
    String jobLog(String job) {
      int start = log.indexOf("== job " + job);
      int end = log.indexOf("== job " + job + ": ", start);
      assertThat(start).as("job %s in the log", job).isNotNegative();
      return log.substring(start, end < 0 ? log.length() : log.indexOf('\n', end));
    }
  }

  RehearsalRepository(RehearsalFixture fixture, Path parityJar, String apiServerUrl, Path logs) throws IOException {
    this.fixture = fixture;
    this.parityJar = parityJar;
    this.apiServerUrl = apiServerUrl;
    this.logs = Files.createDirectories(logs);
    this.origin = fixture.root.resolve("origin.git");
    this.developer = fixture.root.resolve("developer");
    git(fixture.root, "init", "--quiet", "--bare", "--initial-branch=main", origin.toString());
    git(fixture.root, "clone", "--quiet", origin.toString(), developer.toString());
    git(developer, "config", "user.name", "Rehearsal");
    git(developer, "config", "user.email", "rehearsal@example.invalid");
    Files.writeString(developer.resolve("JavaService.java"), rehearsalSpec());
    Files.createDirectories(developer.resolve("db/migrations"));
    Files.copy(EXAMPLE.resolve("db/migrations/V1__create_orders.sql"),
        developer.resolve("db/migrations/V1__create_orders.sql"));
    Path mvnw = developer.resolve("mvnw");
    Files.writeString(mvnw, """
        #!/bin/sh
        # The project's build, as far as the rehearsal needs it: target/orders-api.jar, different per commit.
        set -e
        mkdir -p target
        git rev-parse HEAD > target/commit.txt
        (cd target && jar cf orders-api.jar commit.txt)
        """);
    mvnw.toFile().setExecutable(true);
    Files.writeString(developer.resolve(".gitignore"), "target/\n");
    Files.createDirectories(developer.resolve("infra"));
    Files.createSymbolicLink(developer.resolve("infra/variables.tf"), Path.of("../deploy/terraform/variables.tf"));
    generate();
  }

  /** The developer's working tree. */
  Path tree() {
    return developer;
  }

  /** The example's spec with this machine's stand-ins: the JRE and PostgreSQL images, the loopback registry. */
  private String rehearsalSpec() throws IOException {
    String postgresVersion = RehearsalFixture.POSTGRES.replaceAll(".*:", "").replaceAll("-.*", "");
    String spec = Files.readString(EXAMPLE.resolve("JavaService.java"));
    String changed = spec
        .replace("\"eclipse-temurin:17.0.13_11-jre-jammy\"", "\"" + RehearsalFixture.JRE + "\"")
        .replace("\"ghcr.io/acme/orders-api\"", "\"" + RehearsalFixture.REGISTRY + "/rehearsal-" + fixture.id + "/orders-api\"")
        .replace("Postgres.of(\"orders-db\", \"16.4\")", "Postgres.of(\"orders-db\", \"" + postgresVersion + "\").image(\""
            + RehearsalFixture.POSTGRES + "\")")
        .replace(".environment(Environment.local())", ".deviation(dev.parity.core.Deviation.of(\"orders-db\").in(\"local\")"
            + ".differs(\"runs " + RehearsalFixture.POSTGRES + "\").because(\"the stand-in of this machine\"))\n"
            + "        .environment(Environment.local())");
    assertThat(changed).as("the example's spec still has what the rehearsal replaces").isNotEqualTo(spec)
        .doesNotContain("eclipse-temurin", "ghcr.io", "\"16.4\"");
    return changed;
  }

  /** {@code parity generate} of the developer's tree, as a developer runs it before committing. */
  void generate() {
    RealTool.assertAccepts(developer, "java", "-jar", parityJar.toString(), "generate", "--spec", "JavaService.java",
        "--out", "deploy");
  }

  /** A file of main as the origin has it now (the release jobs commit there). */
  String onMain(String path) {
    return git(origin, "show", "main:" + path);
  }

  /** Commits the developer's tree on top of main, pushes it and runs the workflow of that commit. */
  Run push(String message, String scenario) throws Exception {
    if (!git(developer, "ls-remote", "--heads", "origin", "main").isBlank()) {
      git(developer, "pull", "--quiet", "--rebase", "origin", "main");
    }
    git(developer, "add", "--all");
    git(developer, "commit", "--quiet", "--allow-empty", "-m", message);
    git(developer, "push", "--quiet", "origin", "HEAD:refs/heads/main");
    String sha = git(developer, "rev-parse", "HEAD").strip();
    Map<String, Integer> before = new HashMap<>();
    for (String environment : List.of("staging", "production")) {
      Path events = fixture.records.resolve(environment).resolve("events.log");
      before.put(environment, Files.exists(events) ? Files.readAllLines(events).size() : 0);
    }
    Path logFile = logs.resolve(scenario + ".log");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (OutputStream file = Files.newOutputStream(logFile);
        PrintStream log = new PrintStream(new Tee(captured, file), true, StandardCharsets.UTF_8)) {
      log.printf("# pipeline rehearsal, scenario %s: push of %s (%s)%n", scenario, sha.substring(0, 12), message);
      long started = System.nanoTime();
      WorkflowRun run = new WorkflowRun(developer.resolve("deploy/ci/github/parity.yml"),
          new WorkflowRun.Trigger(origin, sha, "refs/heads/main", "push"), settings(),
          Files.createDirectories(fixture.root.resolve("runs/" + (++runs))), log);
      Map<String, WorkflowRun.JobResult> jobs = run.run();
      log.printf("# result: %s, in %.1f s%n", run.succeeded() ? "success" : "failure",
          (System.nanoTime() - started) / 1e9);
      System.out.println("pipeline rehearsal log of " + scenario + ": " + logFile);
      return new Run(run.succeeded(), captured.toString(StandardCharsets.UTF_8), jobs, before, logFile);
    }
  }

  private WorkflowRun.Settings settings() {
    Map<String, String> vars = Map.of(
        "PARITY_CLI_MIRROR", fixture.mirror.toUri().toString().replaceAll("/$", ""),
        "PARITY_CLI_SHA256", fixture.parityJarSha256);
    Map<String, Map<String, String>> secrets = new HashMap<>();
    for (var entry : fixture.databases.entrySet()) {
      secrets.put(entry.getKey(), Map.of("ORDERS_DB_PASSWORD", entry.getValue().password(),
          "ORDERS_DB_JDBC_URL", entry.getValue().jdbcUrl(), "KUBE_CONFIG", kubeconfig()));
    }
    Map<String, String> runner = new HashMap<>();
    for (String name : List.of("HOME", "DOCKER_HOST", "TESTCONTAINERS_RYUK_DISABLED", "TESTCONTAINERS_HOST_OVERRIDE",
        "TESTCONTAINERS_CHECKS_DISABLE", "TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE", "LANG")) {
      if (System.getenv(name) != null) {
        runner.put(name, System.getenv(name));
      }
    }
    runner.put("JAVA_HOME", System.getProperty("java.home"));
    runner.put("PATH", fixture.bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    fixture.databases.forEach((environment, db) -> runner.put("REHEARSAL_NETWORK_" + environment, db.network()));
    return new WorkflowRun.Settings(vars, secrets, runner,
        step -> step.startsWith("Install kubectl") || step.startsWith("Install terraform"));
  }

  /** A kubeconfig of the rehearsal's mock API server, which the recorder fills with what it applies. */
  private String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: rehearsal
            cluster:
              server: %s
        users:
          - name: rehearsal
            user:
              token: rehearsal
        contexts:
          - name: rehearsal
            context:
              cluster: rehearsal
              user: rehearsal
        current-context: rehearsal
        """.formatted(apiServerUrl);
  }

  static String realKubectl() {
    return RealTool.assertAccepts(Path.of("."), "sh", "-c", "command -v kubectl").strip();
  }

  private static String git(Path directory, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    return RealTool.assertAccepts(directory, command.toArray(String[]::new));
  }

  /** Writes to two streams: the test's copy and the log file. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
