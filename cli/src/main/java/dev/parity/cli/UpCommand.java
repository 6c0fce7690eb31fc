package dev.parity.cli;

import dev.parity.core.App;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageLock;
import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import dev.parity.runtime.KeptStackException;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.ServiceStatus;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.StartInterruptedException;
import dev.parity.runtime.internal.DockerProbe;
import dev.parity.runtime.internal.EnvFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity up}: boots an environment of the spec on the local Docker engine. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Boot an environment of the spec on the local Docker engine: every backing service at its"
        + " declared image, waited for until healthy, migrated with Flyway; then print the app's config and"
        + " write it to an env file.",
        "Without --detach it runs until Ctrl-C and then removes what it started; Ctrl-C or SIGTERM while it starts"
            + " removes what it started so far. One up per stack and environment at a time; an up of a stack that is"
            + " already up changes nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the stack ran (and, without --detach, was removed again), or was already up",
        "1:an image is missing, a port is taken, a service is unhealthy or a migration failed",
        "2:bad input (an invalid spec, a missing file it refers to, an unknown environment), Docker is not reachable,"
            + " or another up of the stack and environment runs",
        "130:interrupted by Ctrl-C (143: by SIGTERM); what it had started was removed"})
final class UpCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Option(names = "--env", paramLabel = "<name>", defaultValue = "local",
      description = "The environment whose config the stack gets (default: ${DEFAULT-VALUE}).")
  String environment;

  @Option(names = "--detach", description = "Leave the stack running and exit; `parity down` removes it.")
  boolean detach;

  @Option(names = "--with-apps", description = "Also build each app from its generated Dockerfile and run it.")
  boolean withApps;

  @Option(names = "--env-file", paramLabel = "<path>",
      description = {"Where to write the app's config (default: .parity/<env>.env beside the spec; with apps, one"
          + " file per app, .parity/<env>.<app>.env). With several apps, it takes the config of the one --app names."})
  Path envFile;

  @Option(names = "--app", paramLabel = "<name>",
      description = "Print and write only this app's config: the keys it uses (default: every app's, each to its own file).")
  String app;

  @Option(names = "--profile", paramLabel = "<name>",
      description = "Also start the services of this compose profile (repeatable); by default only those without one.")
  List<String> profiles = new java.util.ArrayList<>();

  @Option(names = "--registry-mirror", paramLabel = "<host:port>",
      description = "Pull every image from this registry instead, same repository path, tag and digest.")
  String registryMirror;

  @Option(names = "--keep-on-failure", description = "Leave a stack that failed to start running, for inspection, and write its env file.")
  boolean keepOnFailure;

  @Option(names = "--random-ports", description = "Publish services on free ports instead of their declared host ports.")
  boolean randomPorts;

  @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "120",
      description = "How long each service may take to become healthy (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  /** The spec's folder, where {@code .parity/} is. */
  private Path projectFolder;

  /** The options with each {@code --profile}; a profile no service declares is a typo. */
  private StackOptions withProfiles(StackOptions stackOptions, Stack stack) {
    List<String> declared = stack.services().stream().flatMap(s -> s.options().profiles().stream()).distinct().toList();
    for (String profile : profiles) {
      if (!declared.contains(profile)) {
        throw new ParityException(ErrorCode.USAGE, "--profile " + profile + ": no service of stack '" + stack.name()
            + "' has this profile; fix: " + (declared.isEmpty() ? "leave --profile out (no service declares"
                + " .profiles(…))" : "use one of: " + String.join(", ", declared)));
      }
      stackOptions = stackOptions.profile(profile);
    }
    return stackOptions;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = command.commandLine().getOut();
    DockerProbe.warmUpInBackground();   // the Docker client loads while the spec does
    LoadedSpec loaded = options.loadWithFiles(withApps);
    List<App> apps = chosenApps(loaded);
    StackOptions stackOptions;
    try {
      stackOptions = StackOptions.defaults().environment(environment).withApps(withApps).registryMirror(registryMirror)
          .keepOnFailure(keepOnFailure).fixedPorts(!randomPorts).startupTimeout(Duration.ofSeconds(timeoutSeconds))
          .projectFolder(loaded.folder()).imageLock(SpecOptions.lock(loaded).orElse(ImageLock.empty())).progress(p -> {
            out.println(p.line());
            out.flush();
          });
    } catch (IllegalArgumentException e) {
      throw new ParityException(ErrorCode.USAGE, "--registry-mirror: " + e.getMessage());
    }
    Stack stack = loaded.stack();
    stackOptions = withProfiles(stackOptions, stack);
    projectFolder = loaded.folder();
    try (UpLock lock = UpLock.acquire(loaded.folder(), stack.name(), environment)) {
      Optional<List<ServiceStatus>> up = LocalStack.of(stack).upAndRunning(environment, withApps, stackOptions);
      if (up.isPresent()) {
        out.printf("Stack '%s' (%s) is already up: %s running. Nothing changed; its config is in the env file"
            + " `parity up` wrote (.parity/ beside the spec), and `parity down --spec %s --env %s` removes it.%n",
            stack.name(), environment, up.get().stream().map(ServiceStatus::service).distinct()
                .collect(Collectors.joining(", ")), options.spec, environment);
        return 0;
      }
      return start(out, loaded, apps, stackOptions);
    }
  }

  private int start(PrintWriter out, LoadedSpec loaded, List<App> apps, StackOptions stackOptions)
      throws InterruptedException {
    out.printf("Starting stack '%s', environment '%s'%n", loaded.stack().name(), environment);
    out.flush();
    StartInterruption interruption = StartInterruption.install(out);
    try {
      RunningStack running;
      try {
        interruption.starting();
        running = LocalStack.of(loaded.stack()).start(stackOptions);
      } catch (StartInterruptedException e) {
        interruption.settle("Interrupted: " + e.getMessage() + ".");
        return 130;
      } catch (KeptStackException e) {
        report(out, e.stack(), loaded, apps);
        interruption.settle(null);
        throw e;
      } catch (RuntimeException e) {
        interruption.settle(null);
        throw e;
      }
      if (!interruption.started(running, !detach, () -> WrittenEnvFiles.remove(loaded.folder(), environment))) {
        running.close();
        interruption.settle("Interrupted: removed stack '" + running.stackName() + "' (" + environment + ").");
        return 130;
      }
      report(out, running, loaded, apps);
      if (detach) {
        out.printf("Detached. Remove it with: parity down --spec %s --env %s%n", options.spec, environment);
        return 0;
      }
      out.println("Running. Press Ctrl-C to stop and remove the stack.");
      out.flush();
      interruption.awaitRemoval();
      return 0;
    } finally {
      if (!interruption.requested()) {
        interruption.uninstall();
      }
    }
  }

  /**
   * The apps whose config is written: none for a stack without apps (every key goes to one file),
   * the one {@code --app} names, else all. Checked before anything starts.
   */
  private List<App> chosenApps(LoadedSpec loaded) {
    Stack stack = loaded.stack();
    List<App> apps = stack.apps();
    String names = apps.stream().map(App::name).collect(Collectors.joining(", "));
    if (app != null) {
      return List.of(loaded.app(app));
    }
    if (envFile != null && apps.size() > 1) {
      throw new ParityException(ErrorCode.USAGE, "--env-file: stack '" + stack.name() + "' has " + apps.size()
          + " apps (" + names + "), each with its own config; name the one whose config goes to " + envFile
          + " with --app NAME, or drop --env-file to write .parity/" + environment + ".<app>.env for each");
    }
    return apps;
  }

  private void report(PrintWriter out, RunningStack running, LoadedSpec loaded, List<App> apps) {
    if (running.leftoversRemoved() > 0) {
      out.printf("Removed %d leftovers of an earlier run.%n", running.leftoversRemoved());
    }
    for (Map.Entry<String, List<String>> migrated : running.migrations().entrySet()) {
      out.printf("Migrated %s: %s%n", migrated.getKey(),
          migrated.getValue().isEmpty() ? "no migrations" : "versions " + String.join(", ", migrated.getValue()));
    }
    Path parityFolder = loaded.folder().resolve(".parity");
    if (apps.isEmpty()) {
      write(out, running, "the app", running.config(), running.printableConfig(),
          envFile != null ? envFile : parityFolder.resolve(environment + ".env"));
    }
    for (App a : apps) {
      write(out, running, "app '" + a.name() + "'", running.config(a.name()), running.printableConfig(a.name()),
          envFile != null ? envFile : parityFolder.resolve(environment + "." + a.name() + ".env"));
    }
    if (envFile == null) {
      EnvFile.write(parityFolder.resolve(".gitignore"), "*\n", false);
    }
    out.flush();
  }

  private void write(PrintWriter out, RunningStack running, String whose, Map<String, String> config,
      List<String> printable, Path file) {
    boolean secret = config.keySet().stream().anyMatch(running.secretKeys()::contains);
    WrittenEnvFiles.record(projectFolder, running.environment(), file);
    EnvFile.write(file, EnvFile.render("Config of " + whose + " of stack '" + running.stackName() + "', environment '"
        + running.environment() + "', written by `parity up`; local secrets are generated per run.", config), secret);
    out.println("Config for " + whose + " (" + running.environment() + "):");
    printable.forEach(line -> out.println("  " + line));
    out.println("Written to " + file + (secret ? " (mode 0600: it holds secrets)" : ""));
  }
}
