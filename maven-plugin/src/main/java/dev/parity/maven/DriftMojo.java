package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.drift.DriftReport;
import dev.parity.drift.ReportFormat;
import dev.parity.drift.config.ConfigDrift;
import dev.parity.drift.config.EnvFile;
import dev.parity.drift.containers.ContainerDrift;
import dev.parity.drift.containers.DockerContainers;
import dev.parity.drift.containers.ExpectedContainer;
import dev.parity.drift.containers.RunningContainer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parity:drift}: what is running against the spec, as {@code parity drift containers} and
 * {@code parity drift config}. Prints the report (and writes it to {@code reportFile}); fails the
 * build on drift unless {@code failOnDrift} is false. No default phase.
 */
@Mojo(name = "drift", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public final class DriftMojo extends AbstractParityMojo {

  /** What is compared: {@code containers} (the running containers of the environment) or {@code config}. */
  @Parameter(property = "parity.drift.check", defaultValue = "containers")
  String check;

  /** The environment of the spec that is compared, for example {@code production}. */
  @Parameter(property = "parity.environment", defaultValue = "local")
  String environment;

  /** For {@code config}: a {@code .env} file of {@code KEY=value} lines; without it, the build's own environment variables. */
  @Parameter(property = "parity.envFile")
  File envFile;

  /** For {@code config}: the app whose variables these are (default: the stack's only app). */
  @Parameter(property = "parity.app")
  String app;

  /** For {@code containers}: the Docker engine, for example {@code tcp://host:2375} (default: DOCKER_HOST, else the local socket). */
  @Parameter(property = "parity.dockerHost")
  String dockerHost;

  /** The report format: {@code text}, {@code markdown} or {@code json}. */
  @Parameter(property = "parity.drift.format", defaultValue = "text")
  String format;

  /** Where the report is also written, for a CI step that posts it. */
  @Parameter(property = "parity.drift.reportFile")
  File reportFile;

  /** Fail the build when something drifted; when false, the report is printed as a warning. */
  @Parameter(property = "parity.failOnDrift", defaultValue = "true")
  boolean failOnDrift;

  /** Skips this goal only. */
  @Parameter(property = "parity.drift.skip", defaultValue = "false")
  boolean skipDrift;

  @Override
  String goal() {
    return "drift";
  }

  @Override
  boolean goalSkipped() {
    return skipDrift;
  }

  @Override
  void run(LoadedSpec loaded) throws MojoExecutionException, MojoFailureException {
    ReportFormat reportFormat = reportFormat();
    Environment env = environment(loaded, "environment", environment);
    DriftReport report = switch (check.toLowerCase(Locale.ROOT)) {
      case "containers" -> containers(loaded, env);
      case "config" -> config(loaded, env);
      default -> throw PomErrors.configuration("check", "'" + check + "' is not a drift check; set containers or config");
    };
    String text = reportFormat.render(report);
    if (reportFile != null) {
      try {
        Files.createDirectories(reportFile.toPath().toAbsolutePath().getParent());
        Files.writeString(reportFile.toPath(), text);
      } catch (IOException e) {
        throw new MojoExecutionException("writing the drift report to " + reportFile + " failed: " + e.getMessage(), e);
      }
    }
    if (!report.hasDrift()) {
      getLog().info(text.strip());
    } else if (failOnDrift) {
      throw new MojoFailureException(text.strip());
    } else {
      getLog().warn(text.strip());
    }
  }

  private DriftReport containers(LoadedSpec loaded, Environment env) {
    List<RunningContainer> running;
    try (DockerContainers docker = DockerContainers.connect(dockerHost)) {
      running = docker.running(loaded.stack().name(), env.name(), env.isLocal());
    }
    return ContainerDrift.compare(ExpectedContainer.of(loaded.stack(), env), running, loaded.name() + " (" + env.name()
        + ")", "containers of stack " + loaded.stack().name() + " on " + (dockerHost == null ? "the local Docker"
            : dockerHost));
  }

  private DriftReport config(LoadedSpec loaded, Environment env) throws MojoFailureException {
    App scope = null;
    if (app != null) {
      scope = loaded.stack().apps().stream().filter(a -> a.name().equals(app)).findFirst().orElseThrow(() ->
          PomErrors.configuration("app", "stack '" + loaded.stack().name() + "' has no app '" + app + "'"));
    } else if (loaded.stack().apps().size() == 1) {
      scope = loaded.stack().apps().get(0);
    } else if (!loaded.stack().apps().isEmpty()) {
      throw PomErrors.configuration("app", "is not set, and stack '" + loaded.stack().name() + "' has several apps,"
          + " each with its own config; set the one whose variables are compared");
    }
    boolean process = envFile == null;
    return ConfigDrift.check(loaded.stack(), env, scope, process ? System.getenv() : EnvFile.read(envFile.toPath()),
        process ? ConfigDrift.Source.PROCESS : ConfigDrift.Source.ENV_FILE,
        process ? "the build's environment" : envFile.toString());
  }

  private ReportFormat reportFormat() throws MojoFailureException {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> ReportFormat.TEXT;
      case "markdown", "md" -> ReportFormat.MARKDOWN;
      case "json" -> ReportFormat.JSON;
      default -> throw PomErrors.configuration("format", "'" + format + "' is not a report format; set text, markdown"
          + " or json");
    };
  }
}
