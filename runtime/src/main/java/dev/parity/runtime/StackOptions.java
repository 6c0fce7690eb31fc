package dev.parity.runtime;

import dev.parity.core.ImageLock;
import dev.parity.core.ImageRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@link LocalStack} boots a stack. Immutable; every {@code with*} returns a changed copy.
 *
 * <pre>{@code
 * StackOptions.defaults().environment("local").withApps(true).registryMirror("127.0.0.1:5000");
 * }</pre>
 */
public final class StackOptions {

  private final String environment;
  private final boolean withApps;
  private final String registryMirror;
  private final boolean keepOnFailure;
  private final boolean fixedPorts;
  private final boolean removeLeftovers;
  private final Duration startupTimeout;
  private final Path projectFolder;
  private final Consumer<ServiceProgress> progress;
  private final boolean keepVolumes;
  private final ImageLock imageLock;
  private final Map<String, String> migrationTargets;
  private final java.util.Set<String> profiles;

  private StackOptions(String environment, boolean withApps, String registryMirror, boolean keepOnFailure,
      boolean fixedPorts, boolean removeLeftovers, Duration startupTimeout, Path projectFolder,
      Consumer<ServiceProgress> progress, boolean keepVolumes, ImageLock imageLock, Map<String, String> migrationTargets,
      java.util.Set<String> profiles) {
    this.migrationTargets = Map.copyOf(migrationTargets);
    this.profiles = java.util.Set.copyOf(profiles);
    this.imageLock = Objects.requireNonNull(imageLock, "imageLock");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.withApps = withApps;
    this.registryMirror = registryMirror;
    this.keepOnFailure = keepOnFailure;
    this.fixedPorts = fixedPorts;
    this.removeLeftovers = removeLeftovers;
    this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
    this.projectFolder = Objects.requireNonNull(projectFolder, "projectFolder");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.keepVolumes = keepVolumes;
  }

  /**
   * Environment {@code local}, backing services only, declared host ports (like the generated
   * compose file), leftovers of an earlier run removed, named volumes kept across runs, two minutes per service to become healthy,
   * paths relative to the working directory, no progress output.
   */
  public static StackOptions defaults() {
    return new StackOptions("local", false, null, false, true, true, Duration.ofMinutes(2),
        Path.of("."), p -> { }, true, ImageLock.empty(), Map.of(), java.util.Set.of());
  }

  /** The environment of the spec whose config the stack gets; {@code local} by default. */
  public StackOptions environment(String name) {
    return new StackOptions(name, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /** Also builds each app from its generated Dockerfile and runs it on the stack's network. */
  public StackOptions withApps(boolean build) {
    return new StackOptions(environment, build, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /**
   * Pulls every image from {@code hostAndPort} instead of its own registry, keeping repository
   * path, tag and digest ({@code postgres:15.4} becomes {@code 127.0.0.1:5000/library/postgres:15.4}).
   *
   * @throws IllegalArgumentException when {@code hostAndPort} is not a registry host
   */
  public StackOptions registryMirror(String hostAndPort) {
    if (hostAndPort != null && !hostAndPort.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
      throw new IllegalArgumentException("registry mirror '" + hostAndPort
          + "' is not HOST[:PORT]; pass something like 127.0.0.1:5000 or mirror.example.com");
    }
    return new StackOptions(environment, withApps, hostAndPort, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /** Leaves a stack that failed to start running, for inspection; {@code parity down} removes it. */
  public StackOptions keepOnFailure(boolean keep) {
    return new StackOptions(environment, withApps, registryMirror, keep, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /**
   * Whether services are published on their declared host ports ({@code true}, like compose) or
   * on free ports Docker picks ({@code false}, for tests that run beside a developer's stack).
   */
  public StackOptions fixedPorts(boolean fixed) {
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixed, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /** Whether a start first removes what an earlier run of the same stack and environment left. */
  public StackOptions removeLeftovers(boolean remove) {
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, remove,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /** How long each service may take to become healthy once its container started. */
  public StackOptions startupTimeout(Duration timeout) {
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        timeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /** The folder the spec's relative paths (migrations, app sources) start from. */
  public StackOptions projectFolder(Path folder) {
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, folder, progress, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /** Receives one event each time a service changes state. */
  public StackOptions progress(Consumer<ServiceProgress> listener) {
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, listener, keepVolumes, imageLock, migrationTargets, profiles);
  }

  /**
   * Whether named volumes outlive the stack, like compose's ({@code true} by default): a declared
   * volume {@code pgdata} is the Docker volume {@code <stack>-<environment>-pgdata}, reused by the
   * next start and removed only by {@code parity down --volumes}. With {@code false} each start
   * gets volumes of its own ({@code <stack>-<environment>-<run>-pgdata}), removed with the stack:
   * what tests that run side by side need.
   */
  public StackOptions keepVolumes(boolean keep) {
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keep, imageLock, migrationTargets, profiles);
  }

  /**
   * Runs every third-party image at its digest in {@code lock} ({@code parity.lock.json}): pulled as
   * {@code image:tag@sha256:…}, so a re-pushed tag cannot change what the stack runs.
   */
  public StackOptions imageLock(ImageLock lock) {
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, lock, migrationTargets, profiles);
  }

  /**
   * Migrates database {@code service} only up to {@code version} (Flyway's {@code target}), as
   * {@code parity drift schema --spec} does to rebuild the schema a live database's applied
   * migrations produce; later migrations stay pending. By default every migration is applied.
   */
  public StackOptions migrationTarget(String service, String version) {
    Map<String, String> targets = new java.util.HashMap<>(migrationTargets);
    targets.put(Objects.requireNonNull(service, "service"), Objects.requireNonNull(version, "version"));
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, targets, profiles);
  }

  /**
   * Also starts the services of compose profile {@code profile} (compose {@code --profile}). By
   * default only the services without a profile start, as {@code docker-compose up} starts them.
   */
  public StackOptions profile(String profile) {
    java.util.Set<String> more = new java.util.HashSet<>(profiles);
    more.add(Objects.requireNonNull(profile, "profile"));
    return new StackOptions(environment, withApps, registryMirror, keepOnFailure, fixedPorts, removeLeftovers,
        startupTimeout, projectFolder, progress, keepVolumes, imageLock, migrationTargets, more);
  }

  /** The profiles enabled beside the default set of services; empty by default. */
  public java.util.Set<String> profiles() {
    return profiles;
  }

  /** Whether {@code service} starts: it has no profile, or one of the enabled ones (compose's rule). */
  public boolean starts(dev.parity.core.Service service) {
    List<String> own = service.options().profiles();
    return own.isEmpty() || own.stream().anyMatch(profiles::contains);
  }

  /** The version {@code service} is migrated up to, when it is not the newest. */
  public Optional<String> migrationTarget(String service) {
    return Optional.ofNullable(migrationTargets.get(service));
  }

  public ImageLock imageLock() {
    return imageLock;
  }

  public boolean keepVolumes() {
    return keepVolumes;
  }

  public String environment() {
    return environment;
  }

  public boolean withApps() {
    return withApps;
  }

  public Optional<String> registryMirror() {
    return Optional.ofNullable(registryMirror);
  }

  public boolean keepOnFailure() {
    return keepOnFailure;
  }

  public boolean fixedPorts() {
    return fixedPorts;
  }

  public boolean removeLeftovers() {
    return removeLeftovers;
  }

  public Duration startupTimeout() {
    return startupTimeout;
  }

  public Path projectFolder() {
    return projectFolder;
  }

  public Consumer<ServiceProgress> progress() {
    return progress;
  }

  /**
   * The image Docker runs for {@code reference}: itself at its locked digest when the
   * {@linkplain #imageLock lock} has one, on the mirror when there is one. Official
   * Docker Hub images get the {@code library/} prefix they have on every registry; a reference
   * that names another registry keeps its repository path on the mirror
   * ({@code ghcr.io/acme/api:1.2.0} becomes {@code MIRROR/acme/api:1.2.0}); the mirror keeps tag and digest.
   */
  public ImageRef resolveImage(ImageRef reference) {
    ImageRef declared = imageLock.pin(reference);
    if (registryMirror == null) {
      return declared;
    }
    boolean dockerHub = declared.registry().map(r -> r.equals("docker.io") || r.equals("registry-1.docker.io"))
        .orElse(true);
    ImageRef onMirror = declared.withRegistry(registryMirror);
    if (dockerHub && !declared.repository().contains("/")) {
      onMirror = ImageRef.parse(registryMirror + "/library/" + declared.repository()
          + declared.tag().map(t -> ":" + t).orElse("") + declared.digest().map(d -> "@" + d).orElse(""));
    }
    return onMirror;
  }
}
