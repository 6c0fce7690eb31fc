package dev.parity.cli;

import dev.parity.generate.CheckReport;
import dev.parity.generate.DeployTree;
import dev.parity.generate.TreeChecker;
import dev.parity.generate.TreeWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity check}: the generated tree is exactly what the spec generates now. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check that the generated tree is up to date and untouched by hand.",
        "Reports every file that is missing, stale (generated from an older spec), hand-edited, or extra.",
        "A generation that was interrupted (killed) is first completed or rolled back, and a note says which."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the tree is exactly what the spec generates", "1:the tree differs; the report lists each file",
        "2:the spec is invalid or a file it refers to is missing or wrong, or the command was used wrongly"})
final class CheckCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Option(names = "--out", paramLabel = "<dir>", description = "The folder of the generated tree (default: deploy beside the spec).")
  Path out;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.loadWithFiles(false);
    Path target = SpecOptions.outOrDefault(out, loaded);
    DeployTree expected = options.render(loaded, target);
    PrintWriter stdout = command.commandLine().getOut();
    TreeWriter.recover(target).ifPresent(note -> stdout.println("Note: " + note + "."));
    CheckReport report = TreeChecker.check(target, expected);
    if (report.isClean()) {
      stdout.printf("%s is up to date: %d files, as spec %s generates them.%n", target, expected.files().size(),
          loaded.name());
      return 0;
    }
    stdout.printf("%s differs from what spec %s generates (%d file(s)):%n", target, loaded.name(),
        report.findings().size());
    report.findings().forEach(finding -> stdout.println("  " + finding));
    stdout.println("Run `parity generate` to bring the tree up to date; move hand edits into the spec first.");
    return 1;
  }
}
