package dev.parity.cli;

import dev.parity.core.Stack;
import dev.parity.generate.DeployTree;
import dev.parity.generate.TreeWriter;
import dev.parity.generate.WriteResult;
import dev.parity.pins.ReleasedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code release} and {@code promote} do after writing a release file: the tree takes the new digests. */
final class Releasing {

  private Releasing() {
  }

  /**
   * The config {@code environment} is rendered with, recorded in its release beside the images: what the spec
   * renders now, which is what the deploy of this tree gives the apps.
   */
  static ReleasedConfig config(Stack stack, String environment, PrintWriter stdout) {
    ReleasedConfig config = ReleasedConfig.of(stack, stack.environment(environment).orElseThrow());
    int variables = config.entries().values().stream().mapToInt(java.util.Map::size).sum();
    stdout.println("  recorded config " + config.shortDigest() + " of " + environment + " (" + variables
        + " variable(s) of " + config.entries().size() + " app(s))");
    return config;
  }

  static int regenerate(SpecOptions options, LoadedSpec loaded, Path target, PrintWriter stdout, Path releaseFile) {
    stdout.println("Wrote " + releaseFile);
    RenderInputs inputs = options.inputs(loaded, target);
    DeployTree tree = inputs.render();
    WriteResult result = TreeWriter.write(target, tree, false);
    TreeRecords.inUserCache().remember(inputs.tree(), inputs.fingerprint(), tree);
    result.written().forEach(path -> stdout.println("  wrote    " + path));
    stdout.println("Commit " + releaseFile.getFileName() + " with the files above; `parity check` enforces the"
        + " promotion order.");
    return 0;
  }
}
