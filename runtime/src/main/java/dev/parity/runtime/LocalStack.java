package dev.parity.runtime;

import com.github.dockerjava.api.model.Container;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.Cleanup;
import dev.parity.runtime.internal.DockerOps;
import dev.parity.runtime.internal.DockerProbe;
import dev.parity.runtime.internal.StackStarter;
import dev.parity.runtime.internal.KeptFailure;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Boots a spec's environment on the local Docker engine: every backing service at exactly its
 * declared image, each waited for until it really answers, the Flyway migrations applied, and the
 * app's config resolved to the running containers.
 *
 * <pre>{@code
 * try (RunningStack running = LocalStack.of(stack).start(StackOptions.defaults().fixedPorts(false))) {
 *   try (Connection c = DriverManager.getConnection(running.jdbcUrl("db"))) {
 *     ...
 *   }
 * }   // close() removes every container and network; named volumes stay, as with compose
 * }</pre>
 *
 * Everything started carries the {@link StackLabels}, so {@link #down(String)} finds it even
 * after the process that started it is gone.
 */
public final class LocalStack {

  private final Stack stack;

  private LocalStack(Stack stack) {
    this.stack = Objects.requireNonNull(stack, "stack");
  }

  /** The local stack of a validated {@link Stack}. */
  public static LocalStack of(Stack stack) {
    return new LocalStack(stack);
  }

  /**
   * Starts the stack and returns once every service is healthy and migrated.
   *
   * @throws ParityException when the environment is unknown (exit 2), Docker is unreachable (2), an
   *     image is missing, a port is taken, a service is unhealthy or a migration fails (1); except
   *     with {@link StackOptions#keepOnFailure(boolean)}, nothing started is left running
   */
  public RunningStack start(StackOptions options) {
    Environment environment = environment(options.environment());
    DockerOps docker = new DockerOps(DockerProbe.connect());
    int leftovers = options.removeLeftovers()
        ? Cleanup.remove(docker, StackLabels.forStack(stack.name(), environment.name()), options.projectFolder(), false)
            .containersAndNetworks() : 0;
    try {
      return new RunningStack(stack, environment, new StackStarter(stack, environment, options, docker).start(), leftovers);
    } catch (KeptFailure kept) {
      throw new KeptStackException(kept, new RunningStack(stack, environment, kept.started(), leftovers));
    }
  }

  /**
   * Removes every container and network of this stack in {@code environment}, keeping its named
   * volumes; returns how many containers and networks went.
   */
  public int down(String environmentName) {
    return down(environmentName, false, Path.of(".")).containersAndNetworks();
  }

  /**
   * Removes every container and network of this stack in {@code environment}, the secret files of
   * its runs under {@code projectFolder/.parity/secrets}, and, when {@code volumes} is true, its named
   * volumes too (compose's {@code down --volumes}); else they are kept for the next start.
   */
  public StackRemoval down(String environmentName, boolean volumes, Path projectFolder) {
    Environment environment = environment(environmentName);
    return Cleanup.remove(new DockerOps(DockerProbe.connect()), StackLabels.forStack(stack.name(), environment.name()),
        projectFolder, volumes);
  }

  /**
   * Removes everything labelled with stack {@code stackName} in every environment, named volumes
   * included: for throwaway stacks (the {@code <stack>-expected} databases of {@code drift schema
   * --spec}) that a {@code kill -9} left behind.
   */
  public static StackRemoval removeThrowaway(String stackName, Path projectFolder) {
    return Cleanup.remove(new DockerOps(DockerProbe.connect()), Map.of(StackLabels.STACK, stackName), projectFolder, true);
  }

  /** The containers of this stack in any environment, by environment and service. */
  public List<ServiceStatus> status() {
    DockerOps docker = new DockerOps(DockerProbe.connect());
    List<Container> containers = docker.containers(Map.of(StackLabels.STACK, stack.name(), StackLabels.MANAGED, "true"));
    return containers.stream().map(c -> new ServiceStatus(c.getLabels().get(StackLabels.SERVICE),
            c.getLabels().get(StackLabels.ENVIRONMENT), c.getImage(), c.getState(), DockerOps.ports(c)))
        .sorted(Comparator.comparing(ServiceStatus::environment).thenComparing(ServiceStatus::service))
        .toList();
  }

  /**
   * The services of this stack in {@code environment} when the stack is up: every service a start
   * runs (apps only {@code withApps}) has a container and every container of the environment is
   * running. Empty when nothing runs, or when what runs is the remains of a failed or killed start.
   */
  public Optional<List<ServiceStatus>> upAndRunning(String environmentName, boolean withApps) {
    return upAndRunning(environmentName, withApps, StackOptions.defaults());
  }

  /** Like {@link #upAndRunning(String, boolean)}, counting only the services {@code options}' profiles start. */
  public Optional<List<ServiceStatus>> upAndRunning(String environmentName, boolean withApps, StackOptions options) {
    Environment environment = environment(environmentName);
    List<ServiceStatus> running = status().stream().filter(s -> s.environment().equals(environment.name())).toList();
    boolean complete = stack.services().stream().filter(s -> withApps || !(s instanceof App)).filter(options::starts)
        .allMatch(s -> running.stream().anyMatch(r -> r.service().equals(s.name())));
    boolean allRunning = running.stream().allMatch(r -> r.state().equals("running"));
    return complete && allRunning && !running.isEmpty() ? Optional.of(running) : Optional.empty();
  }

  /** The named volumes of this stack (kept across runs until {@code down --volumes}), by environment: {@code local: [shop-local-db-data]}. */
  public Map<String, List<String>> volumes() {
    DockerOps docker = new DockerOps(DockerProbe.connect());
    Map<String, List<String>> byEnvironment = new java.util.TreeMap<>();
    for (Environment environment : stack.environments()) {
      List<String> names = docker.volumes(StackLabels.forStack(stack.name(), environment.name()));
      if (!names.isEmpty()) {
        byEnvironment.put(environment.name(), names);
      }
    }
    return byEnvironment;
  }

  private Environment environment(String name) {
    return stack.environment(name).orElseThrow(() -> new ParityException(ErrorCode.USAGE, "environment '" + name
        + "' is not declared in stack '" + stack.name() + "'; declared: "
        + stack.environments().stream().map(Environment::name).collect(Collectors.joining(", "))));
  }
}
