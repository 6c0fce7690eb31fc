package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.core.EnvironmentDiff;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code parity:diff}: what differs between two environments of the spec, as
 * {@code parity diff <from> <to>}: knobs, per-environment config values, secret references and
 * declared deviations. Prints; never fails on a difference. No default phase.
 */
@Mojo(name = "diff", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public final class DiffMojo extends AbstractParityMojo {

  /** The first environment, for example {@code staging}. */
  @Parameter(property = "parity.diff.from", required = true)
  String from;

  /** The second environment, for example {@code production}. */
  @Parameter(property = "parity.diff.to", required = true)
  String to;

  /** Skips this goal only. */
  @Parameter(property = "parity.diff.skip", defaultValue = "false")
  boolean skipDiff;

  @Override
  String goal() {
    return "diff";
  }

  @Override
  boolean goalSkipped() {
    return skipDiff;
  }

  @Override
  void run(LoadedSpec loaded) throws MojoFailureException {
    environment(loaded, "from", from);
    environment(loaded, "to", to);
    EnvironmentDiff diff = EnvironmentDiff.between(loaded.stack(), from, to);
    getLog().info(from + " vs " + to + " (stack '" + loaded.stack().name() + "'): " + diff.sharedServices()
        + " services at the same versions, the same " + loaded.stack().config().size() + " config keys ("
        + diff.identicalKeys() + " with equal values), the same migrations.");
    if (diff.rows().isEmpty() && diff.deviations().isEmpty()) {
      getLog().info("No differences.");
    }
    diff.rows().forEach(row -> getLog().info("  " + row.aspect() + ": " + row.left() + " | " + row.right()));
    diff.deviations().forEach(d -> getLog().info("  deviation of " + d.service() + " in "
        + String.join(", ", d.environments()) + ": " + d.difference() + ", because " + d.reason()));
  }
}
