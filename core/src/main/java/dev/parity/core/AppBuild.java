package dev.parity.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an {@link App}'s image is built and started: the Dockerfile kind, its images, source folder,
 * stages, build arguments, command and user. Immutable; each {@code with…} returns a changed copy.
 * {@link App} documents each option; this class only keeps them, so that {@code App} stays the
 * DSL a reader sees and the build settings live in one place.
 */
final class AppBuild {

  private BuildKind kind;
  private final String baseImage;
  private String buildImage;
  private String source = ".";
  private List<String> command;
  private String jar;
  private String user;
  private String dockerfile = "Dockerfile";
  private String target;
  private String localTarget;
  private Map<String, String> buildArgs = Map.of();
  private List<String> developmentCommand;

  AppBuild(BuildKind kind, String baseImage, List<String> command, String user) {
    this.kind = kind;
    this.baseImage = baseImage;
    this.command = command;
    this.user = user;
  }

  private AppBuild copy() {
    AppBuild c = new AppBuild(kind, baseImage, command, user);
    c.buildImage = buildImage;
    c.source = source;
    c.jar = jar;
    c.dockerfile = dockerfile;
    c.target = target;
    c.localTarget = localTarget;
    c.buildArgs = buildArgs;
    c.developmentCommand = developmentCommand;
    return c;
  }

  AppBuild withSource(String folder) {
    AppBuild c = copy();
    c.source = folder;
    return c;
  }

  AppBuild withCommand(List<String> commandLine) {
    AppBuild c = copy();
    c.command = List.copyOf(commandLine);
    return c;
  }

  AppBuild withJar(String path) {
    AppBuild c = copy();
    c.jar = path;
    return c;
  }

  /** A JVM app built from its jar becomes one built by Maven on {@code jdkImage}. */
  AppBuild withMavenBuild(String jdkImage) {
    AppBuild c = copy();
    if (kind == BuildKind.JVM_JAR) {
      c.kind = BuildKind.JVM_MAVEN;
    }
    c.buildImage = jdkImage;
    return c;
  }

  AppBuild withUser(String runAs) {
    AppBuild c = copy();
    c.user = runAs;
    return c;
  }

  AppBuild withDockerfile(String path) {
    AppBuild c = copy();
    c.dockerfile = path;
    return c;
  }

  AppBuild withTarget(String stage) {
    AppBuild c = copy();
    c.target = stage;
    return c;
  }

  AppBuild withLocalTarget(String stage) {
    AppBuild c = copy();
    c.localTarget = stage;
    return c;
  }

  AppBuild withBuildArg(String name, String value) {
    AppBuild c = copy();
    c.buildArgs = Ordered.with(buildArgs, name, value);
    return c;
  }

  AppBuild withDevelopmentCommand(List<String> commandLine) {
    AppBuild c = copy();
    c.developmentCommand = List.copyOf(commandLine);
    return c;
  }

  BuildKind kind() {
    return kind;
  }

  Optional<String> baseImage() {
    return Optional.ofNullable(baseImage);
  }

  Optional<String> buildImage() {
    return Optional.ofNullable(buildImage);
  }

  String source() {
    return source;
  }

  List<String> command() {
    if (command.isEmpty() && (kind == BuildKind.JVM_JAR || kind == BuildKind.JVM_MAVEN)) {
      return List.of("java", "-jar", "/app/app.jar");
    }
    return command;
  }

  Optional<String> jar() {
    return Optional.ofNullable(jar);
  }

  Optional<String> user() {
    return Optional.ofNullable(user);
  }

  String dockerfile() {
    return dockerfile;
  }

  Optional<String> target() {
    return Optional.ofNullable(target);
  }

  Optional<String> localTarget() {
    return Optional.ofNullable(localTarget).or(() -> developmentCommand != null ? Optional.of("development") : target());
  }

  boolean declaresLocalTarget() {
    return localTarget != null;
  }

  Map<String, String> buildArgs() {
    return buildArgs;
  }

  Optional<List<String>> developmentCommand() {
    return Optional.ofNullable(developmentCommand);
  }

  @Override
  public String toString() {
    return kind + ", " + (baseImage == null ? dockerfile : baseImage);
  }
}
