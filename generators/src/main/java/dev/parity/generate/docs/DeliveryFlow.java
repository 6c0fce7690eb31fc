package dev.parity.generate.docs;

import dev.parity.core.Environment;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery flow as the lines of a Mermaid {@code flowchart LR}: developers run the same
 * versions locally, the parity gate, the first remote environment where images are built once,
 * integration tests, then every later environment with the same images. Node ids are fixed
 * ({@code gate}, {@code env1}, …) and labels are quoted and entity-escaped, so no name can break
 * the diagram; free text from the spec never appears in it.
 */
final class DeliveryFlow {

  private DeliveryFlow() {
  }

  static List<String> lines(Stack stack) {
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    stack.localEnvironment().ifPresent(local -> {
      lines.add("  dev[" + label(local.name() + ": developers run the same versions") + "]");
      lines.add("  dev -.->|" + label("push") + "| gate");
    });
    lines.add("  gate{{" + label("parity check") + "}}");
    List<Environment> remote = stack.remoteEnvironments();
    String previous = "gate";
    for (int i = 0; i < remote.size(); i++) {
      String id = "env" + (i + 1);
      String edge = i == 0 ? (stack.apps().isEmpty() ? "" : "|" + label("build images once") + "|")
          : (stack.apps().isEmpty() ? "" : "|" + label("same images") + "|");
      lines.add("  " + id + "[" + label(remote.get(i).name()) + "]");
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

  /** A quoted Mermaid label holding exactly {@code text}. */
  static String label(String text) {
    return Mermaid.label(text);
  }
}
