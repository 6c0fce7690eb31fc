package dev.parity.cli;

import dev.parity.generate.DeployTree;
import dev.parity.generate.TreeWriter;
import dev.parity.generate.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code release} and {@code promote} do after writing a release file: the tree takes the new digests. */
final class Releasing {

  private Releasing() {
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
