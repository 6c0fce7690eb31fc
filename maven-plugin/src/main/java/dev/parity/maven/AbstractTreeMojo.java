package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.cli.MavenProjects;
import dev.parity.contract.AppContracts;
import dev.parity.generate.DeployTree;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Templates;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that render the deploy tree ({@code generate}, {@code check}): where it goes, which templates. */
abstract class AbstractTreeMojo extends AbstractParityMojo {

  /** The folder of the generated tree, as {@code parity --out}. */
  @Parameter(property = "parity.outputDirectory", defaultValue = "${project.basedir}/deploy")
  File outputDirectory;

  /**
   * A folder of FreeMarker templates that override Parity's own by relative name
   * ({@code dockerfile/node.Dockerfile.ftl}, …), as {@code parity --templates}.
   */
  @Parameter(property = "parity.templates")
  File templates;

  /** The tree the spec generates for {@link #outputDirectory}, in memory. */
  DeployTree render(LoadedSpec loaded) throws MojoFailureException {
    Path tree = outputDirectory.toPath().toAbsolutePath().normalize();
    Path folder = loaded.folder();
    if (tree.equals(folder) || folder.startsWith(tree)) {
      throw PomErrors.configuration("outputDirectory", "'" + outputDirectory + "' holds the spec's own folder " + folder
          + "; set a folder of its own for the generated tree, such as ${project.basedir}/deploy");
    }
    if (templates != null && !templates.isDirectory()) {
      throw PomErrors.configuration("templates", "'" + templates + "' is not a folder; set the folder that holds"
          + " your template overrides, or remove <templates> to use Parity's own");
    }
    Templates source = templates == null ? Templates.builtIn() : Templates.withOverrides(templates.toPath());
    GenerationContext context = new GenerationContext(loaded.stack(), loaded.name(), slashes(tree.relativize(folder)),
        slashes(folder.relativize(tree)), source)
        .withContracts(AppContracts.read(loaded.stack(), folder, new java.util.ArrayList<>()));
    // the same rule as parity generate, so both write the same workflow
    return DeployTree.render(MavenProjects.of(folder).map(context::withMaven).orElse(context));
  }

  private static String slashes(Path path) {
    String text = path.toString().replace(File.separatorChar, '/');
    return text.isEmpty() ? "." : text;
  }
}
