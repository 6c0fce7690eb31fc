package dev.parity.maven;

import dev.parity.cli.ParityCli;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code parity:cli}: runs the {@code parity} command line inside Maven, with the arguments given, so that a
 * project that declares this plugin runs every {@code parity} command at the version its pom pins, fetched
 * by Maven from the project's repositories and mirrors, through its own {@code ./mvnw}. The generated
 * GitHub workflow calls it through a small launcher (docs/cli.md, "Installing the CLI in CI").
 *
 * <p>Relative paths in the arguments ({@code --spec}, {@code --out}) start from the folder Maven was started
 * in, as with {@code parity}. The CLI's output goes to stdout and stderr unchanged.
 *
 * <pre>
 * printf '%s\0' check --spec JavaService.java &gt; args
 * ./mvnw -q -N parity:cli -Dparity.argsFile=args -Dparity.exitCodeFile=exit; exit "$(cat exit)"
 * </pre>
 */
@Mojo(name = "cli", threadSafe = true, requiresProject = false)
public final class CliMojo extends AbstractMojo {

  /**
   * A file holding the arguments, each followed by a NUL byte (what {@code printf '%s\0' "$@"} writes), in
   * UTF-8: no quoting through Maven's command line, and an argument may hold any character but NUL.
   */
  @Parameter(property = "parity.argsFile", required = true)
  File argsFile;

  /**
   * Where to write the command's exit code (0, 1 or 2, as {@code parity}'s). When set, the goal succeeds
   * whatever the code, so a launcher can exit with it; when not set, a non-zero code fails the build.
   */
  @Parameter(property = "parity.exitCodeFile")
  File exitCodeFile;

  /** Skips this goal. */
  @Parameter(property = "parity.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Parity cli skipped (parity.skip).");
      return;
    }
    String[] args = arguments();
    int code = ParityCli.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    if (exitCodeFile != null) {
      try {
        Files.writeString(exitCodeFile.toPath(), code + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MojoExecutionException("cannot write <exitCodeFile> " + exitCodeFile + ": " + e.getMessage(), e);
      }
    } else if (code != 0) {
      throw new MojoFailureException("parity " + String.join(" ", args) + " exited " + code);
    }
  }

  private String[] arguments() throws MojoFailureException {
    String text;
    try {
      text = Files.readString(argsFile.toPath(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw PomErrors.configuration("argsFile", "cannot read '" + argsFile + "': " + e.getMessage()
          + "; write the arguments with printf '%s\\0' \"$@\" > FILE");
    }
    return parse(text, argsFile.toString());
  }

  /** The arguments of {@code text}, each terminated by NUL; none for an empty text. */
  static String[] parse(String text, String file) throws MojoFailureException {
    if (text.isEmpty()) {
      return new String[0];
    }
    if (!text.endsWith("\0")) {
      throw PomErrors.configuration("argsFile", "'" + file + "' does not end with a NUL byte, so its last argument"
          + " is cut off; write each argument followed by NUL, e.g. printf '%s\\0' \"$@\" > FILE");
    }
    return text.substring(0, text.length() - 1).split("\0", -1);
  }
}
