package dev.parity.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A whole system, declared once: its services at exact versions, its config schema, its knobs,
 * its environments and its deliberate deviations. Everything Parity generates, boots or checks
 * is derived from one {@code Stack}.
 *
 * <pre>{@code
 * Stack shop = Stack.named("shop")
 *     .service(App.node("web", "node:20.11.0-alpine3.19").port(3000).dependsOn("db"))
 *     .service(Postgres.of("db", "14.9").password("DB_PASSWORD"))
 *     .config(ConfigKey.string("DB_HOST").value(ConfigValue.hostOf("db")))
 *     .config(ConfigKey.secret("DB_PASSWORD"))
 *     .environment(Environment.local())
 *     .build();   // validates; throws InvalidSpecException listing every problem
 * }</pre>
 */
public final class Stack {

  private final String name;
  private final List<Service> services;
  private final List<ConfigKey> config;
  private final List<Knob> knobs;
  private final List<Environment> environments;
  private final List<Deviation> deviations;
  private final List<Network> networks;
  /** The services by name (the first of a name, as declared), for lookups in linear time overall. */
  private final Map<String, Service> servicesByName;

  private Stack(Builder b) {
    this.networks = List.copyOf(b.networks);
    this.name = b.name;
    this.services = List.copyOf(b.services);
    this.config = List.copyOf(b.config);
    this.knobs = List.copyOf(b.knobs);
    this.environments = List.copyOf(b.environments);
    this.deviations = List.copyOf(b.deviations);
    Map<String, Service> byName = new LinkedHashMap<>();
    services.forEach(service -> byName.putIfAbsent(service.name(), service));
    this.servicesByName = Collections.unmodifiableMap(byName);
  }

  /** Starts the declaration of a stack; {@code name} becomes the compose project name. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** Every service, in declaration order. */
  public List<Service> services() {
    return services;
  }

  public Optional<Service> service(String serviceName) {
    return Optional.ofNullable(servicesByName.get(serviceName));
  }

  /** The services built from source, in declaration order. */
  public List<App> apps() {
    return services.stream().filter(App.class::isInstance).map(App.class::cast).toList();
  }

  /**
   * The repository the image of {@code app} is pushed to and pulled from: its declared
   * {@link App#imageRepository(String)}, else {@code <stack>-<app>}. The one rule that compose, the
   * CI workflow, Terraform, the Kubernetes overlays, releases and container drift all follow.
   */
  public String imageRepository(App app) {
    return app.imageRepository().orElse(name + "-" + app.name());
  }

  /**
   * The one name of the image a local build gives {@code app}, {@code <stack>-<app>:local}: the
   * compose file's {@code image:}, the tag {@code parity up --with-apps} builds, and what
   * {@code parity drift containers --env local} expects, so that a stack started either way is no
   * drift. Never the declared {@link App#imageRepository(String)}, which names where CI pushes:
   * two stacks pushing to one repository would overwrite each other's local build, and a local
   * build could be pushed by mistake under the release's name.
   */
  public String localImage(App app) {
    return name + "-" + app.name() + ":local";
  }

  /**
   * The databases Parity migrates: each PostgreSQL or MySQL/MariaDB service that declares
   * migrations, in declaration order. Each gets a migrations image ({@code db/<db>/Dockerfile}),
   * a one-shot {@code <db>-migrate} service in compose and a {@code <db>-migrate} Job on Kubernetes.
   */
  public List<Service> migratedDatabases() {
    return services.stream().filter(s -> (s instanceof Postgres || s instanceof MySql)
        && ((Database) s).migrations().isPresent()).toList();
  }

  /**
   * The repository of {@code database}'s migrations image, by the rule of {@link #imageRepository}
   * for an app named {@code <db>-migrations}: {@code <stack>-<db>-migrations}, in the registry and
   * namespace of the first app that declares a repository with one (its part up to the last
   * {@code /}), so that it is pushed where the app images are. Example: apps in
   * {@code ghcr.io/acme/shop-web} make database {@code db}'s {@code ghcr.io/acme/shop-db-migrations}.
   */
  public String migrationsRepository(Service database) {
    String name = this.name + "-" + database.name() + "-migrations";
    return apps().stream().map(App::imageRepository).flatMap(Optional::stream).filter(r -> r.contains("/"))
        .findFirst().map(r -> r.substring(0, r.lastIndexOf('/') + 1) + name).orElse(name);
  }

  /** The config schema, in declaration order. */
  public List<ConfigKey> config() {
    return config;
  }

  /** The team's declared knobs, in declaration order. */
  public List<Knob> knobs() {
    return knobs;
  }

  /** Every environment, in declaration order: the order of promotion. */
  public List<Environment> environments() {
    return environments;
  }

  public Optional<Environment> environment(String environmentName) {
    return environments.stream().filter(e -> e.name().equals(environmentName)).findFirst();
  }

  /** The local environment, if the stack declares one. */
  public Optional<Environment> localEnvironment() {
    return environments.stream().filter(Environment::isLocal).findFirst();
  }

  /** The deployed environments, in order of promotion. */
  public List<Environment> remoteEnvironments() {
    return environments.stream().filter(e -> !e.isLocal()).toList();
  }

  public List<Deviation> deviations() {
    return deviations;
  }

  /** The declared networks, in declaration order; empty means one default network. */
  public List<Network> networks() {
    return networks;
  }

  /**
   * The config keys {@code service} reads: an app's {@link App#uses}, and for every kind the secret
   * keys its options take as variables or files and a database's password keys.
   */
  public List<String> keysUsedBy(Service service) {
    java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
    if (service instanceof App app) {
      keys.addAll(app.uses());
    } else if (service instanceof Postgres db) {
      db.passwordKey().ifPresent(keys::add);
    } else if (service instanceof MySql db) {
      db.passwordKey().ifPresent(keys::add);
      db.rootPasswordKey().ifPresent(keys::add);
    }
    keys.addAll(service.options().secretKeys());
    return List.copyOf(keys);
  }

  /** The config {@code app} receives in {@code environment}: the keys it uses, in schema order. */
  public List<ConfigEntry> config(App app, Environment environment) {
    return config(app, environment, addresses(environment));
  }

  /** Like {@link #config(App, Environment)}, with service references resolved through {@code addresses}. */
  public List<ConfigEntry> config(App app, Environment environment, Addresses addresses) {
    Set<String> used = Set.copyOf(app.uses());
    return entries(environment, addresses, key -> used.contains(key.name()));
  }

  /**
   * Where services are reached in {@code environment}: by service name on the compose network
   * locally, at the declared endpoints remotely; always at the service's container port. On an
   * environment that runs on Kubernetes alone, an app without a declared endpoint is reached at its
   * Service, named after the app in the same namespace (in-cluster DNS: {@code http://api:8080}).
   */
  public Addresses addresses(Environment environment) {
    return new Addresses() {
      @Override
      public String host(Service service) {
        if (environment.isLocal()) {
          return service.name();
        }
        String endpoint = environment.endpoints().get(service.name());
        return endpoint == null && reachedAtItsKubernetesService(environment, service) ? service.name() : endpoint;
      }

      @Override
      public int port(Service service) {
        return service.containerPort();
      }
    };
  }

  /**
   * Whether {@code service} is an app that {@code environment} runs on Kubernetes alone, where its Service (named
   * after the app, at its container port) is its in-cluster address.
   */
  public static boolean reachedAtItsKubernetesService(Environment environment, Service service) {
    return service instanceof App && environment.runsOnKubernetes() && !environment.runsOnInstances();
  }

  /** Every key of the config schema as {@code environment} resolves it, in schema order; each app receives the part it uses. */
  public List<ConfigEntry> config(Environment environment) {
    return config(environment, addresses(environment));
  }

  /**
   * Every key of the config schema in {@code environment}, with service references resolved
   * through {@code addresses}. Optional keys without a value are left out.
   */
  public List<ConfigEntry> config(Environment environment, Addresses addresses) {
    return entries(environment, addresses, key -> true);
  }

  /** The entries of the keys {@code chosen} picks in {@code environment}, for checks of a stack under validation. */
  List<ConfigEntry> config(Environment environment, Predicate<ConfigKey> chosen) {
    return entries(environment, addresses(environment), chosen);
  }

  /** The entries of the keys {@code chosen} picks, resolving only those. */
  private List<ConfigEntry> entries(Environment environment, Addresses addresses, Predicate<ConfigKey> chosen) {
    List<ConfigEntry> entries = new ArrayList<>();
    for (ConfigKey key : config) {
      if (!chosen.test(key)) {
        continue;
      }
      if (key.secret()) {
        SecretRef ref = environment.secrets().get(key.name());
        if (environment.isLocal()) {
          entries.add(ConfigEntry.localSecret(key));
        } else if (ref != null) {
          entries.add(ConfigEntry.secret(key, ref));
        }
        continue;
      }
      ConfigValue value = environment.values().get(key.name());
      if (value == null) {
        value = key.value().orElse(null);
      }
      if (value != null) {
        entries.add(ConfigEntry.value(key, resolve(value, addresses)));
      }
    }
    return List.copyOf(entries);
  }

  /** The text of {@code value} when services are reached through {@code addresses}. */
  public String resolve(ConfigValue value, Addresses addresses) {
    if (value instanceof ConfigValue.Literal literal) {
      return literal.value();
    }
    ConfigValue.ServiceAddress ref = (ConfigValue.ServiceAddress) value;
    Service service = service(ref.service()).orElseThrow();
    return switch (ref.part()) {
      case HOST -> addresses.host(service);
      case PORT -> Integer.toString(addresses.port(service));
      case URL -> addresses.url(service);
      case JDBC_URL -> addresses.jdbcUrl(service);
      case DATABASE -> service instanceof Postgres p ? p.database() : ((MySql) service).database();
      case USER -> service instanceof Postgres p ? p.user() : ((MySql) service).user();
    };
  }

  /** The value of {@code knob} in {@code environment}: its own, else the knob's default. */
  public Optional<Object> knobValue(Environment environment, Knob knob) {
    Object value = environment.knobs().get(knob.name());
    return value != null ? Optional.of(value) : knob.defaultValue();
  }

  /** The deviations that apply in {@code environment}. */
  public List<Deviation> deviationsIn(Environment environment) {
    return deviations.stream().filter(d -> d.environments().contains(environment.name())).toList();
  }

  @Override
  public String toString() {
    return "Stack[" + name + ", " + services.size() + " services, " + environments.size() + " environments]";
  }

  /** Collects a stack's declarations; {@link #build()} validates them all at once. */
  public static final class Builder {

    private final String name;
    private final List<Service> services = new ArrayList<>();
    private final List<ConfigKey> config = new ArrayList<>();
    private final List<Knob> knobs = new ArrayList<>();
    private final List<Environment> environments = new ArrayList<>();
    private final List<Deviation> deviations = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Adds a service: an {@link App}, {@link Postgres}, {@link MySql}, {@link Redis} or {@link Container}. */
    public Builder service(Service service) {
      services.add(service);
      return this;
    }

    /** Adds a key to the config schema; apps receive the keys they {@linkplain App#uses use}. */
    public Builder config(ConfigKey key) {
      config.add(key);
      return this;
    }

    /** Declares a knob that remote environments set. */
    public Builder knob(Knob knob) {
      knobs.add(knob);
      return this;
    }

    /** Adds an environment; the order of environments is the order of promotion. */
    public Builder environment(Environment environment) {
      environments.add(environment);
      return this;
    }

    /**
     * Declares a network services can join with {@link ServiceOptions#networks}; without any, every
     * service shares one default network.
     */
    public Builder network(Network network) {
      networks.add(network);
      return this;
    }

    /** Declares a deliberate difference between environments, with its reason. */
    public Builder deviation(Deviation deviation) {
      deviations.add(deviation);
      return this;
    }

    /**
     * Validates every rule and builds the stack.
     *
     * @throws InvalidSpecException listing every problem found, when there is any
     */
    public Stack build() {
      Stack stack = new Stack(this);
      List<Problem> problems = new StackValidator(stack).validate();
      if (!problems.isEmpty()) {
        throw new InvalidSpecException(name == null ? "" : name, problems);
      }
      return stack;
    }
  }
}
