package dev.parity.core;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Redis server: a container of the exact version locally, a managed cache of the same engine
 * version (for example ElastiCache) in remote environments.
 *
 * <pre>{@code
 * Redis.of("cache", "7.2.3").variant("alpine")                    // redis:7.2.3-alpine
 *     .options(o -> o.command("--appendonly", "yes"));
 * }</pre>
 *
 * The compose file keeps the data in the named volume {@code <name>-data} at {@code /data}, or in the
 * volume the options mount there ({@link #dataMount()}), which {@code parity up} keeps across runs too.
 * Instances are immutable; every method returns a changed copy.
 */
public final class Redis implements Service, Database {

  private final String name;
  private final String version;
  private final String image;
  private final int hostPort;
  private final ServiceOptions options;

  private Redis(String name, String version, String image, int hostPort, ServiceOptions options) {
    this.name = name;
    this.version = version;
    this.image = image;
    this.hostPort = hostPort;
    this.options = options;
  }

  /** Redis of an exact version such as {@code 7.2.3}; locally {@code redis:<version>}. */
  public static Redis of(String name, String version) {
    return new Redis(name, version, "redis:" + version, 6379, ServiceOptions.none());
  }

  /** The image the local stack runs, for example {@code redis:7.2.3-alpine}; its tag must start with the version. */
  public Redis image(String reference) {
    return new Redis(name, version, reference, hostPort, options);
  }

  /** The official image's variant: {@code "alpine"} gives {@code redis:<version>-alpine}. */
  public Redis variant(String variant) {
    return image("redis:" + version + "-" + variant);
  }

  /** The port published on 127.0.0.1 by the local stack; 6379 by default. */
  public Redis hostPort(int port) {
    return new Redis(name, version, image, port, options);
  }

  /** How the container runs locally: server flags ({@code command}), extra mounts, restart policy, … */
  public Redis options(UnaryOperator<ServiceOptions> change) {
    return new Redis(name, version, image, hostPort, change.apply(options));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String engine() {
    return "redis";
  }

  @Override
  public String version() {
    return version;
  }

  /** The image reference as declared. */
  public String imageReference() {
    return image;
  }

  @Override
  public ImageRef image() {
    return ImageRef.parse(image);
  }

  @Override
  public String dataPath() {
    return "/data";
  }

  @Override
  public int containerPort() {
    return 6379;
  }

  @Override
  public Optional<Integer> hostPort() {
    return Optional.of(hostPort);
  }

  @Override
  public List<String> dependsOn() {
    return List.of();
  }

  @Override
  public ServiceOptions options() {
    return options;
  }

  @Override
  public String kindLabel() {
    return "Redis";
  }

  @Override
  public String toString() {
    return "Redis[" + name + ", " + version + ", " + image + "]";
  }
}
