package dev.parity.cli;

import dev.parity.core.Releases;
import dev.parity.core.Stack;
import dev.parity.pins.Promotion;
import dev.parity.pins.ReleaseFiles;
import dev.parity.pins.ReleasedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity promote}: the exact digests of one environment become the next environment's. */
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = {"Copy the release unit <from> runs (every app's and migrations image's digest and the"
        + " migration version) to <to>, the next environment in promotion order (the spec's remote"
        + " environments in declaration order), then bring the generated tree up to date.",
        "First the live schema of every database with migrations in <to> is checked as `drift schema --spec --env <to>`"
            + " checks it: pending migrations are fine, any drift refuses the promotion and nothing is written."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the release unit is promoted", "1:the live schema of <to> has drifted (nothing written), or"
        + " writing failed",
        "2:the spec or a release file is invalid, <to> does not follow <from>, <from> has no release, or a database"
            + " of <to> or Docker cannot be reached"})
final class PromoteCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Parameters(index = "0", paramLabel = "<from>", description = "The environment whose digests are promoted.")
  String from;

  @Parameters(index = "1", paramLabel = "<to>", description = "The next environment in promotion order.")
  String to;

  @Option(names = "--out", paramLabel = "<dir>", description = "The folder of the generated tree (default: deploy beside the spec).")
  Path out;

  @Option(names = "--to-url", paramLabel = "<db>=<jdbc-url>", description = "The live database of <to> for the"
      + " schema check, per database service (default: its declared endpoint in <to>). The password comes from the"
      + " variable named after the database's password key unless the URL has one.")
  Map<String, String> liveUrls = new LinkedHashMap<>();

  @Option(names = "--skip-live-check", description = "Promote without checking the live schema of <to>, for a"
      + " pipeline whose deploy job has just run the same gate (as Flyway's validateOnMigrate=false skips its"
      + " validation).")
  boolean skipLiveCheck;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.loadWithFiles(false);
    Stack stack = loaded.stack();
    Path target = SpecOptions.outOrDefault(out, loaded);
    Releases releases = Promotion.promote(stack, ReleaseFiles.read(target, stack), from, to);
    PrintWriter stdout = command.commandLine().getOut();
    if (!skipLiveCheck && !PromoteGate.passes(loaded, options.spec, from, stack.environment(to).orElseThrow(), liveUrls, stdout,
        command.commandLine().getErr())) {
      return PromoteGate.REFUSED;
    }
    releases.environments().get(to).forEach((app, released) ->
        stdout.println("  promoted " + released.image() + " from " + from + " to " + to));
    ReleasedConfig config = Releasing.config(stack, to, stdout);
    ReleaseFiles.write(target, stack, to, releases.environments().get(to), config);
    return Releasing.regenerate(options, loaded, target, stdout, ReleaseFiles.of(target, to));
  }
}
