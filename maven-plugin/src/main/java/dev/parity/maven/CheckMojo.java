package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.generate.CheckReport;
import dev.parity.generate.DeployTree;
import dev.parity.generate.TreeChecker;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parity:check}: the CI gate, as {@code parity check}. Fails the build, listing every file
 * that is missing, stale, edited by hand or extra, unless {@code outputDirectory} is exactly what
 * the spec generates now. Runs in {@code verify}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public final class CheckMojo extends AbstractTreeMojo {

  /** Skips this goal only. */
  @Parameter(property = "parity.check.skip", defaultValue = "false")
  boolean skipCheck;

  @Override
  String goal() {
    return "check";
  }

  @Override
  boolean goalSkipped() {
    return skipCheck;
  }

  @Override
  void run(LoadedSpec loaded) throws MojoFailureException {
    SpecChecks.files(loaded);
    DeployTree expected = render(loaded);
    CheckReport report = TreeChecker.check(outputDirectory.toPath(), expected);
    if (!report.isClean()) {
      throw new MojoFailureException(outputDirectory + " differs from what " + loaded.name() + " generates ("
          + report.findings().size() + " file(s)):\n" + report.findings().stream().map(f -> "  " + f)
              .collect(Collectors.joining("\n"))
          + "\n" + report.nextStep("mvn parity:generate", "-Dparity.force=true"));
    }
    getLog().info(outputDirectory + " is up to date: " + expected.files().size() + " files, as " + loaded.name()
        + " generates them.");
  }
}
