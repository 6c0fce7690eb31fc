package dev.parity.generate.docs;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Releases;
import dev.parity.core.Stack;
import dev.parity.generate.Images;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery flow as the lines of a Mermaid {@code flowchart LR}: developers run the same
 * versions locally on Docker Compose, the parity gate, the container registry the images are built
 * into once, then each remote environment in promotion order, on its target (a Kubernetes cluster
 * and namespace, or instances), with the digest each app runs there ("no release recorded" until a
 * release records one), integration tests after the first. Node ids are fixed ({@code gate},
 * {@code registry}, {@code env1}, …) and labels are quoted and entity-escaped, so no name can break
 * the diagram.
 */
final class DeliveryFlow {

  private DeliveryFlow() {
  }

  static List<String> lines(Stack stack, Releases releases) {
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    stack.localEnvironment().ifPresent(local -> {
      lines.add("  dev[" + Mermaid.label(local.name() + ": Docker Compose, the same versions") + "]");
      lines.add("  dev -.->|" + Mermaid.label("push") + "| gate");
    });
    lines.add("  gate{{" + Mermaid.label("parity check") + "}}");
    boolean images = !stack.apps().isEmpty();
    String previous = "gate";
    if (images) {
      List<String> registry = new ArrayList<>();
      registry.add("container registry");
      stack.apps().forEach(app -> registry.add(Images.repository(stack, app)));
      lines.add("  registry[(" + Mermaid.label(registry) + ")]");
      lines.add("  gate -->|" + Mermaid.label("build images once") + "| registry");
      previous = "registry";
    }
    List<Environment> remote = stack.remoteEnvironments();
    for (int i = 0; i < remote.size(); i++) {
      String id = "env" + (i + 1);
      String edge = !images ? "" : "|" + Mermaid.label(i == 0 ? "pull by digest" : "promote the same digests") + "|";
      lines.add("  " + id + "[" + Mermaid.label(environment(stack, releases, remote.get(i))) + "]");
      lines.add("  " + previous + " -->" + edge + " " + id);
      previous = id;
      if (i == 0) {
        lines.add("  tests[" + Mermaid.label("integration tests") + "]");
        lines.add("  " + id + " --> tests");
        previous = "tests";
      }
    }
    return lines;
  }

  /** An environment's label: its name, where it runs, and the digest of each app there. */
  private static List<String> environment(Stack stack, Releases releases, Environment env) {
    List<String> label = new ArrayList<>();
    label.add(env.name());
    env.kubernetes().ifPresent(k -> label.add(cluster(k)));
    if (env.runsOnInstances()) {
      label.add("instances (terraform/" + env.name() + ".tfvars)");
    }
    for (App app : stack.apps()) {
      label.add(app.name() + ": " + Images.digestOf(releases, app, env).orElse("no release recorded"));
    }
    return label;
  }

  private static String cluster(Kubernetes k) {
    return "Kubernetes " + k.context().map(c -> "cluster " + c + ", ").orElse("") + "namespace " + k.namespace();
  }
}
