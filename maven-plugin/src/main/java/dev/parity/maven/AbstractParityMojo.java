package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.core.Environment;
import dev.parity.core.ParityException;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the spec, {@code skip}, and one {@code final execute()} that loads the
 * spec with the project's class path, runs the goal and turns Parity's errors into Maven's in one
 * place ({@link PomErrors}). The goals hold no state beyond their parameters, so {@code mvn -T} may
 * run them for several modules at once.
 */
abstract class AbstractParityMojo extends AbstractMojo {

  /**
   * The spec: the fully qualified name of a class implementing {@code dev.parity.core.ParitySpec}
   * among the project's main or test classes (its {@code .java} file must be in the project's source
   * roots: relative paths in the spec start from its folder), or a {@code .java} file relative to the
   * project folder, compiled on the fly.
   */
  @Parameter(property = "parity.spec", required = true)
  String spec;

  /** Skips every Parity goal. */
  @Parameter(property = "parity.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || goalSkipped()) {
      getLog().info("Parity " + goal() + " skipped (" + (skip ? "parity.skip" : "parity." + goal() + ".skip") + ").");
      return;
    }
    try {
      run(ProjectSpec.load(project, spec));
    } catch (ParityException e) {
      PomErrors.fail(e);
    }
  }

  /** The goal's name, as in {@code parity:<goal>} and its skip property {@code parity.<goal>.skip}. */
  abstract String goal();

  /** The goal's own skip parameter, {@code parity.<goal>.skip}. */
  abstract boolean goalSkipped();

  abstract void run(LoadedSpec loaded) throws MojoExecutionException, MojoFailureException;

  /** The environment {@code parameter} names, or a failure naming that pom element and the declared ones. */
  static Environment environment(LoadedSpec loaded, String parameter, String name) throws MojoFailureException {
    var declared = loaded.stack().environment(name);
    if (declared.isEmpty()) {
      throw PomErrors.configuration(parameter, "'" + name + "' is not an environment of stack '"
          + loaded.stack().name() + "'; set one of: " + loaded.stack().environments().stream().map(Environment::name)
              .collect(Collectors.joining(", ")));
    }
    return declared.get();
  }
}
