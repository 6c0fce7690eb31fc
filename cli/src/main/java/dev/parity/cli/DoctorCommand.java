package dev.parity.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity doctor}: what each command needs from this machine, and what is found. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"List what each command needs from this machine (Java, the Docker engine, a registry mirror,"
        + " the validators of the generated files, kubectl, terraform, the Flyway command line) and what is found.",
        "It changes nothing and needs no spec."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything listed was found", "1:something is missing: the commands in its row will not work"})
final class DoctorCommand implements Callable<Integer> {

  @Option(names = "--registry-mirror", paramLabel = "<host:port>",
      description = "Also check that this registry answers, as `up --registry-mirror` needs.")
  String registryMirror;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  /** One row: a need, the commands that have it, and what was found. */
  record Row(String need, String usedBy, MachineFacts.Fact fact) {
  }

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    List<Row> rows = rows(System.getenv(), registryMirror);
    print(out, rows);
    return rows.stream().allMatch(r -> r.fact().found()) ? 0 : 1;
  }

  /** Every need, looked for in {@code env} (its {@code PATH} and {@code DOCKER_HOST}). */
  static List<Row> rows(Map<String, String> env, String registryMirror) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Java 17+", "every command", new MachineFacts.Fact(Runtime.version().feature() >= 17,
        MachineFacts.java())));
    rows.add(new Row("Docker engine", "up, down, status, drift schema, drift containers", MachineFacts.docker(env)));
    if (registryMirror != null) {
      rows.add(new Row("registry mirror " + registryMirror, "up --registry-mirror", MachineFacts.registry(registryMirror)));
    }
    String path = env.get("PATH");
    tool(rows, path, "docker-compose", "running deploy/local/docker-compose.yml; its validation in the tests");
    tool(rows, path, "yamllint", "validating the generated YAML (tests, CI)");
    tool(rows, path, "shellcheck", "validating the generated scripts (tests, CI)");
    tool(rows, path, "hcl-check", "validating the generated Terraform files (tests, CI)");
    tool(rows, path, "workflow-check", "validating the generated GitHub workflow (tests, CI)");
    tool(rows, path, "kubectl", "applying Kubernetes overlays (kubectl kustomize)");
    tool(rows, path, "terraform", "planning and applying deploy/terraform (the generated CI workflow)");
    rows.add(new Row("flyway", "deploy/db/deploy.sh: migrating the databases of instance environments (the"
        + " generated CI workflow)", MachineFacts.flyway(path)));
    return rows;
  }

  private static void tool(List<Row> rows, String path, String tool, String usedBy) {
    rows.add(new Row(tool, usedBy, MachineFacts.onPath(tool, path)
        .map(p -> new MachineFacts.Fact(true, "found at " + p))
        .orElseGet(() -> new MachineFacts.Fact(false, "not on the PATH"))));
  }

  static void print(PrintWriter out, List<Row> rows) {
    for (Row row : rows) {
      out.printf(Locale.ROOT, "%-7s %-16s %s%n", row.fact().found() ? "ok" : "MISSING", row.need(), row.fact().text());
      out.printf(Locale.ROOT, "%-7s %-16s needed by: %s%n", "", "", row.usedBy());
    }
    long missing = rows.stream().filter(r -> !r.fact().found()).count();
    out.println(missing == 0 ? "Everything found." : missing + " missing; the commands named under each will not work.");
  }
}
