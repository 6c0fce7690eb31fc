package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ImageLock;
import dev.parity.core.InvalidSpecException;
import dev.parity.core.ParityException;
import dev.parity.core.Problem;
import dev.parity.core.SpecFiles;
import dev.parity.generate.DeployTree;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Templates;
import dev.parity.pins.LockFile;
import dev.parity.pins.ReleaseFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(loaded.stack().name(), problems);
    }
    return loaded;
  }

  /** The deploy tree rendered from {@code loaded} for the output folder {@code out}. */
  DeployTree render(LoadedSpec loaded, Path out) {
    Path tree = out.toAbsolutePath().normalize();
    Path folder = loaded.folder();
    if (tree.equals(folder) || folder.startsWith(tree)) {
      throw new ParityException(ErrorCode.USAGE, "--out '" + out + "' holds the spec's own folder; pass a folder"
          + " of its own for the generated tree, such as " + folder.resolve("deploy"));
    }
    Templates templateSource = templates == null ? Templates.builtIn() : Templates.withOverrides(templates);
    GenerationContext context = new GenerationContext(loaded.stack(), loaded.name(), slashes(tree.relativize(folder)),
        slashes(folder.relativize(tree)), templateSource)
        .withLock(lock(loaded).orElse(ImageLock.empty()))
        .withReleases(ReleaseFiles.read(tree, loaded.stack()));
    return DeployTree.render(context);
  }

  /**
   * The image lock beside the spec ({@link LockFile}), if there is one.
   *
   * @throws ParityException exit code 2 naming the file when it is malformed
   */
  static Optional<ImageLock> lock(LoadedSpec loaded) {
    return LockFile.read(LockFile.in(loaded.folder()), loaded.stack());
  }

  private static String slashes(Path path) {
    String text = String.join("/", Arrays.stream(path.toString().split(java.util.regex.Pattern.quote(File.separator)))
        .toList());
    return text.isEmpty() ? "." : text;
  }

  /** {@code --out}, or {@code deploy} beside the spec. */
  static Path outOrDefault(Path out, LoadedSpec loaded) {
    return out != null ? out : loaded.folder().resolve("deploy");
  }
}
