package dev.parity.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any other container, run at an exactly pinned image in every environment.
 *
 * <pre>{@code
 * Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).healthcheck("wget", "-qO-", "localhost:8025");
 * }</pre>
 *
 * Instances are immutable; every method returns a changed copy.
 */
public final class Container implements Service {

  private final String name;
  private final String image;
  private int containerPort = 80;
  private Integer hostPort;
  private Map<String, String> environment = Map.of();
  private List<String> healthcheck = List.of();
  private List<String> dependsOn = List.of();

  private Container(String name, String image) {
    this.name = name;
    this.image = image;
  }

  /** A container of an exactly pinned image: a full version tag or a digest. */
  public static Container of(String name, String image) {
    return new Container(name, image);
  }

  /** The port the container listens on. */
  public Container port(int port) {
    Container c = copy();
    c.containerPort = port;
    return c;
  }

  /** Publishes the port on 127.0.0.1 locally; unpublished by default. */
  public Container hostPort(int port) {
    Container c = copy();
    c.hostPort = port;
    return c;
  }

  /** A fixed, non-secret environment variable of the container, the same in every environment. */
  public Container env(String key, String value) {
    Container c = copy();
    c.environment = Ordered.with(environment, key, value);
    return c;
  }

  /** The command that exits 0 when the container is healthy (compose {@code healthcheck.test}). */
  public Container healthcheck(String... command) {
    Container c = copy();
    c.healthcheck = List.of(command);
    return c;
  }

  /** Services that must be healthy before this one starts. */
  public Container dependsOn(String... services) {
    Container c = copy();
    c.dependsOn = List.of(services);
    return c;
  }

  private Container copy() {
    Container c = new Container(name, image);
    c.containerPort = containerPort;
    c.hostPort = hostPort;
    c.environment = environment;
    c.healthcheck = healthcheck;
    c.dependsOn = dependsOn;
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

  /** The container's fixed environment, in declaration order. */
  public Map<String, String> environment() {
    return environment;
  }

  public List<String> healthcheck() {
    return healthcheck;
  }

  @Override
  public List<String> dependsOn() {
    return dependsOn;
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
