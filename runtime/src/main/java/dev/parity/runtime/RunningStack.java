package dev.parity.runtime;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.Cleanup;
import dev.parity.runtime.internal.StackConfig;
import dev.parity.runtime.internal.StartedStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A started local stack: where its services are published, the config the app gets, the
 * migrations applied. {@link #close()} removes everything this start created.
 */
public final class RunningStack implements AutoCloseable {

  private final Stack stack;
  private final Environment environment;
  private final StartedStack started;
  private final int leftoversRemoved;
  private final Map<String, String> config;
  private final AtomicBoolean closed = new AtomicBoolean();

  RunningStack(Stack stack, Environment environment, StartedStack started, int leftoversRemoved) {
    this.stack = stack;
    this.environment = environment;
    this.started = started;
    this.leftoversRemoved = leftoversRemoved;
    this.config = java.util.Collections.unmodifiableMap(StackConfig.resolve(stack, environment,
        StackConfig.onHost(this::port), started.secrets()));
  }

  public String stackName() {
    return stack.name();
  }

  /** The environment whose config the stack was started with. */
  public String environment() {
    return environment.name();
  }

  /** How many containers and networks of an earlier run were removed before this one started. */
  public int leftoversRemoved() {
    return leftoversRemoved;
  }

  /** Every config key resolved to this stack as seen from this machine, secrets included, in schema order. */
  public Map<String, String> config() {
    return config;
  }

  /**
   * The config the app {@code appName} receives, as seen from this machine: only the keys it
   * {@linkplain App#uses uses}, secrets included, in schema order. What {@code parity up} writes to
   * the app's env file, so the app can run outside Docker against the stack.
   *
   * @throws IllegalArgumentException when the stack has no app of that name
   */
  public Map<String, String> config(String appName) {
    Service service = service(appName);
    if (!(service instanceof App app)) {
      throw new IllegalArgumentException("service '" + appName + "' is a " + service.kindLabel()
          + ", not an app; config(app) takes one of: " + stack.apps().stream().map(App::name)
              .collect(Collectors.joining(", ")));
    }
    Map<String, String> scoped = new LinkedHashMap<>();
    config.forEach((key, value) -> {
      if (app.uses().contains(key)) {
        scoped.put(key, value);
      }
    });
    return java.util.Collections.unmodifiableMap(scoped);
  }

  /** The config keys whose values are generated secrets. */
  public Set<String> secretKeys() {
    return started.secrets().keySet();
  }

  /** The config as it may be printed: {@code KEY=value}, secrets replaced by a note. */
  public List<String> printableConfig() {
    return printable(config);
  }

  /** {@link #config(String)} as it may be printed: {@code KEY=value}, secrets replaced by a note. */
  public List<String> printableConfig(String appName) {
    return printable(config(appName));
  }

  private List<String> printable(Map<String, String> values) {
    List<String> lines = new ArrayList<>();
    values.forEach((key, value) -> lines.add(key + "="
        + (secretKeys().contains(key) ? "<generated, in the env file>" : value)));
    return lines;
  }

  /** The host services are published on: {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /**
   * The host port of {@code service}: where it was published, or for a service not started here
   * (an app without {@code --with-apps}) its declared host port.
   */
  public int port(String service) {
    return port(service(service));
  }

  private int port(Service service) {
    Integer port = started.hostPorts().get(service.name());
    return port != null ? port : service.hostPort().orElse(service.containerPort());
  }

  /**
   * A JDBC URL of a PostgreSQL or MySQL/MariaDB service with user and password as parameters, for
   * {@code DriverManager.getConnection(url)}.
   */
  public String jdbcUrl(String serviceName) {
    Service service = service(serviceName);
    String authority = host() + ":" + port(service);
    if (service instanceof Postgres db) {
      return "jdbc:postgresql://" + authority + "/" + db.database() + credentials(db.user(), db.passwordKey().orElse(null));
    }
    if (service instanceof MySql db) {
      boolean password = db.passwordKey().isPresent();
      return "jdbc:" + db.engine() + "://" + authority + "/" + db.database()
          + credentials(password ? db.user() : "root", db.passwordKey().or(db::rootPasswordKey).orElse(null));
    }
    throw new IllegalArgumentException("service '" + serviceName + "' is a " + service.kindLabel()
        + ", not a SQL database; jdbcUrl takes a Postgres or MySql service");
  }

  /** A {@code redis://host:port} URI of a Redis service. */
  public String redisUri(String serviceName) {
    Service service = service(serviceName);
    if (!(service instanceof Redis)) {
      throw new IllegalArgumentException("service '" + serviceName + "' is a " + service.kindLabel()
          + ", not Redis; redisUri takes a Redis service");
    }
    return "redis://" + host() + ":" + port(service);
  }

  /** The migration versions applied to each migrated database, oldest first. */
  public Map<String, List<String>> migrations() {
    return started.migrations();
  }

  /** The labels that identify exactly this start. */
  public Map<String, String> labels() {
    Map<String, String> labels = new HashMap<>(StackLabels.forStack(stack.name(), environment.name()));
    labels.put(StackLabels.RUN, started.runId());
    return Map.copyOf(labels);
  }

  /**
   * Removes every container and network of this start, its secret files, and the volumes it did
   * not keep ({@link StackOptions#keepVolumes(boolean)}); named volumes kept across runs stay, as
   * with compose, until {@code parity down --volumes}. A second call does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      Cleanup.remove(started.docker(), labels(), started.projectFolder(), false);
    }
  }

  private String credentials(String user, String passwordKey) {
    String query = "?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    if (passwordKey != null) {
      query += "&password=" + URLEncoder.encode(started.secrets().getOrDefault(passwordKey, ""), StandardCharsets.UTF_8);
    }
    return query;
  }

  private Service service(String name) {
    return stack.service(name).orElseThrow(() -> new IllegalArgumentException("stack '" + stack.name()
        + "' has no service '" + name + "'; it has " + stack.services().stream().map(Service::name)
            .collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return "RunningStack[" + stack.name() + ", " + environment.name() + ", " + started.hostPorts() + "]";
  }
}
