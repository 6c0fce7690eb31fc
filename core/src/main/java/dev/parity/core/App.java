package dev.parity.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An application built from source into one image that every environment runs: the image is
 * built once and promoted from environment to environment. Parity generates its Dockerfile
 * ({@link #node}, {@link #jvm}, {@link #mavenBuild}) or builds the team's own ({@link #dockerfile}).
 *
 * <pre>{@code
 * App.node("web", "node:20.11.0-alpine3.19").port(3000).start("node", "server.js")
 *     .uses("DB_HOST", "DB_PASSWORD").dependsOn("db");
 * App.jvm("api", "eclipse-temurin:17.0.9_9-jre").mavenBuild("eclipse-temurin:17.0.9_9-jdk").port(8080);
 * App.dockerfile("frontend").source("frontend").target("production").localTarget("development")
 *     .buildArg("NODE_ENV", "production");
 * }</pre>
 *
 * <p>An app receives only the config keys it {@linkplain #uses uses}, in compose, in Terraform
 * ({@code app_environment}/{@code app_secrets}) and in the env file {@code parity up} writes.
 * Instances are immutable; every method returns a changed copy.
 */
public final class App implements Service {

  /** The numeric user JVM images run as; numeric so that it needs no user database in the image. */
  static final String JVM_DEFAULT_USER = "10001:10001";

  private final String name;
  private AppBuild build;
  private int containerPort;
  private Integer hostPort;
  private List<String> dependsOn = List.of();
  private String imageRepository;
  private String healthPath;
  private List<String> uses = List.of();
  private int localReplicas = 1;
  private Contract contract;
  private ServiceOptions options = ServiceOptions.none();

  private App(String name, AppBuild build, int containerPort) {
    this.name = name;
    this.build = build;
    this.containerPort = containerPort;
  }

  /**
   * A Node.js app: the generated Dockerfile copies {@code package.json} and
   * {@code package-lock.json} (or {@code npm-shrinkwrap.json}) before the sources, installs with
   * {@code npm ci --omit=dev} and runs as the image's {@code node} user. Port 3000, command
   * {@code node server.js} unless declared.
   *
   * @param baseImage an exactly pinned Node.js image, for example {@code node:20.11.0-alpine3.19}
   */
  public static App node(String name, String baseImage) {
    return new App(name, new AppBuild(BuildKind.NODE_NPM, baseImage, List.of("node", "server.js"), "node"), 3000);
  }

  /**
   * A JVM app run from a runnable jar that the build produced before {@code docker build}
   * ({@link #jar}), or built from source with {@link #mavenBuild}. Port 8080, user
   * {@code 10001:10001}, command {@code java -jar /app/app.jar} unless declared.
   *
   * @param baseImage an exactly pinned JRE image, for example {@code eclipse-temurin:17.0.9_9-jre}
   */
  public static App jvm(String name, String baseImage) {
    return new App(name, new AppBuild(BuildKind.JVM_JAR, baseImage, List.of(), JVM_DEFAULT_USER), 8080);
  }

  /**
   * An app built from the team's own Dockerfile ({@code Dockerfile} in the {@linkplain #source
   * source folder} unless {@link #dockerfile(String)} says otherwise). Parity generates no
   * Dockerfile for it; its {@code FROM} lines must pin exact versions. Port 8080 unless declared;
   * user and command as the Dockerfile says.
   */
  public static App dockerfile(String name) {
    return new App(name, new AppBuild(BuildKind.DOCKERFILE, null, List.of(), null), 8080);
  }

  /** The port the app listens on in its container ({@code EXPOSE}); also published locally. */
  public App port(int port) {
    App c = copy();
    c.containerPort = port;
    return c;
  }

  /** Publishes the app locally on 127.0.0.1:{@code port} instead of its container port. */
  public App hostPort(int port) {
    App c = copy();
    c.hostPort = port;
    return c;
  }

  /** The folder with the app's sources (the Docker build context), relative to the spec's folder; {@code .} by default. */
  public App source(String folder) {
    return withBuild(build.withSource(folder));
  }

  /** The command that starts the app ({@code CMD} in exec form, compose {@code command}), for example {@code "node", "server.js"}. */
  public App start(String... commandLine) {
    return withBuild(build.withCommand(List.of(commandLine)));
  }

  /** The runnable jar, relative to {@link #source(String)}, for a JVM app built beforehand. */
  public App jar(String path) {
    return withBuild(build.withJar(path));
  }

  /**
   * Builds a JVM app from source: a first stage on {@code jdkImage} (an exactly pinned JDK such as
   * {@code eclipse-temurin:17.0.9_9-jdk}) runs {@code ./mvnw -B package -DskipTests}, the run stage
   * copies the jar onto the app's JRE image. Needs {@code mvnw}, {@code .mvn/wrapper} and
   * {@code pom.xml} in the source folder.
   */
  public App mavenBuild(String jdkImage) {
    return withBuild(build.withMavenBuild(jdkImage));
  }

  /** The non-root user the container runs as ({@code USER}). */
  public App user(String runAs) {
    return withBuild(build.withUser(runAs));
  }

  /** Services that must be healthy before the app starts (compose {@code depends_on}). */
  public App dependsOn(String... services) {
    App c = copy();
    c.dependsOn = List.of(services);
    return c;
  }

  /**
   * The repository the built image is pushed to, for example {@code ghcr.io/acme/shop-web}; remote
   * environments run it at the tag built once for all of them.
   */
  public App imageRepository(String repository) {
    App c = copy();
    c.imageRepository = repository;
    return c;
  }

  /** An HTTP path that answers 2xx when the app is healthy, for example {@code /health}. */
  public App healthPath(String path) {
    App c = copy();
    c.healthPath = path;
    return c;
  }

  /** The team's Dockerfile, relative to the source folder, for {@link #dockerfile(String) an own-Dockerfile app}. */
  public App dockerfilePath(String path) {
    return withBuild(build.withDockerfile(path));
  }

  /**
   * The build stage every environment runs (compose {@code build.target}, {@code docker build
   * --target}); the last stage by default.
   */
  public App target(String stage) {
    return withBuild(build.withTarget(stage));
  }

  /**
   * The build stage the local stack runs instead of {@link #target}, for example a development
   * stage with devDependencies and a watcher. Remote environments still run {@link #target}.
   */
  public App localTarget(String stage) {
    return withBuild(build.withLocalTarget(stage));
  }

  /** A build argument (compose {@code build.args}, {@code docker build --build-arg}); never a secret. */
  public App buildArg(String name, String value) {
    return withBuild(build.withBuildArg(name, value));
  }

  /**
   * Locally, a Node.js app runs the generated Dockerfile's {@code development} stage (every
   * dependency, devDependencies included) with this command, for example {@code "npm", "run",
   * "dev"}, and its source folder bind-mounted over {@code /app} so that a watcher sees edits.
   * Remote environments run the {@code production} stage of the same Dockerfile.
   */
  public App developmentCommand(String... commandLine) {
    return withBuild(build.withDevelopmentCommand(List.of(commandLine)));
  }

  /**
   * The config keys the app reads, declared in the stack's schema: the app receives these and no
   * others, and a secret reaches only the apps that use it.
   */
  public App uses(String... keys) {
    App c = copy();
    c.uses = Ordered.append(uses, keys);
    return c;
  }

  /**
   * How many containers of the app the local stack runs (compose {@code deploy.replicas}); 1 by
   * default. Replicas publish no host port: a proxy service reaches them by the app's name.
   */
  public App localReplicas(int count) {
    App c = copy();
    c.localReplicas = count;
    return c;
  }

  /**
   * The app's own config contract ({@link Contract}), checked against every environment before
   * anything is written: every required property has a value, every key it uses is one it reads.
   */
  public App contract(Contract declared) {
    App c = copy();
    c.contract = Objects.requireNonNull(declared, "contract");
    return c;
  }

  /** Further runtime options: ports, mounts, secret files, restart policy, networks, … */
  public App options(UnaryOperator<ServiceOptions> change) {
    App c = copy();
    c.options = change.apply(options);
    return c;
  }

  private App withBuild(AppBuild changed) {
    App c = copy();
    c.build = changed;
    return c;
  }

  private App copy() {
    App c = new App(name, build, containerPort);
    c.hostPort = hostPort;
    c.dependsOn = dependsOn;
    c.imageRepository = imageRepository;
    c.healthPath = healthPath;
    c.uses = uses;
    c.localReplicas = localReplicas;
    c.contract = contract;
    c.options = options;
    return c;
  }

  @Override
  public String name() {
    return name;
  }

  public BuildKind buildKind() {
    return build.kind();
  }

  /** The base (run stage) image reference as declared; empty for an own-Dockerfile app. */
  public Optional<String> baseImageReference() {
    return build.baseImage();
  }

  /** The parsed base image; valid once the app is part of a built {@link Stack}. */
  public Optional<ImageRef> baseImage() {
    return baseImageReference().map(ImageRef::parse);
  }

  /** The JDK image of the Maven build stage, for {@link BuildKind#JVM_MAVEN}. */
  public Optional<String> buildImageReference() {
    return build.buildImage();
  }

  @Override
  public int containerPort() {
    return containerPort;
  }

  /** The published port: the declared host port, else the container port; none with several local replicas. */
  @Override
  public Optional<Integer> hostPort() {
    return Optional.ofNullable(hostPort).or(() -> localReplicas > 1 ? Optional.empty() : Optional.of(containerPort));
  }

  /** Whether {@link #hostPort(int)} was declared, for validation. */
  boolean declaresHostPort() {
    return hostPort != null;
  }

  public String source() {
    return build.source();
  }

  /** The start command; for a JVM app without one, {@code java -jar /app/app.jar}; empty means the Dockerfile's {@code CMD}. */
  public List<String> command() {
    return build.command();
  }

  public Optional<String> jar() {
    return build.jar();
  }

  /** The user of the generated Dockerfile's {@code USER}; empty for an own Dockerfile unless declared. */
  public Optional<String> user() {
    return build.user();
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

  /** The Dockerfile relative to the source folder, for {@link BuildKind#DOCKERFILE}; {@code Dockerfile} by default. */
  public String dockerfilePath() {
    return build.dockerfile();
  }

  /** The build stage remote environments run. */
  public Optional<String> target() {
    return build.target();
  }

  /**
   * The build stage the local stack runs: {@link #localTarget(String)}, else {@code development}
   * with a {@link #developmentCommand}, else {@link #target()}.
   */
  public Optional<String> localTarget() {
    return build.localTarget();
  }

  /** Whether {@link #localTarget(String)} was declared, for validation. */
  boolean declaresLocalTarget() {
    return build.declaresLocalTarget();
  }

  /** Build arguments, in declaration order. */
  public Map<String, String> buildArgs() {
    return build.buildArgs();
  }

  /** The local development command of a Node.js app, if declared. */
  public Optional<List<String>> developmentCommand() {
    return build.developmentCommand();
  }

  /** The config keys the app reads, in declaration order. */
  public List<String> uses() {
    return uses;
  }

  /** The app's declared config contract, if any. */
  public Optional<Contract> contract() {
    return Optional.ofNullable(contract);
  }

  public int localReplicas() {
    return localReplicas;
  }

  @Override
  public ServiceOptions options() {
    return options;
  }

  @Override
  public String kindLabel() {
    return build.kind().label();
  }

  @Override
  public String toString() {
    return "App[" + name + ", " + build + "]";
  }
}
