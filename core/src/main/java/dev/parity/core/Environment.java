package dev.parity.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment of a {@link Stack}. It can differ from the others only through knobs: instance
 * count and type, AMI, database instance class, host name and service endpoints, the values of
 * per-environment config keys, references to secrets, and the team's declared {@link Knob}s.
 *
 * <pre>{@code
 * Environment.remote("production").instances(4).instanceType("t3.medium").ami("ami-0c55b159cbfafe1f0")
 *     .databaseClass("db.t3.medium").endpoint("db", "shop-prod.abc123.eu-west-1.rds.amazonaws.com")
 *     .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/production/db-password"));
 * }</pre>
 *
 * Instances are immutable; every method returns a changed copy.
 */
public final class Environment {

  private final String name;
  private final boolean local;
  private Integer instances;
  private String instanceType;
  private String ami;
  private String databaseClass;
  private String hostname;
  private Map<String, String> endpoints = Map.of();
  private Map<String, ConfigValue> values = Map.of();
  private Map<String, SecretRef> secrets = Map.of();
  private Map<String, Object> knobs = Map.of();
  private Kubernetes kubernetes;
  private boolean onInstances;

  private Environment(String name, boolean local) {
    this.name = Objects.requireNonNull(name, "name");
    this.local = local;
  }

  /**
   * The developer's machine: the stack runs from {@code local/docker-compose.yml}, services reach
   * each other by service name, secrets come from {@code local/.env}.
   */
  public static Environment local() {
    return new Environment("local", true);
  }

  /**
   * A deployed environment: on instances, rendered as {@code terraform/<name>.tfvars}, unless it
   * declares {@link #kubernetes}.
   */
  public static Environment remote(String name) {
    return new Environment(name, false);
  }

  /** How many instances of each app run ({@code instance_count}). */
  public Environment instances(int count) {
    Environment c = copy();
    c.instances = count;
    return c;
  }

  /** The compute instance type ({@code instance_type}), for example {@code t3.medium}. */
  public Environment instanceType(String type) {
    Environment c = copy();
    c.instanceType = type;
    return c;
  }

  /** The pinned machine image ({@code ami}), for example {@code ami-0c55b159cbfafe1f0}. */
  public Environment ami(String imageId) {
    Environment c = copy();
    c.ami = imageId;
    return c;
  }

  /** The managed database instance class ({@code db_instance_class}), for example {@code db.t3.medium}. */
  public Environment databaseClass(String instanceClass) {
    Environment c = copy();
    c.databaseClass = instanceClass;
    return c;
  }

  /** The public host name of the environment ({@code hostname}). */
  public Environment hostname(String host) {
    Environment c = copy();
    c.hostname = host;
    return c;
  }

  /** The host at which {@code service} is reached here; {@link ConfigValue#hostOf} resolves to it. */
  public Environment endpoint(String service, String host) {
    Environment c = copy();
    c.endpoints = Ordered.with(endpoints, service, host);
    return c;
  }

  /** This environment's value of a per-environment config key. */
  public Environment set(String key, String value) {
    return set(key, ConfigValue.literal(value));
  }

  /** This environment's value of a per-environment config key, as a service reference. */
  public Environment set(String key, ConfigValue value) {
    Environment c = copy();
    c.values = Ordered.with(values, key, value);
    return c;
  }

  /** Where this environment finds the value of a secret config key. */
  public Environment secret(String key, SecretRef reference) {
    Environment c = copy();
    c.secrets = Ordered.with(secrets, key, reference);
    return c;
  }

  /** This environment's value of a declared {@link Knob}: a String, a number or a Boolean. */
  public Environment knob(String name, Object value) {
    Environment c = copy();
    c.knobs = Ordered.with(knobs, name, value);
    return c;
  }

  /**
   * Runs the environment on a Kubernetes cluster, rendered as {@code k8s/overlays/<name>/}, instead
   * of on instances; add {@link #onInstances()} to run it on both. On Kubernetes the instance type
   * and AMI are not needed: {@link Kubernetes#resources} size the containers.
   */
  public Environment kubernetes(Kubernetes target) {
    Environment c = copy();
    c.kubernetes = target;
    return c;
  }

  /**
   * Runs the environment on instances ({@code terraform/<name>.tfvars}) as well as on the declared
   * {@link #kubernetes} cluster; without a cluster, instances are the only target anyway.
   */
  public Environment onInstances() {
    Environment c = copy();
    c.onInstances = true;
    return c;
  }

  private Environment copy() {
    Environment c = new Environment(name, local);
    c.instances = instances;
    c.instanceType = instanceType;
    c.ami = ami;
    c.databaseClass = databaseClass;
    c.hostname = hostname;
    c.endpoints = endpoints;
    c.values = values;
    c.secrets = secrets;
    c.knobs = knobs;
    c.kubernetes = kubernetes;
    c.onInstances = onInstances;
    return c;
  }

  public String name() {
    return name;
  }

  /** Whether this is the local environment run by Docker Compose. */
  public boolean isLocal() {
    return local;
  }

  public Optional<Integer> instances() {
    return Optional.ofNullable(instances);
  }

  public Optional<String> instanceType() {
    return Optional.ofNullable(instanceType);
  }

  public Optional<String> ami() {
    return Optional.ofNullable(ami);
  }

  public Optional<String> databaseClass() {
    return Optional.ofNullable(databaseClass);
  }

  public Optional<String> hostname() {
    return Optional.ofNullable(hostname);
  }

  /** Service endpoints, by service name, in declaration order. */
  public Map<String, String> endpoints() {
    return endpoints;
  }

  /** Values of per-environment config keys, by key, in declaration order. */
  public Map<String, ConfigValue> values() {
    return values;
  }

  /** Secret references, by config key, in declaration order. */
  public Map<String, SecretRef> secrets() {
    return secrets;
  }

  /** Values of declared knobs, by knob name, in declaration order. */
  public Map<String, Object> knobs() {
    return knobs;
  }

  /** The cluster the environment runs on, if it runs on Kubernetes. */
  public Optional<Kubernetes> kubernetes() {
    return Optional.ofNullable(kubernetes);
  }

  /** Whether the environment runs on a Kubernetes cluster ({@code k8s/overlays/<name>/}). */
  public boolean runsOnKubernetes() {
    return kubernetes != null;
  }

  /** Whether the environment runs on instances ({@code terraform/<name>.tfvars}): a remote one without a cluster, or with {@link #onInstances()}. */
  public boolean runsOnInstances() {
    return !local && (kubernetes == null || onInstances);
  }

  /** Whether {@link #onInstances()} was declared, for validation. */
  boolean declaresOnInstances() {
    return onInstances;
  }

  @Override
  public String toString() {
    return "Environment[" + name + (local ? ", local" : "") + "]";
  }
}
