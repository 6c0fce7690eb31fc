package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.core.InvalidSpecException;
import dev.parity.core.Problem;
import dev.parity.core.SpecFiles;
import java.util.List;

/** The checks of the files a spec names, before anything is written or started. */
final class SpecChecks {

  private SpecChecks() {
  }

  /**
   * Checks the files the spec refers to ({@link SpecFiles}); {@code forBuild} also what an image
   * build copies (a JVM app's jar).
   *
   * @throws InvalidSpecException listing every file problem
   */
  static void files(LoadedSpec loaded, boolean forBuild) {
    List<Problem> problems = forBuild ? SpecFiles.checkForBuild(loaded.stack(), loaded.folder())
        : SpecFiles.check(loaded.stack(), loaded.folder());
    problems = new java.util.ArrayList<>(problems);
    problems.addAll(dev.parity.contract.AppContracts.check(loaded.stack(), loaded.folder()));
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(loaded.stack().name(), problems);
    }
  }

  static void files(LoadedSpec loaded) {
    files(loaded, false);
  }
}
