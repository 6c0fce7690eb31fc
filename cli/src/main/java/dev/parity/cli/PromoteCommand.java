package dev.parity.cli;

import dev.parity.core.Releases;
import dev.parity.core.Stack;
import dev.parity.pins.Promotion;
import dev.parity.pins.ReleaseFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity promote}: the exact digests of one environment become the next environment's. */
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = {"Copy the exact image digests <from> runs to <to>, the next environment in promotion order (the"
        + " spec's remote environments in declaration order), then bring the generated tree up to date."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the digests are promoted", "1:writing failed",
        "2:the spec or a release file is invalid, <to> does not follow <from>, or <from> has no release"})
final class PromoteCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Parameters(index = "0", paramLabel = "<from>", description = "The environment whose digests are promoted.")
  String from;

  @Parameters(index = "1", paramLabel = "<to>", description = "The next environment in promotion order.")
  String to;

  @Option(names = "--out", paramLabel = "<dir>", description = "The folder of the generated tree (default: deploy beside the spec).")
  Path out;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.loadWithFiles(false);
    Stack stack = loaded.stack();
    Path target = SpecOptions.outOrDefault(out, loaded);
    Releases releases = Promotion.promote(stack, ReleaseFiles.read(target, stack), from, to);
    PrintWriter stdout = command.commandLine().getOut();
    releases.environments().get(to).forEach((app, released) ->
        stdout.println("  promoted " + released.image() + " from " + from + " to " + to));
    ReleaseFiles.write(target, stack, to, releases.environments().get(to));
    return Releasing.regenerate(options, loaded, target, stdout, ReleaseFiles.of(target, to));
  }
}
