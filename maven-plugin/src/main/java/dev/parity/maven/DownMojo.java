package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.StackRemoval;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parity:down}: removes every container and network of the spec's local stack, found by
 * its labels, as {@code parity down}; also deletes {@code envFile} and clears the system properties
 * {@code parity:up} set. Bind it to {@code post-integration-test}.
 */
@Mojo(name = "down", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public final class DownMojo extends AbstractStackMojo {

  /** Also remove the stack's named volumes, as {@code parity down --volumes}. */
  @Parameter(property = "parity.volumes", defaultValue = "false")
  boolean volumes;

  /** Skips this goal only. */
  @Parameter(property = "parity.down.skip", defaultValue = "false")
  boolean skipDown;

  @Override
  String goal() {
    return "down";
  }

  @Override
  boolean goalSkipped() {
    return skipDown;
  }

  @Override
  void run(LoadedSpec loaded) throws MojoExecutionException, MojoFailureException {
    environment(loaded, "environment", environment);
    StackRemoval removal = LocalStack.of(loaded.stack()).down(environment, volumes, loaded.folder());
    loaded.stack().config().forEach(key -> System.clearProperty(key.name()));
    serviceProperties(loaded.stack()).keySet().forEach(System::clearProperty);
    try {
      Files.deleteIfExists(envFile().toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("removing the env file " + envFile() + " failed: " + e.getMessage(), e);
    }
    getLog().info("Removed " + removal.containersAndNetworks() + " containers and networks of stack '"
        + loaded.stack().name() + "' (" + environment + ")" + (removal.keptVolumes().isEmpty() ? "."
            : "; kept volumes " + String.join(", ", removal.keptVolumes()) + " (<volumes>true</volumes> removes them)."));
  }
}
