package dev.parity.generate.docs;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Releases;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery flow as the lines of a Mermaid {@code flowchart LR}: developers run the same
 * versions locally (compose), the parity gate, the container registry the images are built into
 * once, the first remote environment, integration tests, then every later environment, promoted
 * by digest. Each environment names where it runs (cluster, instances) and the digest each app
 * runs there, as its release file records it. Node ids are fixed
 * ({@code gate}, {@code env1}, …) and labels are quoted and entity-escaped, so no name can break
 * the diagram; free text from the spec never appears in it.
 */
final class DeliveryFlow {

  private DeliveryFlow() {
  }

  static List<String> lines(Stack stack, Releases releases) {
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    stack.localEnvironment().ifPresent(local -> {
      lines.add("  dev[" + label(local.name() + " (Docker Compose): developers run the same versions") + "]");
      lines.add("  dev -.->|" + label("push") + "| gate");
    });
    lines.add("  gate{{" + label("parity check") + "}}");
    List<Environment> remote = stack.remoteEnvironments();
    String previous = "gate";
    if (!stack.apps().isEmpty() && !remote.isEmpty()) {
      lines.add("  registry[(" + label("container registry") + ")]");
      lines.add("  gate -->|" + label("build images once") + "| registry");
      previous = "registry";
    }
    for (int i = 0; i < remote.size(); i++) {
      String id = "env" + (i + 1);
      String edge = stack.apps().isEmpty() ? "" : "|" + label(i == 0 ? "parity release" : "parity promote") + "|";
      lines.add("  " + id + "[" + label(describe(stack, releases, remote.get(i))) + "]");
      lines.add("  " + previous + " -->" + edge + " " + id);
      previous = id;
      if (i == 0) {
        lines.add("  tests[" + label("integration tests") + "]");
        lines.add("  " + id + " --> tests");
        previous = "tests";
      }
    }
    return lines;
  }

  /** {@code staging (Kubernetes cluster): web at sha256:0f1e2d3c4b5a}, the first 12 hex digits of each digest. */
  private static String describe(Stack stack, Releases releases, Environment env) {
    List<String> where = new ArrayList<>();
    env.kubernetes().ifPresent(k -> where.add("Kubernetes cluster"));
    if (env.runsOnInstances()) {
      where.add("instances");
    }
    StringBuilder text = new StringBuilder(env.name()).append(" (").append(String.join(" + ", where)).append(")");
    List<String> images = new ArrayList<>();
    for (App app : stack.apps()) {
      images.add(app.name() + releases.image(env.name(), app.name())
          .map(image -> " at " + image.substring(image.indexOf('@') + 1, image.indexOf('@') + 1 + "sha256:".length() + 12))
          .orElse(": not released"));
    }
    if (!images.isEmpty()) {
      text.append(": ").append(String.join(", ", images));
    }
    return text.toString();
  }

  /** A quoted Mermaid label holding exactly {@code text}. */
  static String label(String text) {
    return Mermaid.label(text);
  }
}
