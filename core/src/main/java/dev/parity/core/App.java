package dev.parity.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An application built from source into one image that every environment runs: its Dockerfile is
 * generated, the image is built once and promoted from environment to environment.
 *
 * <pre>{@code
 * App.node("web", "node:20.11.0-alpine3.19").port(3000).start("node", "server.js").dependsOn("db");
 * App.jvm("api", "eclipse-temurin:17.0.9_9-jre").jar("target/api.jar").port(8080);
 * }</pre>
 *
 * Instances are immutable; every method returns a changed copy.
 */
public final class App implements Service {

  /** The numeric user JVM images run as; numeric so that it needs no user database in the image. */
  static final String JVM_DEFAULT_USER = "10001:10001";

  private final String name;
  private final BuildKind buildKind;
  private final String baseImage;
  private final int containerPort;
  private final Integer hostPort;
  private final String source;
  private final List<String> command;
  private final String jar;
  private final String user;
  private final List<String> dependsOn;
  private final String imageRepository;
  private final String healthPath;

  private App(String name, BuildKind buildKind, String baseImage, int containerPort, Integer hostPort,
      String source, List<String> command, String jar, String user, List<String> dependsOn,
      String imageRepository, String healthPath) {
    this.name = Objects.requireNonNull(name, "name");
    this.buildKind = buildKind;
    this.baseImage = Objects.requireNonNull(baseImage, "baseImage");
    this.containerPort = containerPort;
    this.hostPort = hostPort;
    this.source = Objects.requireNonNull(source, "source");
    this.command = List.copyOf(command);
    this.jar = jar;
    this.user = Objects.requireNonNull(user, "user");
    this.dependsOn = List.copyOf(dependsOn);
    this.imageRepository = imageRepository;
    this.healthPath = healthPath;
  }

  /**
   * A Node.js app: the Dockerfile copies {@code package.json} and {@code package-lock.json} before
   * the sources, installs with {@code npm ci --omit=dev} and runs as the image's {@code node} user.
   *
   * @param baseImage an exactly pinned Node.js image, for example {@code node:20.11.0-alpine3.19}
   */
  public static App node(String name, String baseImage) {
    return new App(name, BuildKind.NODE_NPM, baseImage, 3000, null, ".",
        List.of("node", "server.js"), null, "node", List.of(), null, null);
  }

  /**
   * A JVM app run from a runnable jar that the build produced before {@code docker build}.
   *
   * @param baseImage an exactly pinned JRE image, for example {@code eclipse-temurin:17.0.9_9-jre}
   */
  public static App jvm(String name, String baseImage) {
    return new App(name, BuildKind.JVM_JAR, baseImage, 8080, null, ".", List.of(), null,
        JVM_DEFAULT_USER, List.of(), null, null);
  }

  /** The port the app listens on in its container ({@code EXPOSE}); also published locally. */
  public App port(int port) {
    return new App(name, buildKind, baseImage, port, hostPort, source, command, jar, user, dependsOn,
        imageRepository, healthPath);
  }

  /** Publishes the app locally on {@code port} instead of its container port. */
  public App hostPort(int port) {
    return new App(name, buildKind, baseImage, containerPort, port, source, command, jar, user,
        dependsOn, imageRepository, healthPath);
  }

  /** The folder with the app's sources (the Docker build context), relative to the spec's folder. */
  public App source(String folder) {
    return new App(name, buildKind, baseImage, containerPort, hostPort, folder, command, jar, user,
        dependsOn, imageRepository, healthPath);
  }

  /** The command that starts the app ({@code CMD} in exec form), for example {@code "node", "server.js"}. */
  public App start(String... commandLine) {
    return new App(name, buildKind, baseImage, containerPort, hostPort, source, List.of(commandLine),
        jar, user, dependsOn, imageRepository, healthPath);
  }

  /** The runnable jar, relative to {@link #source(String)}, for a JVM app. */
  public App jar(String path) {
    return new App(name, buildKind, baseImage, containerPort, hostPort, source, command, path, user,
        dependsOn, imageRepository, healthPath);
  }

  /** The non-root user the container runs as ({@code USER}). */
  public App user(String runAs) {
    return new App(name, buildKind, baseImage, containerPort, hostPort, source, command, jar, runAs,
        dependsOn, imageRepository, healthPath);
  }

  /** Services that must be healthy before the app starts. */
  public App dependsOn(String... services) {
    return new App(name, buildKind, baseImage, containerPort, hostPort, source, command, jar, user,
        List.of(services), imageRepository, healthPath);
  }

  /**
   * The repository the built image is pushed to, for example {@code ghcr.io/acme/shop-web}; remote
   * environments run it at the tag built once for all of them.
   */
  public App imageRepository(String repository) {
    return new App(name, buildKind, baseImage, containerPort, hostPort, source, command, jar, user,
        dependsOn, repository, healthPath);
  }

  /** An HTTP path that answers 2xx when the app is healthy, for example {@code /health}. */
  public App healthPath(String path) {
    return new App(name, buildKind, baseImage, containerPort, hostPort, source, command, jar, user,
        dependsOn, imageRepository, path);
  }

  @Override
  public String name() {
    return name;
  }

  public BuildKind buildKind() {
    return buildKind;
  }

  /** The base image reference as declared. */
  public String baseImageReference() {
    return baseImage;
  }

  /** The parsed base image; valid once the app is part of a built {@link Stack}. */
  public ImageRef baseImage() {
    return ImageRef.parse(baseImage);
  }

  @Override
  public int containerPort() {
    return containerPort;
  }

  @Override
  public Optional<Integer> hostPort() {
    return Optional.of(hostPort == null ? containerPort : hostPort);
  }

  public String source() {
    return source;
  }

  /** The start command; for a JVM app without one, {@code java -jar /app/app.jar}. */
  public List<String> command() {
    if (command.isEmpty() && buildKind == BuildKind.JVM_JAR) {
      return List.of("java", "-jar", "/app/app.jar");
    }
    return command;
  }

  public Optional<String> jar() {
    return Optional.ofNullable(jar);
  }

  public String user() {
    return user;
  }

  @Override
  public List<String> dependsOn() {
    return dependsOn;
  }

  /** The image repository remote environments pull; defaults to {@code <stack>-<app>}. */
  public Optional<String> imageRepository() {
    return Optional.ofNullable(imageRepository);
  }

  public Optional<String> healthPath() {
    return Optional.ofNullable(healthPath);
  }

  @Override
  public String kindLabel() {
    return buildKind.label();
  }

  @Override
  public String toString() {
    return "App[" + name + ", " + buildKind + ", " + baseImage + "]";
  }
}
