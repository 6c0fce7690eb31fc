package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ImageLock;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.generate.CheckReport;
import dev.parity.generate.DeployTree;
import dev.parity.generate.TreeChecker;
import dev.parity.pins.LockCheck;
import dev.parity.pins.LockFile;
import dev.parity.pins.Promotion;
import dev.parity.pins.ReleaseFiles;
import dev.parity.pins.ReleasedConfig;
import dev.parity.registry.ImageDigests;
import dev.parity.generate.TreeWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity check}: the generated tree is exactly what the spec generates now. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check that the generated tree is up to date and untouched by hand, that the image lock"
        + " (parity.lock.json) covers every third-party image of the spec, and that every environment runs a digest"
        + " the previous one in promotion order ran (deploy/releases/).",
        "Reports every file that is missing, stale (generated from an older spec), hand-edited, or extra; every image"
            + " the lock misses or holds in excess; every release that is a tag or skips an environment.",
        "A generation that was interrupted (killed) is first completed or rolled back, and a note says which.",
        "When the spec's values, the lock, the releases, Parity and every file of the tree are as at the last clean"
            + " result (recorded in the user's cache folder), the answer comes without rendering; --verbose says"
            + " which way it came."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the tree is exactly what the spec generates", "1:the tree, the lock or a release differs; the report lists each finding",
        "2:the spec is invalid or a file it refers to is missing or wrong, or the command was used wrongly"})
final class CheckCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Option(names = "--out", paramLabel = "<dir>", description = "The folder of the generated tree (default: deploy beside the spec).")
  Path out;

  @Option(names = "--resolve", description = "Also resolve every locked image at its registry (or --registry-mirror)"
      + " and fail when its tag names another digest now (a re-pushed tag).")
  boolean resolveImages;

  @Mixin
  ResolveOptions resolve;

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
    CheckReport report = new CheckReport(List.of());
    int files = lookup.files();
    if (!lookup.upToDate()) {
      DeployTree expected = inputs.render();
      report = TreeChecker.check(target, expected);
      files = expected.files().size();
      if (report.isClean()) {
        records.remember(inputs.tree(), fingerprint, expected);
      }
    }
    List<String> pins = pinFindings(loaded, target);
    List<String> unreleased = ReleasedConfig.unreleased(loaded.stack(), ReleaseFiles.configs(target));
    if (report.isClean() && pins.isEmpty()) {
      stdout.printf("%s is up to date: %d files, as spec %s generates them.%n", target, files, loaded.name());
      printUnreleased(stdout, unreleased);
      return 0;
    }
    if (!report.isClean()) {
      stdout.printf("%s differs from what spec %s generates (%d file(s)):%n", target, loaded.name(),
          report.findings().size());
      report.findings().forEach(finding -> stdout.println("  " + finding));
      stdout.println(report.nextStep("parity generate", "--force"));
    }
    if (!pins.isEmpty()) {
      stdout.printf("Images of spec %s are not pinned as recorded (%d finding(s)):%n", loaded.name(), pins.size());
      pins.forEach(finding -> stdout.println("  " + finding));
    }
    printUnreleased(stdout, unreleased);
    return 1;
  }

  /**
   * A release whose config the spec now renders differently is pending, as a migration not yet applied is,
   * and does not fail the check: failing would stop, at the gate, the very deploy that releases it.
   */
  private static void printUnreleased(PrintWriter stdout, List<String> unreleased) {
    if (!unreleased.isEmpty()) {
      stdout.printf("Config not yet released (%d environment(s)), pending:%n", unreleased.size());
      unreleased.forEach(line -> stdout.println("  " + line));
    }
  }

  /** What the lock and the release files break: a lock that misses or re-pins an image, a release that skips. */
  private List<String> pinFindings(LoadedSpec loaded, Path target) {
    List<String> findings = new ArrayList<>();
    Optional<ImageLock> lock = SpecOptions.lock(loaded);
    lock.ifPresent(l -> findings.addAll(LockCheck.against(loaded.stack(), l)));
    if (resolveImages) {
      ImageDigests digests = resolve.digests();
      ImageLock locked = lock.orElseThrow(() -> new ParityException(ErrorCode.USAGE, "--resolve: spec "
          + loaded.name() + " has no image lock (" + LockFile.in(loaded.folder()) + "); run `parity lock` first"));
      Map<String, String> now = new TreeMap<>();
      locked.images().keySet().forEach(image -> now.put(image, digests.digest(ImageRef.parse(image))));
      findings.addAll(LockCheck.againstRegistry(locked, now));
    }
    findings.addAll(Promotion.check(loaded.stack(), ReleaseFiles.read(target, loaded.stack())));
    return findings;
  }
}
