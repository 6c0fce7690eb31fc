package dev.parity.cli;

import dev.parity.generate.DeployTree;
import dev.parity.generate.TreeWriter;
import dev.parity.generate.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity generate}: renders every environment's files from the spec. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Render every environment's deployment files from the spec.",
        "Files already up to date are not touched; new content is staged in a journal inside the tree"
            + " (.parity-journal, git-ignored) and swapped in, so a failure or a kill at any instant leaves the"
            + " previous tree or the new one: the next generate or check completes or rolls back an interrupted"
            + " generation. A rejected spec writes nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the tree is written (or was already up to date)",
        "1:writing failed; the previous tree was restored",
        "2:the spec is invalid or a file it refers to is missing or wrong, or a file edited by hand would be overwritten (see --force)"})
final class GenerateCommand implements Callable<Integer> {

  private static final String CURRENT = "%s was already current: %d files, as spec %s generates them; nothing written.%n";

  @Mixin
  SpecOptions options;

  @Option(names = "--out", paramLabel = "<dir>", description = "The folder of the generated tree (default: deploy beside the spec).")
  Path out;

  @Option(names = "--force", description = "Overwrite generated files even when they were edited by hand.")
  boolean force;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.loadWithFiles(false);
    Path target = SpecOptions.outOrDefault(out, loaded);
    RenderInputs inputs = options.inputs(loaded, target);
    PrintWriter stdout = command.commandLine().getOut();
    TreeWriter.recover(target).ifPresent(note -> stdout.println("Note: " + note + "."));
    TreeRecords records = TreeRecords.inUserCache();
    RenderInputs.Fingerprint fingerprint = inputs.fingerprint();
    TreeRecords.Lookup lookup = records.lookup(inputs.tree(), fingerprint);
    SpecOptions.explain(command, lookup);
    if (lookup.upToDate()) {
      stdout.printf(CURRENT, target, lookup.files(), loaded.name());
      return 0;
    }
    DeployTree tree = inputs.render();
    WriteResult result = TreeWriter.write(target, tree, force);
    records.remember(inputs.tree(), fingerprint, tree);
    if (result.written().isEmpty() && result.removed().isEmpty()) {
      stdout.printf(CURRENT, target, tree.files().size(), loaded.name());
      result.kept().forEach(path -> stdout.println("  kept     " + path + " (no longer generated, but edited by hand)"));
      return 0;
    }
    stdout.printf("Generated %d files for stack '%s' in %s: %d written, %d unchanged%s%n",
        tree.files().size(), loaded.stack().name(), target, result.written().size(), result.unchanged().size(),
        result.removed().isEmpty() ? "" : ", " + result.removed().size() + " removed");
    result.written().forEach(path -> stdout.println("  wrote    " + path));
    result.removed().forEach(path -> stdout.println("  removed  " + path));
    result.kept().forEach(path -> stdout.println("  kept     " + path + " (no longer generated, but edited by hand)"));
    return 0;
  }
}
