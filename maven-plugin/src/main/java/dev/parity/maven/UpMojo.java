package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.internal.EnvFile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parity:up}: boots the spec's local stack and leaves it running for the integration tests,
 * as {@code parity up --detach}; bind it to {@code pre-integration-test} and {@code parity:down} to
 * {@code post-integration-test}. The resolved config is exported under each key's name (and
 * {@code parity.<service>.port}, {@code parity.<service>.jdbcUrl}, {@code parity.<service>.redisUri})
 * as project properties, for {@code ${DB_HOST}} in failsafe's {@code <systemPropertyVariables>} or
 * {@code <environmentVariables>}, and as system properties of the build's JVM; it is also written to
 * {@code envFile}.
 */
@Mojo(name = "up", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public final class UpMojo extends AbstractStackMojo {

  /** Export and write only this app's config: the keys it uses (default: every key of the stack). */
  @Parameter(property = "parity.app")
  String app;

  /** Pull every image from this registry instead ({@code host:port}), same repository path, tag and digest. */
  @Parameter(property = "parity.registryMirror")
  String registryMirror;

  /** Also build each app from its generated Dockerfile and run it, as {@code parity up --with-apps}. */
  @Parameter(property = "parity.withApps", defaultValue = "false")
  boolean withApps;

  /**
   * Publish services on free host ports (the exported config names them) instead of their declared
   * ones, so builds running side by side do not collide; false publishes the declared ports.
   */
  @Parameter(property = "parity.randomPorts", defaultValue = "true")
  boolean randomPorts;

  /** How long each service may take to become healthy, in seconds. */
  @Parameter(property = "parity.timeout", defaultValue = "120")
  int timeout;

  /** Skips this goal only. */
  @Parameter(property = "parity.up.skip", defaultValue = "false")
  boolean skipUp;

  @Override
  String goal() {
    return "up";
  }

  @Override
  boolean goalSkipped() {
    return skipUp;
  }

  @Override
  void run(LoadedSpec loaded) throws MojoFailureException {
    environment(loaded, "environment", environment);
    if (app != null && loaded.stack().apps().stream().noneMatch(a -> a.name().equals(app))) {
      throw PomErrors.configuration("app", "stack '" + loaded.stack().name() + "' has no app '" + app + "'");
    }
    SpecChecks.files(loaded, withApps);
    StackOptions options;
    try {
      options = StackOptions.defaults().environment(environment).withApps(withApps).registryMirror(registryMirror)
          .fixedPorts(!randomPorts).startupTimeout(Duration.ofSeconds(timeout)).projectFolder(loaded.folder())
          .progress(p -> getLog().info(p.line()));
    } catch (IllegalArgumentException e) {
      throw PomErrors.configuration("registryMirror", e.getMessage());
    }
    getLog().info("Starting stack '" + loaded.stack().name() + "', environment '" + environment + "'");
    RunningStack running = LocalStack.of(loaded.stack()).start(options);
    Map<String, String> config = app == null ? running.config() : running.config(app);
    Map<String, String> exported = new LinkedHashMap<>(config);
    serviceProperties(loaded.stack()).forEach((name, service) -> exported.put(name, name.endsWith(".port")
        ? String.valueOf(running.port(service)) : name.endsWith(".jdbcUrl") ? running.jdbcUrl(service)
            : running.redisUri(service)));
    exported.forEach((key, value) -> {
      project.getProperties().setProperty(key, value);
      System.setProperty(key, value);
    });
    boolean secret = config.keySet().stream().anyMatch(running.secretKeys()::contains);
    EnvFile.write(envFile().toPath(), EnvFile.render("Config of stack '" + running.stackName() + "', environment '"
        + running.environment() + "', written by parity:up; removed by parity:down.", config), secret);
    (app == null ? running.printableConfig() : running.printableConfig(app)).forEach(l -> getLog().info("  " + l));
    getLog().info("Exported " + exported.size() + " properties (" + String.join(", ", exported.keySet())
        + "); config written to " + envFile() + ". parity:down removes the stack.");
  }
}
