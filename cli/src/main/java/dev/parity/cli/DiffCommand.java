package dev.parity.cli;

import dev.parity.core.EnvironmentDiff;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity diff}: what differs between two environments. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Show what differs between two environments of the spec.",
        "Only knobs, per-environment config values, secret references and declared deviations can differ;"
            + " services, versions, config keys and migrations are shared by construction."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the differences are shown", "2:the spec is invalid or an environment is not declared"})
final class DiffCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Parameters(index = "0", paramLabel = "<envA>", description = "The first environment, for example staging.")
  String left;

  @Parameters(index = "1", paramLabel = "<envB>", description = "The second environment, for example production.")
  String right;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.load();
    EnvironmentDiff diff = EnvironmentDiff.between(loaded.stack(), left, right);
    PrintWriter out = command.commandLine().getOut();
    out.printf("%s vs %s (stack '%s')%n", left, right, loaded.stack().name());
    out.printf("Shared: %d services at the same versions, the same %d config keys (%d with equal values), the same migrations.%n",
        diff.sharedServices(), loaded.stack().config().size(), diff.identicalKeys());
    if (diff.rows().isEmpty() && diff.deviations().isEmpty()) {
      out.println("No differences.");
      return 0;
    }
    List<EnvironmentDiff.Row> rows = diff.rows();
    int aspectWidth = Math.max("aspect".length(), rows.stream().mapToInt(r -> r.aspect().length()).max().orElse(0));
    int leftWidth = Math.max(left.length(), rows.stream().mapToInt(r -> r.left().length()).max().orElse(0));
    String format = "  %-" + aspectWidth + "s  %-" + leftWidth + "s  %s%n";
    out.printf(format, "aspect", left, right);
    rows.forEach(row -> out.printf(format, row.aspect(), row.left(), row.right()));
    if (!diff.deviations().isEmpty()) {
      out.println("Declared deviations:");
      diff.deviations().forEach(d -> out.printf("  %s in %s: %s%n    because %s%n", d.service(),
          String.join(", ", d.environments()), d.difference(), d.reason()));
    }
    return 0;
  }
}
