package dev.parity.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks the files a valid {@link Stack} refers to, before anything is generated or started: the
 * apps' source folders and what their build needs, the migrations and the bind-mounted files.
 * Paths are relative to the spec's folder, as the DSL declares them.
 *
 * <pre>{@code
 * List<Problem> problems = SpecFiles.check(stack, Path.of("."));
 * if (!problems.isEmpty()) {
 *   throw new InvalidSpecException(stack.name(), problems);
 * }
 * }</pre>
 *
 * <p>What is checked, one {@link Problem} per mistake, naming the service, the path and the fix:
 * <ul>
 *   <li>every app's source folder is a folder;</li>
 *   <li>Node.js: {@code package.json} and {@code package-lock.json} or {@code npm-shrinkwrap.json}
 *       ({@code npm ci} needs the lock file);</li>
 *   <li>JVM built with Maven: {@code pom.xml}, {@code mvnw} and
 *       {@code .mvn/wrapper/maven-wrapper.properties};</li>
 *   <li>JVM from a jar: the jar, by {@link #checkForBuild} only — it is a build output that exists
 *       after {@code mvn package}, not before {@code parity generate};</li>
 *   <li>own Dockerfile: the Dockerfile, every image its {@code FROM} lines build on exactly pinned,
 *       and the declared target stages among its stages;</li>
 *   <li>every migrations folder is a folder, and each {@code .sql} file in it follows Flyway's
 *       naming (versioned {@code V1__create_users.sql}, repeatable {@code R__views.sql}, callbacks;
 *       no two with the same version);</li>
 *   <li>every bind-mount source exists.</li>
 * </ul>
 */
public final class SpecFiles {

  private final Stack stack;
  private final Path folder;
  private final boolean build;
  private final ValidationContext context;
  private final DockerfileFroms froms;

  private SpecFiles(Stack stack, Path folder, boolean build) {
    this.stack = stack;
    this.folder = folder.toAbsolutePath().normalize();
    this.build = build;
    this.context = new ValidationContext(stack);
    this.froms = new DockerfileFroms(context, new ImageChecks(context));
  }

  /** The problems with the files {@code stack} refers to, for generating its files; empty when there are none. */
  public static List<Problem> check(Stack stack, Path specFolder) {
    return new SpecFiles(stack, specFolder, false).run();
  }

  /** Like {@link #check}, and also the build outputs an app's image copies (a JVM app's jar), for building images. */
  public static List<Problem> checkForBuild(Stack stack, Path specFolder) {
    return new SpecFiles(stack, specFolder, true).run();
  }

  /**
   * The problems of {@code app}'s own Dockerfile alone, as {@link #check} reports them: the file exists, every
   * image its {@code FROM} lines build on is exactly pinned, the declared target stages are among its stages.
   * For {@code parity init}, which reports them at import time, before the spec is written; other kinds of app
   * have no Dockerfile of their own, and give none.
   */
  public static List<Problem> checkDockerfile(App app, Path specFolder) {
    SpecFiles files = new SpecFiles(null, specFolder, false);
    if (app.buildKind() == BuildKind.DOCKERFILE) {
      files.checkDockerfile("service '" + app.name() + "'", app, join(app.source(), app.dockerfilePath()));
    }
    return files.context.problems();
  }

  private List<Problem> run() {
    for (Service service : stack.services()) {
      String element = "service '" + service.name() + "'";
      if (service instanceof App app) {
        checkApp(element, app);
      }
      if (service instanceof Database db) {
        db.migrations().ifPresent(m -> checkMigrations(element, m));
      }
      service.options().mounts().stream().filter(Mount::isBind).forEach(mount -> {
        if (!Files.exists(resolve(mount.source()))) {
          context.problem(element, "bind mount source '" + mount.source() + "' does not exist (looked for "
              + resolve(mount.source()) + ")", "create it beside the spec, or point Mount.bind(…) at the file or folder to mount");
        }
      });
    }
    return context.problems();
  }

  private Path resolve(String relative) {
    return folder.resolve(relative).normalize();
  }

  private static String join(String folder, String file) {
    return folder.equals(".") ? file : folder.replaceAll("/+$", "") + "/" + file;
  }

  private void checkApp(String element, App app) {
    String source = app.source();
    if (!isFolder(element, "source folder", source, "point .source(…) at the folder that holds the app's sources,"
        + " relative to the spec's folder")) {
      return;
    }
    switch (app.buildKind()) {
      case NODE_NPM -> {
        if (!Files.isRegularFile(resolve(join(source, "package.json")))) {
          context.problem(element, "has no package.json in its source folder '" + source + "'",
              "run `npm init` there, or point .source(…) at the folder that holds package.json");
        } else if (!Files.isRegularFile(resolve(join(source, "package-lock.json")))
            && !Files.isRegularFile(resolve(join(source, "npm-shrinkwrap.json")))) {
          context.problem(element, "has neither package-lock.json nor npm-shrinkwrap.json in '" + source
              + "', and the generated Dockerfile installs with `npm ci`, which needs one",
              "run `npm install` in '" + source + "' and commit package-lock.json");
        }
      }
      case JVM_MAVEN -> {
        if (!Files.isRegularFile(resolve(join(source, "pom.xml")))) {
          context.problem(element, "has no pom.xml in its source folder '" + source + "', which its Maven build needs",
              "point .source(…) at the Maven project's folder");
        }
        List<String> missing = Stream.of("mvnw", ".mvn/wrapper/maven-wrapper.properties")
            .filter(f -> !Files.isRegularFile(resolve(join(source, f)))).toList();
        if (!missing.isEmpty()) {
          context.problem(element, "has no Maven wrapper in '" + source + "' (missing: " + String.join(", ", missing) + ")",
              "run `mvn wrapper:wrapper` in '" + source + "' and commit mvnw and .mvn/wrapper");
        }
      }
      case JVM_JAR -> app.jar().filter(jar -> build && !Files.isRegularFile(resolve(join(source, jar)))).ifPresent(jar ->
          context.problem(element, "jar '" + join(source, jar) + "' does not exist (looked for " + resolve(join(source, jar))
              + ")", "build it first (e.g. `./mvnw package`), or point .jar(…) at the jar the build produces"));
      case DOCKERFILE -> checkDockerfile(element, app, join(source, app.dockerfilePath()));
    }
  }

  private void checkDockerfile(String element, App app, String path) {
    Path file = resolve(path);
    if (!Files.isRegularFile(file)) {
      context.problem(element, "Dockerfile '" + path + "' does not exist (looked for " + file + ")",
          "add the team's Dockerfile there, or point .dockerfilePath(…) at it, relative to the source folder '"
              + app.source() + "'");
      return;
    }
    try {
      froms.check(element, app, path, StandardCharsets.UTF_8.newDecoder().decode(
          java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
    } catch (CharacterCodingException e) {
      context.problem(element, "Dockerfile '" + path + "' is not UTF-8 text", "save it as UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reports {@code relative} unless it is an existing folder; returns whether it is one. */
  private boolean isFolder(String element, String what, String relative, String fix) {
    Path path = resolve(relative);
    if (!Files.exists(path)) {
      context.problem(element, what + " '" + relative + "' does not exist (looked for " + path + ")", "create it, or " + fix);
      return false;
    }
    if (!Files.isDirectory(path)) {
      context.problem(element, what + " '" + relative + "' is a file, not a folder", fix);
      return false;
    }
    return true;
  }

  private void checkMigrations(String element, String relative) {
    if (!isFolder(element, "migrations folder", relative, "point .migrations(…) at the folder of Flyway migrations"
        + " (V1__create_users.sql, …), relative to the spec's folder")) {
      return;
    }
    Path root = resolve(relative);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(p -> MigrationNames.isMigration(p.getFileName().toString()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root, e);
    }
    Map<String, String> versions = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String shown = join(relative, root.relativize(file).toString().replace(java.io.File.separatorChar, '/'));
      MigrationNames.Name parsed = MigrationNames.parse(name);
      switch (parsed.kind()) {
        case INVALID -> context.problem(element, "migration '" + shown + "' does not follow Flyway's naming"
            + " (V<version>__<description>.sql or R__<description>.sql), so Flyway refuses to migrate",
            "rename it, e.g. to " + MigrationNames.suggestion(name) + ", with a version such as 1, 1.1 or 1_1");
        case UNDO -> context.problem(element, "migration '" + shown + "' is an undo migration, which only Flyway Teams runs;"
            + " the community edition Parity runs refuses it", "remove it; to revert a change, add a new versioned migration");
        case VERSIONED -> {
          String first = versions.putIfAbsent(parsed.version(), shown);
          if (first != null) {
            context.problem(element, "migrations '" + first + "' and '" + shown + "' both have version " + parsed.version(),
                "give each versioned migration its own version");
          }
        }
        case OTHER -> {
          // repeatable, baseline or callback: nothing more to check
        }
      }
    }
  }
}
