package dev.parity.generate.ci;

import dev.parity.core.Environment;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GenerationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders {@code ci/parity-gate.sh} from its template. */
final class GateScript {

  private GateScript() {
  }

  static String render(GenerationContext context, String path) {
    List<Environment> remote = context.stack().remoteEnvironments();
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 1; i < remote.size(); i++) {
      pairs.add(List.of(remote.get(i - 1).name(), remote.get(i).name()));
    }
    return context.templates().render("ci/parity-gate.sh.ftl", Map.of(
        "header", context.header(CommentStyle.HASH),
        "specFolder", context.pathFrom(path, "."),
        "specName", context.specName(),
        "tree", context.treeFromSpecFolder(),
        "pairs", pairs));
  }
}
