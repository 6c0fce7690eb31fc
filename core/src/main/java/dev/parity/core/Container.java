package dev.parity.core;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Any other container, run at an exactly pinned image in every environment.
 *
 * <pre>{@code
 * Container.of("mail", "axllent/mailpit:v1.14.0").port(8025)
 *     .options(o -> o.healthcheck(Healthcheck.command("wget", "-qO-", "http://127.0.0.1:8025/livez"))
 *         .restart(Restart.UNLESS_STOPPED));
 * }</pre>
 *
 * Port 80, unpublished, unless declared. Instances are immutable; every method returns a changed copy.
 */
public final class Container implements Service {

  private final String name;
  private final String image;
  private int containerPort = 80;
  private Integer hostPort;
  private List<String> dependsOn = List.of();
  private ServiceOptions options = ServiceOptions.none();

  private Container(String name, String image) {
    this.name = name;
    this.image = image;
  }

  /** A container of an exactly pinned image: a full version tag or a digest. */
  public static Container of(String name, String image) {
    return new Container(name, image);
  }

  /** The port the container listens on; 80 by default. Further ports go in {@link ServiceOptions#port}. */
  public Container port(int port) {
    Container c = copy();
    c.containerPort = port;
    return c;
  }

  /** Publishes the port on 127.0.0.1:{@code port} locally; unpublished by default. */
  public Container hostPort(int port) {
    Container c = copy();
    c.hostPort = port;
    return c;
  }

  /** Services that must be healthy (or started, when they have no health check) before this one starts. */
  public Container dependsOn(String... services) {
    Container c = copy();
    c.dependsOn = List.of(services);
    return c;
  }

  /** How the container runs: environment, secrets, mounts, command, health check, networks, … */
  public Container options(UnaryOperator<ServiceOptions> change) {
    Container c = copy();
    c.options = change.apply(options);
    return c;
  }

  private Container copy() {
    Container c = new Container(name, image);
    c.containerPort = containerPort;
    c.hostPort = hostPort;
    c.dependsOn = dependsOn;
    c.options = options;
    return c;
  }

  @Override
  public String name() {
    return name;
  }

  /** The image reference as declared. */
  public String imageReference() {
    return image;
  }

  /** The parsed image; valid once the container is part of a built {@link Stack}. */
  public ImageRef image() {
    return ImageRef.parse(image);
  }

  @Override
  public int containerPort() {
    return containerPort;
  }

  @Override
  public Optional<Integer> hostPort() {
    return Optional.ofNullable(hostPort);
  }

  @Override
  public List<String> dependsOn() {
    return dependsOn;
  }

  @Override
  public ServiceOptions options() {
    return options;
  }

  @Override
  public String kindLabel() {
    return "container";
  }

  @Override
  public String toString() {
    return "Container[" + name + ", " + image + "]";
  }
}
