package dev.parity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parity drift}: compares what is running with the declaration. */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = {"Compare what is running with the spec: database schemas, containers, config, Kubernetes objects,"
        + " service versions; or one live environment against another (envs).",
        "Each subcommand exits 0 when nothing drifted and 1 with a report (text, markdown or json) when"
            + " something did; see docs/drift.md."},
    subcommands = {DriftSchemaCommand.class, DriftContainersCommand.class, DriftConfigCommand.class,
        DriftClusterCommand.class, DriftServicesCommand.class, DriftEnvsCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no drift", "1:drift found; the report lists every difference",
        "2:bad input or usage, or a database, Docker or Kubernetes API server that cannot be reached"})
final class DriftCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing subcommand: schema, containers, config, cluster, services or envs");
  }
}
