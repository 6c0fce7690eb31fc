package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.generate.DeployTree;
import dev.parity.generate.TreeWriter;
import dev.parity.generate.WriteResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parity:generate}: renders every environment's files from the spec into
 * {@code outputDirectory}, as {@code parity generate}. Files already right are not touched, so
 * with unchanged inputs nothing is written and one line says so; files edited by hand are not
 * overwritten unless {@code force} is set. Runs in {@code process-classes}, after the project's
 * classes (and so a class spec) are compiled.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public final class GenerateMojo extends AbstractTreeMojo {

  /** Overwrite generated files even when they were edited by hand, as {@code parity generate --force}. */
  @Parameter(property = "parity.force", defaultValue = "false")
  boolean force;

  /** Skips this goal only. */
  @Parameter(property = "parity.generate.skip", defaultValue = "false")
  boolean skipGenerate;

  @Override
  String goal() {
    return "generate";
  }

  @Override
  boolean goalSkipped() {
    return skipGenerate;
  }

  @Override
  void run(LoadedSpec loaded) throws MojoFailureException {
    SpecChecks.files(loaded);
    DeployTree tree = render(loaded);
    WriteResult result = TreeWriter.write(outputDirectory.toPath(), tree, force);
    if (result.written().isEmpty() && result.removed().isEmpty()) {
      getLog().info(outputDirectory + " is up to date: " + tree.files().size() + " files, as " + loaded.name()
          + " generates them; nothing written.");
      return;
    }
    getLog().info("Generated " + tree.files().size() + " files for stack '" + loaded.stack().name() + "' in "
        + outputDirectory + ": " + result.written().size() + " written, " + result.unchanged().size() + " unchanged"
        + (result.removed().isEmpty() ? "" : ", " + result.removed().size() + " removed"));
    result.written().forEach(path -> getLog().info("  wrote    " + path));
    result.removed().forEach(path -> getLog().info("  removed  " + path));
    result.kept().forEach(path -> getLog().warn("  kept     " + path + " (no longer generated, but edited by hand)"));
  }
}
