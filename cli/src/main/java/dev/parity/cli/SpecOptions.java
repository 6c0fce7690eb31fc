package dev.parity.cli;

import dev.parity.contract.AppContracts;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageLock;
import dev.parity.core.InvalidSpecException;
import dev.parity.core.ParityException;
import dev.parity.core.Problem;
import dev.parity.core.SpecFiles;
import dev.parity.generate.DeployTree;
import dev.parity.pins.LockFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options every command that reads a spec shares. */
final class SpecOptions {

  @Option(names = "--spec", required = true, paramLabel = "<Spec.java|class>",
      description = "The spec: a .java file compiled on the fly, or a class name found on --classpath.")
  String spec;

  @Option(names = "--classpath", paramLabel = "<path>", split = ":",
      description = "Extra class path for the spec (folders or jars, separated by '${sys:path.separator}').")
  List<Path> classpath = List.of();

  @Option(names = "--project-dir", paramLabel = "<dir>", defaultValue = ".",
      description = "Where the spec's relative paths start when --spec is a class name (default: ${DEFAULT-VALUE}).")
  Path projectDir;

  @Option(names = "--templates", paramLabel = "<dir>",
      description = "A folder of FreeMarker templates that override Parity's own by relative name.")
  Path templates;

  @Option(names = "--spec-timeout", paramLabel = "<seconds>", defaultValue = "30",
      description = "How long the spec's stack() may run before Parity gives up with exit 2 (default: ${DEFAULT-VALUE}).")
  long specTimeout;

  LoadedSpec load() {
    if (specTimeout < 1) {
      throw new ParityException(ErrorCode.USAGE, "--spec-timeout " + specTimeout + ": give the seconds the spec's"
          + " stack() may run, at least 1");
    }
    return SpecLoader.load(spec, classpath, projectDir, java.time.Duration.ofSeconds(specTimeout));
  }

  /**
   * Loads the spec and checks the files it refers to ({@link SpecFiles}) before anything is
   * written or started; {@code forBuild} also checks what an image build copies (a JVM app's jar).
   *
   * @throws InvalidSpecException listing every file problem, exit code 2
   */
  LoadedSpec loadWithFiles(boolean forBuild) {
    LoadedSpec loaded = load();
    List<Problem> problems = forBuild ? SpecFiles.checkForBuild(loaded.stack(), loaded.folder())
        : SpecFiles.check(loaded.stack(), loaded.folder());
    problems = withContracts(problems, loaded);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(loaded.stack().name(), problems);
    }
    return loaded;
  }

  /** {@code problems} and those of the apps' config contracts ({@link AppContracts}), checked against every environment. */
  private static List<Problem> withContracts(List<Problem> problems, LoadedSpec loaded) {
    List<Problem> all = new java.util.ArrayList<>(problems);
    all.addAll(AppContracts.check(loaded.stack(), loaded.folder()));
    return all;
  }

  /** The deploy tree rendered from {@code loaded} for the output folder {@code out}. */
  DeployTree render(LoadedSpec loaded, Path out) {
    return inputs(loaded, out).render();
  }

  /**
   * What rendering {@code loaded} into {@code out} reads, with the lock and release files read.
   *
   * @throws ParityException exit code 2 when {@code out} holds the spec's own folder
   */
  RenderInputs inputs(LoadedSpec loaded, Path out) {
    return RenderInputs.of(loaded, out, templates, classpath);
  }

  /**
   * The image lock beside the spec ({@link LockFile}), if there is one.
   *
   * @throws ParityException exit code 2 naming the file when it is malformed
   */
  static Optional<ImageLock> lock(LoadedSpec loaded) {
    return LockFile.read(LockFile.in(loaded.folder()), loaded.stack());
  }

  /**
   * Under {@code --verbose}, says on stderr whether the tree's record ({@link TreeRecords}) answered,
   * or why the tree is rendered.
   */
  static void explain(CommandSpec command, TreeRecords.Lookup lookup) {
    boolean verbose = false;
    for (CommandLine c = command.commandLine(); c != null; c = c.getParent()) {
      verbose |= c.getParseResult() != null && c.getParseResult().hasMatchedOption("--verbose");
    }
    if (verbose) {
      command.commandLine().getErr().println(lookup.upToDate()
          ? "parity: the tree is as recorded at its last clean result, from the same inputs; nothing rendered"
          : "parity: rendering to compare, because " + lookup.why());
    }
  }

  /** {@code --out}, or {@code deploy} beside the spec. */
  static Path outOrDefault(Path out, LoadedSpec loaded) {
    return out != null ? out : loaded.folder().resolve("deploy");
  }
}
