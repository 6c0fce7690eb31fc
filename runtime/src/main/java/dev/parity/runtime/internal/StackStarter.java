package dev.parity.runtime.internal;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.parity.core.App;
import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.Network;
import dev.parity.core.ParityException;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.runtime.ServiceProgress;
import dev.parity.runtime.ServiceProgress.Phase;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.StartInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts a stack: independent services in parallel, each dependent once its dependencies are
 * healthy (and migrated). On any failure everything this run started is removed, unless told to
 * keep it, and the first failure is thrown.
 */
public final class StackStarter {

  private static final int LOG_LINES = 25;
  /**
   * Readiness is polled at once, then after 20, 40, 80 ms and from then on every 100 ms: a service
   * that is ready within a few hundred milliseconds (Redis) is seen as soon as it is, one that takes
   * seconds (a database's first start) is seen on average 50 ms after it answers, for about ten
   * probes a second (a refused connection on loopback, or one {@code docker exec}, each).
   */
  private static final long FIRST_POLL_MILLIS = 20;
  private static final long LAST_POLL_MILLIS = 100;

  private final Stack stack;
  private final Environment environment;
  private final StackOptions options;
  private final DockerOps docker;
  private final String runId = LocalSecrets.random(8).toLowerCase(java.util.Locale.ROOT);
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean aborted = new AtomicBoolean();
  private final StartGate gate = new StartGate(aborted);
  private final Map<String, Integer> hostPorts = new ConcurrentHashMap<>();
  private final Map<String, List<String>> migrations = new ConcurrentHashMap<>();
  private final Map<String, String> networks = new HashMap<>();
  private Map<String, String> secrets;
  private PlanContext context;
  private String prefix;

  public StackStarter(Stack stack, Environment environment, StackOptions options, DockerOps docker) {
    this.stack = stack;
    this.environment = environment;
    this.options = options;
    this.docker = docker;
  }

  /** The labels of everything this run starts. */
  public Map<String, String> runLabels() {
    Map<String, String> labels = new HashMap<>(StackLabels.forStack(stack.name(), environment.name()));
    labels.put(StackLabels.RUN, runId);
    return labels;
  }

  /** Starts every service; see the class comment. */
  public StartedStack start() {
    List<Service> services = stack.services().stream().filter(s -> options.withApps() || !(s instanceof App))
        .filter(options::starts).toList();
    if (options.fixedPorts()) {
      services.forEach(s -> OptionPlans.ports(s, true).stream()
          .filter(p -> p.published() && p.hostPort() != null && p.protocol().equals("tcp"))
          .forEach(p -> PortCheck.requireFree(s, p.hostPort())));
    }
    services.forEach(s -> s.options().mounts().stream().filter(Mount::isBind)
        .forEach(m -> OptionPlans.bindSource(s, m, options.projectFolder())));
    boolean keepsVolumes = options.keepVolumes()
        && services.stream().anyMatch(s -> OptionPlans.declaredAndData(s).stream().anyMatch(Mount::isVolume));
    secrets = keepsVolumes
        ? LocalSecrets.keptIn(LocalSecrets.file(options.projectFolder(), environment.name()), stack)
        : LocalSecrets.generate(stack);
    context = new PlanContext(options::resolveImage, secrets, options.fixedPorts(), options.projectFolder(),
        SecretFiles.folder(options.projectFolder(), runId), this::volumeName);
    // What can be refused without Docker (a database without a password, a missing bind source) is, before anything starts.
    services.stream().filter(s -> !(s instanceof App)).forEach(s -> Plans.of(s, context, null, Map.of()));
    prefix = "parity-" + stack.name() + "-" + environment.name() + "-" + runId;
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "parity-start");
      t.setDaemon(true);
      return t;
    });
    try {
      createNetworks(services);
      createVolumes(services);
      if (Thread.interrupted()) {
        throw new StartInterruptedException("interrupted");
      }
      Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
      for (Service service : inDependencyOrder(services)) {
        CompletableFuture<?>[] dependencies = service.dependsOn().stream().filter(started::containsKey)
            .map(started::get).toArray(CompletableFuture[]::new);
        started.put(service.name(), CompletableFuture.allOf(dependencies)
            .thenRunAsync(() -> startOne(service), executor)
            .whenComplete((v, e) -> {
              if (e != null) {
                aborted.set(true);
              }
            }));
      }
      gate.awaitAll(started.values(), executor);
      RuntimeException failure = firstFailure(started);
      if (failure != null) {
        throw failure;
      }
      Map<String, List<String>> orderedMigrations = new LinkedHashMap<>();
      services.stream().filter(s -> migrations.containsKey(s.name()))
          .forEach(s -> orderedMigrations.put(s.name(), migrations.get(s.name())));
      return new StartedStack(runId, hostPorts, secrets, orderedMigrations, docker, options.projectFolder());
    } catch (RuntimeException e) {
      if (!(e instanceof StartInterruptedException) && !Thread.interrupted()) {
        throw failed(e);
      }
      int removed = Cleanup.remove(docker, runLabels(), options.projectFolder(), false).containersAndNetworks();
      throw new StartInterruptedException("interrupted while starting stack '" + stack.name() + "' ("
          + environment.name() + "): removed everything this run started (" + removed + " containers and networks)");
    } finally {
      executor.shutdownNow();
    }
  }

  /** The failure as the user sees it: everything this run started removed, unless kept for inspection. */
  private ParityException failed(RuntimeException e) {
    String note;
    if (options.keepOnFailure()) {
      note = "\nThe stack was kept for inspection (--keep-on-failure); `parity down` removes it.";
    } else {
      Cleanup.remove(docker, runLabels(), options.projectFolder(), false);
      note = "\nEverything this run started was removed.";
    }
    ParityException failure = e instanceof ParityException p
        ? new ParityException(p.code(), p.getMessage() + note, p.getCause() == null ? p : p.getCause())
        : new ParityException(ErrorCode.RUNTIME, "starting the stack failed: " + DockerProbe.firstLine(e) + note, e);
    if (options.keepOnFailure()) {
      return new KeptFailure(failure, new StartedStack(runId, hostPorts, secrets, migrations, docker,
          options.projectFolder()));
    }
    return failure;
  }

  /** One Docker network per stack network a service joins: the default one, and each declared one. */
  private void createNetworks(List<Service> services) {
    Set<String> used = new LinkedHashSet<>();
    services.forEach(s -> used.addAll(OptionPlans.networks(s)));
    for (String name : used) {
      boolean internal = stack.networks().stream().filter(n -> n.name().equals(name)).anyMatch(Network::isInternal);
      String dockerName = name.equals(ContainerPlan.DEFAULT_NETWORK) ? prefix : prefix + "-" + name;
      docker.createNetwork(dockerName, runLabels(), internal);
      networks.put(name, dockerName);
    }
  }

  /** The Docker volume of a declared named volume: kept across runs, or this run's own. */
  private String volumeName(String declared) {
    return stack.name() + "-" + environment.name() + (options.keepVolumes() ? "" : "-" + runId) + "-" + declared;
  }

  private void createVolumes(List<Service> services) {
    Set<String> declared = new LinkedHashSet<>();
    services.forEach(s -> OptionPlans.declaredAndData(s).stream().filter(Mount::isVolume).forEach(m -> declared.add(m.source())));
    for (String name : declared) {
      Map<String, String> labels = new HashMap<>(StackLabels.forStack(stack.name(), environment.name()));
      labels.put(StackLabels.VOLUME, name);
      if (!options.keepVolumes()) {
        labels.put(StackLabels.RUN, runId);
      }
      docker.ensureVolume(volumeName(name), labels);
    }
  }

  private static RuntimeException firstFailure(Map<String, CompletableFuture<Void>> started) {
    RuntimeException cascade = null;
    for (CompletableFuture<Void> future : started.values()) {
      try {
        future.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        RuntimeException failure = cause instanceof RuntimeException r ? r : new RuntimeException(cause);
        if (!(failure instanceof AbortedException)) {
          return failure;
        }
        cascade = failure;
      }
    }
    return cascade;
  }

  private static List<Service> inDependencyOrder(List<Service> services) {
    List<Service> ordered = new ArrayList<>();
    List<String> names = services.stream().map(Service::name).toList();
    while (ordered.size() < services.size()) {
      for (Service s : services) {
        if (!ordered.contains(s) && s.dependsOn().stream()
            .allMatch(d -> !names.contains(d) || ordered.stream().anyMatch(o -> o.name().equals(d)))) {
          ordered.add(s);
        }
      }
    }
    return ordered;
  }

  private void startOne(Service service) {
    if (aborted.get()) {
      throw new AbortedException();
    }
    try {
      List<ContainerPlan> plans = plan(service);
      for (ContainerPlan plan : plans) {
        String which = plan.replica() == 0 ? "" : " (replica " + plan.replica() + " of " + plans.size() + ")";
        progress(service, Phase.STARTING, plan.image() + which);
        SecretFiles.write(plan.secretFiles());
        Map<String, String> labels = new HashMap<>(StackLabels.forService(stack.name(), environment.name(), service.name()));
        labels.put(StackLabels.RUN, runId);
        String id = gate.create(() -> docker.run(plan, prefix + "-" + plan.containerSuffix(), networks, labels),
            AbortedException::new);
        int port = -1;
        if (plan.publishesMainPort()) {
          port = docker.mappedPort(id, plan.containerPort());
          if (port < 0) {
            // The container died before Docker bound its ports: say so, with its log, not "no port".
            throw unhealthy(plan, id, docker.state(id).getRunning() == Boolean.TRUE
                ? "publishes no host port for " + plan.containerPort() : "exited with code "
                    + docker.state(id).getExitCodeLong() + " before it became healthy");
          }
          hostPorts.put(service.name(), port);
        }
        progress(service, Phase.WAITING, "for " + plan.readiness().describe()
            + (port > 0 ? " (127.0.0.1:" + port + ")" : which));
        awaitReady(plan, id, port);
      }
      progress(service, Phase.HEALTHY, plans.get(0).image().toString());
      if (service instanceof Database db && db.migrations().isPresent()) {
        int port = hostPorts.get(service.name());
        progress(service, Phase.MIGRATING, db.migrations().get());
        List<String> versions = Migrator.migrate(service, options.projectFolder(), jdbcUrl(service, port),
            Plans.user(service), Plans.password(service, secrets), options.migrationTarget(service.name()).orElse(null));
        migrations.put(service.name(), versions);
        progress(service, Phase.MIGRATED, versions.isEmpty() ? "no migrations" : "versions " + String.join(", ", versions));
      }
    } catch (RuntimeException e) {
      if (!(e instanceof AbortedException)) {
        progress(service, Phase.FAILED, e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
      }
      throw e;
    }
  }

  private List<ContainerPlan> plan(Service service) {
    ImageRef appImage = null;
    Map<String, String> appEnvironment = Map.of();
    if (service instanceof App app) {
      app.baseImage().ifPresent(base -> ensureImage(service, base, options.resolveImage(base)));
      app.buildImageReference().map(ImageRef::parse)
          .ifPresent(jdk -> ensureImage(service, jdk, options.resolveImage(jdk)));
      progress(service, Phase.BUILDING, app.baseImageReference().map(base -> "from its generated Dockerfile on " + base)
          .orElse("from " + app.source() + "/" + app.dockerfilePath())
          + AppImages.target(app).map(t -> ", target " + t).orElse(""));
      Map<String, String> labels = StackLabels.forService(stack.name(), environment.name(), app.name());
      appImage = AppImages.build(docker, stack, app, options.projectFolder(), labels);
      MountOwnership.check(docker, app, appImage, labels);
      appEnvironment = StackConfig.resolve(stack, app, environment, StackConfig.inNetwork(), secrets);
    }
    List<ContainerPlan> plans = Plans.of(service, context, appImage, appEnvironment);
    if (!(service instanceof App)) {
      ensureImage(service, plans.get(0).declaredImage(), plans.get(0).image());
    }
    return plans;
  }

  /** Makes {@code image} available locally, pulling it when missing; a mirrored base image is tagged as declared. */
  private void ensureImage(Service service, ImageRef declared, ImageRef image) {
    if (docker.hasImage(image.toString())) {
      tagAsDeclared(service, declared, image);
      return;
    }
    progress(service, Phase.PULLING, image.toString());
    String failure = docker.pull(image.toString());
    if (failure != null) {
      String where = options.registryMirror()
          .map(m -> " It was looked for on the mirror as '" + image + "' (--registry-mirror " + m + ").")
          .orElse("");
      throw new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image '" + declared + "' of service '" + service.name()
          + "' is not on this machine and cannot be pulled: " + failure + "." + where
          + " Check that the tag exists, `docker pull` or `docker load` it, or pass --registry-mirror HOST:PORT"
          + " of a registry that has it.");
    }
    tagAsDeclared(service, declared, image);
  }

  private void tagAsDeclared(Service service, ImageRef declared, ImageRef image) {
    // A generated Dockerfile names the declared base image; give the mirrored copy that name too.
    if (service instanceof App && !declared.equals(image) && declared.tag().isPresent() && !docker.hasImage(declared.toString())) {
      String repository = declared.toString().substring(0, declared.toString().lastIndexOf(':'));
      docker.tag(image.toString(), repository, declared.tag().get());
    }
  }

  private void awaitReady(ContainerPlan plan, String id, int port) {
    Duration timeout = options.startupTimeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    Readiness.Probe probe = new Readiness.Probe() {
      @Override
      public int hostPort() {
        return port;
      }

      @Override
      public int exec(List<String> command) {
        return docker.exec(id, command);
      }
    };
    long pause = FIRST_POLL_MILLIS;
    while (true) {
      if (aborted.get()) {
        throw new AbortedException();
      }
      InspectContainerResponse.ContainerState state = docker.state(id);
      if (!Boolean.TRUE.equals(state.getRunning())) {
        throw unhealthy(plan, id, "exited with code " + state.getExitCodeLong() + " before it became healthy");
      }
      try {
        if (plan.readiness().isReady(probe)) {
          return;
        }
      } catch (Exception notYet) {
        // not ready yet: refused, reset, denied while the entrypoint initialises
      }
      if (System.nanoTime() > deadline) {
        throw unhealthy(plan, id, "did not become healthy in " + timeout.toSeconds() + " s (waited for "
            + plan.readiness().describe() + ")");
      }
      try {
        Thread.sleep(pause);
        pause = Math.min(LAST_POLL_MILLIS, pause * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AbortedException();
      }
    }
  }

  private ParityException unhealthy(ContainerPlan plan, String id, String what) {
    String log = docker.logTail(id, LOG_LINES);
    return new ParityException(ErrorCode.UNHEALTHY, "service '" + plan.name() + "' (" + plan.image() + ") " + what
        + "; last lines of its log:\n" + (log.isEmpty() ? "  (empty)" : log.lines().map(l -> "  | " + l)
            .collect(java.util.stream.Collectors.joining("\n")))
        + "\nFix the service (image, environment, health check) or raise --timeout.");
  }

  private static String jdbcUrl(Service service, int port) {
    if (service instanceof MySql db) {
      return "jdbc:mariadb://127.0.0.1:" + port + "/" + db.database();
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + ((dev.parity.core.Postgres) service).database();
  }

  private void progress(Service service, Phase phase, String detail) {
    options.progress().accept(new ServiceProgress(service.name(), phase,
        Duration.ofNanos(System.nanoTime() - startNanos), detail));
  }

  /** A service that did not start because another one failed first. */
  private static final class AbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortedException() {
      super("aborted: another service failed", null, false, false);
    }
  }
}
