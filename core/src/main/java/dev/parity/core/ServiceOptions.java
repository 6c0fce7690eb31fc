package dev.parity.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a service's container runs, the same for every kind of service: further ports, volumes and
 * bind mounts, fixed and secret environment variables, secrets as files, command and entrypoint,
 * restart policy, host name, user, init process, health check and networks. Every kind takes it
 * through {@code options(o -> o...)}:
 *
 * <pre>{@code
 * Container.of("gitea", "gitea/gitea:1.21.4").port(3000)
 *     .options(o -> o.port(Port.published(2222, 22))
 *         .mount(Mount.volume("gitea-data", "/data"))
 *         .env("GITEA__database__DB_TYPE", "postgres")
 *         .secretEnv("GITEA__database__PASSWD", "DB_PASSWORD")
 *         .restart(Restart.ALWAYS));
 * MySql.mariadb("db", "10.11.6").options(o -> o.command("--transaction-isolation=READ-COMMITTED"));
 * }</pre>
 *
 * <p>Each option says what it becomes in compose; {@code parity up} runs the container the same
 * way. Values that are not set leave the image's own ({@code CMD}, {@code ENTRYPOINT}, {@code USER},
 * {@code HEALTHCHECK}) or Docker's default in place. Instances are immutable; every method returns
 * a changed copy.
 */
public final class ServiceOptions {

  private static final ServiceOptions NONE = new ServiceOptions();

  private List<Port> ports = List.of();
  private List<Mount> mounts = List.of();
  private Map<String, String> env = Map.of();
  private Map<String, String> secretEnv = Map.of();
  private List<String> passedEnv = List.of();
  private List<SecretFile> secretFiles = List.of();
  private List<String> command;
  private List<String> entrypoint;
  private Restart restart;
  private String hostname;
  private String user;
  private Boolean init;
  private Healthcheck healthcheck;
  private List<String> networks = List.of();
  private List<String> profiles = List.of();
  private String containerName;
  private PullPolicy pullPolicy;
  private String shmSize;
  private List<Ulimit> ulimits = List.of();

  private ServiceOptions() {
  }

  /** No option set: the image's and Docker's defaults. */
  public static ServiceOptions none() {
    return NONE;
  }

  /** A further port beside the service's main one (compose {@code ports:} or {@code expose:}). */
  public ServiceOptions port(Port port) {
    ServiceOptions c = copy();
    c.ports = Ordered.append(ports, port);
    return c;
  }

  /** A named volume or bind mount (compose {@code volumes:}). */
  public ServiceOptions mount(Mount mount) {
    ServiceOptions c = copy();
    c.mounts = Ordered.append(mounts, mount);
    return c;
  }

  /**
   * A fixed, non-secret environment variable, the same in every environment (compose
   * {@code environment:}). A name that looks like a secret's is refused: use {@link #secretEnv}.
   */
  public ServiceOptions env(String variable, String value) {
    ServiceOptions c = copy();
    c.env = Ordered.with(env, variable, value);
    return c;
  }

  /**
   * The variable {@code variable} takes the value of the declared secret config key
   * {@code secretKey}: compose {@code ${KEY:?…}} from the git-ignored {@code local/.env}, the
   * secret store's reference remotely. Never a literal.
   */
  public ServiceOptions secretEnv(String variable, String secretKey) {
    ServiceOptions c = copy();
    c.secretEnv = Ordered.with(secretEnv, variable, secretKey);
    return c;
  }

  /**
   * Variables whose value comes from the developer's environment, never from the spec (compose
   * {@code environment: [VARIABLE]}, a key without a value; Compose specification, "environment"):
   * compose takes each from the shell or the {@code .env} file beside the generated compose file,
   * {@code parity up} from its own process environment; a variable set in neither is not set in the
   * container. Local only: an app of a stack with remote environments is refused, since a deployed
   * environment has no developer's shell; declare a config key with a value or a secret there.
   */
  public ServiceOptions passEnv(String... variables) {
    ServiceOptions c = copy();
    List<String> all = new ArrayList<>(passedEnv);
    all.addAll(List.of(variables));
    c.passedEnv = List.copyOf(all);
    return c;
  }

  /** The secret config key {@code secretKey} as the file {@code /run/secrets/<key in lower case>}. */
  public ServiceOptions secretFile(String secretKey) {
    return secretFile(secretKey, null);
  }

  /**
   * The secret config key {@code secretKey} as a file, and its path in {@code fileVariable}, for
   * images that read {@code *_FILE} variables (for example {@code POSTGRES_PASSWORD_FILE}).
   */
  public ServiceOptions secretFile(String secretKey, String fileVariable) {
    ServiceOptions c = copy();
    c.secretFiles = Ordered.append(secretFiles, new SecretFile(secretKey, fileVariable));
    return c;
  }

  /**
   * The arguments passed to the image's entrypoint (compose {@code command:} in exec form). For
   * PostgreSQL, MySQL/MariaDB and Redis these are server flags, such as
   * {@code "--transaction-isolation=READ-COMMITTED"} or {@code "-c", "max_connections=200"}: their
   * official entrypoints hand arguments that start with {@code -} to the server.
   */
  public ServiceOptions command(String... arguments) {
    ServiceOptions c = copy();
    c.command = List.of(arguments);
    return c;
  }

  /** Replaces the image's entrypoint (compose {@code entrypoint:} in exec form). */
  public ServiceOptions entrypoint(String... arguments) {
    ServiceOptions c = copy();
    c.entrypoint = List.of(arguments);
    return c;
  }

  /** The restart policy (compose {@code restart:}); Docker's default is {@link Restart#NO}. */
  public ServiceOptions restart(Restart policy) {
    ServiceOptions c = copy();
    c.restart = policy;
    return c;
  }

  /** The container's host name (compose {@code hostname:}); the service name by default. */
  public ServiceOptions hostname(String name) {
    ServiceOptions c = copy();
    c.hostname = name;
    return c;
  }

  /** The user the container runs as (compose {@code user:}), a name or {@code uid[:gid]}; never root. */
  public ServiceOptions user(String runAs) {
    ServiceOptions c = copy();
    c.user = runAs;
    return c;
  }

  /**
   * Whether Docker's init process runs as PID 1 and forwards signals (compose {@code init:}).
   * Apps run with one by default; other containers as their image decides.
   */
  public ServiceOptions init(boolean enabled) {
    ServiceOptions c = copy();
    c.init = enabled;
    return c;
  }

  /** The container's own health check (compose {@code healthcheck:}), replacing the one Parity derives. */
  public ServiceOptions healthcheck(Healthcheck check) {
    ServiceOptions c = copy();
    c.healthcheck = check;
    return c;
  }

  /** Networks declared with {@code Stack.Builder.network(…)} that the service joins (compose {@code networks:}). */
  public ServiceOptions networks(String... names) {
    ServiceOptions c = copy();
    c.networks = List.of(names);
    return c;
  }

  /**
   * The compose profiles the service belongs to (compose {@code profiles:}, Compose specification
   * "profiles"): without one it starts with every {@code up}; with one, {@code docker-compose up} and
   * {@code parity up} start it only with {@code --profile P}. Local only: remote environments run
   * every app, so an app of a stack with remote environments may not have a profile; a service that
   * starts by default may not depend on a profiled one.
   */
  public ServiceOptions profiles(String... names) {
    ServiceOptions c = copy();
    c.profiles = List.of(names);
    return c;
  }

  /**
   * The container's fixed name in compose ({@code container_name:}), instead of
   * {@code <project>_<service>_1}. {@code parity up} keeps its own labelled names, so both can run
   * side by side. Docker's rule: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}; unique in the stack; not on an
   * app with several local replicas (compose cannot scale a named container).
   */
  public ServiceOptions containerName(String name) {
    ServiceOptions c = copy();
    c.containerName = name;
    return c;
  }

  /** When compose pulls the image ({@code pull_policy:}); unset, it pulls a missing one. */
  public ServiceOptions pullPolicy(PullPolicy policy) {
    ServiceOptions c = copy();
    c.pullPolicy = policy;
    return c;
  }

  /**
   * The size of the container's {@code /dev/shm} (compose {@code shm_size:}, Docker {@code --shm-size}),
   * in compose's byte notation: a number with {@code b}, {@code k}, {@code m} or {@code g}
   * ({@code "256m"}, {@code "1gb"}); Docker's default is 64 MiB. PostgreSQL's parallel queries and
   * browsers in containers need more.
   */
  public ServiceOptions shmSize(String size) {
    ServiceOptions c = copy();
    c.shmSize = size;
    return c;
  }

  /** A resource limit of the container's processes (compose {@code ulimits:}, Docker {@code --ulimit}). */
  public ServiceOptions ulimit(Ulimit limit) {
    ServiceOptions c = copy();
    c.ulimits = Ordered.append(ulimits, limit);
    return c;
  }

  private ServiceOptions copy() {
    ServiceOptions c = new ServiceOptions();
    c.ports = ports;
    c.mounts = mounts;
    c.env = env;
    c.secretEnv = secretEnv;
    c.passedEnv = passedEnv;
    c.secretFiles = secretFiles;
    c.command = command;
    c.entrypoint = entrypoint;
    c.restart = restart;
    c.hostname = hostname;
    c.user = user;
    c.init = init;
    c.healthcheck = healthcheck;
    c.networks = networks;
    c.profiles = profiles;
    c.containerName = containerName;
    c.pullPolicy = pullPolicy;
    c.shmSize = shmSize;
    c.ulimits = ulimits;
    return c;
  }

  /** The further ports, in declaration order. */
  public List<Port> ports() {
    return ports;
  }

  /** Volumes and bind mounts, in declaration order. */
  public List<Mount> mounts() {
    return mounts;
  }

  /** Fixed variables, in declaration order. */
  public Map<String, String> env() {
    return env;
  }

  /** Variables taken from secret config keys: variable to key, in declaration order. */
  public Map<String, String> secretEnv() {
    return secretEnv;
  }

  /** Variables passed through from the developer's environment, in declaration order. */
  public List<String> passedEnv() {
    return passedEnv;
  }

  public List<SecretFile> secretFiles() {
    return secretFiles;
  }

  public Optional<List<String>> command() {
    return Optional.ofNullable(command);
  }

  public Optional<List<String>> entrypoint() {
    return Optional.ofNullable(entrypoint);
  }

  public Optional<Restart> restart() {
    return Optional.ofNullable(restart);
  }

  public Optional<String> hostname() {
    return Optional.ofNullable(hostname);
  }

  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  public Optional<Boolean> init() {
    return Optional.ofNullable(init);
  }

  public Optional<Healthcheck> healthcheck() {
    return Optional.ofNullable(healthcheck);
  }

  /** The declared networks joined; empty means the stack's default network. */
  public List<String> networks() {
    return networks;
  }

  /** The compose profiles the service belongs to; empty means it always starts. */
  public List<String> profiles() {
    return profiles;
  }

  public Optional<String> containerName() {
    return Optional.ofNullable(containerName);
  }

  public Optional<PullPolicy> pullPolicy() {
    return Optional.ofNullable(pullPolicy);
  }

  public Optional<String> shmSize() {
    return Optional.ofNullable(shmSize);
  }

  /** The resource limits, in declaration order. */
  public List<Ulimit> ulimits() {
    return ulimits;
  }

  /** The secret config keys this service reads, as variables or files. */
  public List<String> secretKeys() {
    List<String> keys = new ArrayList<>(secretEnv.values());
    secretFiles.forEach(f -> keys.add(f.key()));
    return keys.stream().distinct().toList();
  }

  @Override
  public String toString() {
    return "ServiceOptions[" + ports.size() + " ports, " + mounts.size() + " mounts, " + networks + "]";
  }
}
