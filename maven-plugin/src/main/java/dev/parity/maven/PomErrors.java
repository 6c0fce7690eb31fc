package dev.parity.maven;

import dev.parity.core.ParityException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place where Parity's errors become Maven's: messages that name a command-line option
 * name the pom element to change instead, and the error's code decides between a build failure
 * (bad input, a check that found something) and a build error (Docker or the disk failed).
 */
final class PomErrors {

  /** Each {@code parity} option and the plugin parameter that takes its place. */
  private static final Map<String, String> ELEMENTS = Map.ofEntries(
      Map.entry("--spec", "spec"),
      Map.entry("--env", "environment"),
      Map.entry("--out", "outputDirectory"),
      Map.entry("--templates", "templates"),
      Map.entry("--registry-mirror", "registryMirror"),
      Map.entry("--app", "app"),
      Map.entry("--format", "format"),
      Map.entry("--env-file", "envFile"),
      Map.entry("--from-env-file", "envFile"),
      Map.entry("--docker-host", "dockerHost"),
      Map.entry("--project-dir", "spec"));

  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

  private PomErrors() {
  }

  /** The pom element a parameter is set with, as the messages write it: {@code <configuration><spec>}. */
  static String element(String parameter) {
    return "<configuration><" + parameter + ">";
  }

  /** A mistake in the plugin's configuration: {@code <configuration><spec>: what; fix: how}. */
  static MojoFailureException configuration(String parameter, String message) {
    return new MojoFailureException(element(parameter) + ": " + message);
  }

  /**
   * {@code e} as Maven reports it: options become pom elements ({@code --env 'x'} becomes
   * {@code <configuration><environment> 'x'}); {@code --classpath} becomes the project's own class path.
   */
  static void fail(ParityException e) throws MojoExecutionException, MojoFailureException {
    String message = pomTerms(e.getMessage());
    if (e.code().exitCode() == 2) {
      throw new MojoFailureException(message, e);
    }
    throw new MojoExecutionException(message, e);
  }

  static String pomTerms(String message) {
    Matcher options = OPTION.matcher(message.replace("with --classpath", "in the project's dependencies")
        .replace("--classpath", "the project's class path"));
    StringBuilder out = new StringBuilder();
    while (options.find()) {
      String parameter = ELEMENTS.get(options.group());
      options.appendReplacement(out, Matcher.quoteReplacement(parameter == null ? options.group() : element(parameter)));
    }
    options.appendTail(out);
    return out.toString();
  }
}
