package dev.parity.runtime.internal;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Templates;
import dev.parity.generate.dockerfile.DockerfileGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds an app's image from the Dockerfile the generator renders, or from the team's own, with the
 * app's source folder as the build context, exactly as {@code docker compose build} does with the
 * generated tree.
 */
final class AppImages {

  /** Where the generated Dockerfile sits inside the build context sent to Docker. */
  static final String DOCKERFILE = ".parity-build/Dockerfile";
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules");

  private AppImages() {
  }

  /** The tag a local build gets, {@link Stack#localImage}: the compose file's name for it too. */
  static ImageRef tagOf(Stack stack, App app) {
    return ImageRef.parse(stack.localImage(app));
  }

  /** The generated Dockerfile of {@code app}. */
  static String dockerfile(Stack stack, App app) {
    GenerationContext context = new GenerationContext(stack, stack.name(), "..", "deploy", Templates.builtIn());
    return new DockerfileGenerator().generate(context).stream()
        .filter(f -> f.path().equals(app.name() + "/Dockerfile")).map(GeneratedFile::content).findFirst().orElseThrow();
  }

  /** The stage the local stack builds: the app's local target, else its target, else none (the last stage). */
  static java.util.Optional<String> target(App app) {
    return app.localTarget();
  }

  /**
   * Builds {@code app} and tags it {@link #tagOf}; returns the tag. The build context is the app's
   * source folder; the Dockerfile is the generated one, or for {@link BuildKind#DOCKERFILE} the
   * team's own at {@link App#dockerfilePath()}; target stage and build args as declared.
   */
  static ImageRef build(DockerOps docker, Stack stack, App app, Path projectFolder, Map<String, String> labels) {
    Path context = projectFolder.resolve(app.source()).toAbsolutePath().normalize();
    if (!Files.isDirectory(context)) {
      throw new ParityException(ErrorCode.USAGE, "source folder '" + context + "' of app '" + app.name()
          + "' does not exist; fix .source(...) in the spec");
    }
    app.jar().ifPresent(jar -> {
      if (!Files.isRegularFile(context.resolve(jar))) {
        throw new ParityException(ErrorCode.USAGE, "jar '" + context.resolve(jar) + "' of app '" + app.name()
            + "' does not exist; build it first (for example `mvn package`), then start the stack again");
      }
    });
    boolean own = app.buildKind() == BuildKind.DOCKERFILE;
    String dockerfilePath = own ? ownDockerfile(app, context) : DOCKERFILE;
    ImageRef tag = tagOf(stack, app);
    Path tar = null;
    try {
      tar = Files.createTempFile("parity-build-", ".tar");
      writeContext(context, own ? null : dockerfile(stack, app), tar);
      try (InputStream in = Files.newInputStream(tar)) {
        BuildImageCmd build = docker.client().buildImageCmd(in).withDockerfilePath(dockerfilePath)
            .withTags(Set.of(tag.toString())).withLabels(labels).withPull(false).withRemove(true)
            .withForcerm(true); // a failed step's container too, never left exited on the engine
        target(app).ifPresent(build::withTarget);
        app.buildArgs().forEach(build::withBuildArg);
        build.exec(new BuildImageResultCallback()).awaitImageId();
      }
      return tag;
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot pack the build context of app '" + app.name() + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      String stage = target(app).map(t -> " (target stage '" + t + "')").orElse("");
      throw new ParityException(ErrorCode.RUNTIME, "building app '" + app.name() + "' from "
          + (own ? "its Dockerfile " + app.source() + "/" + app.dockerfilePath() : "its generated Dockerfile") + stage
          + " failed: " + DockerProbe.firstLine(e) + "\nTry " + (own ? "`docker build -f " + app.source() + "/"
              + app.dockerfilePath() : "`parity generate` and `docker build -f deploy/" + app.name() + "/Dockerfile")
          + target(app).map(t -> " --target " + t).orElse("") + " " + app.source() + "` to see the whole build log.", e);
    } finally {
      if (tar != null) {
        try {
          Files.deleteIfExists(tar);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  /** The team's Dockerfile as a path inside the build context; it must be there. */
  private static String ownDockerfile(App app, Path context) {
    Path file = context.resolve(app.dockerfilePath()).normalize();
    if (!file.startsWith(context) || !Files.isRegularFile(file)) {
      throw new ParityException(ErrorCode.USAGE, "Dockerfile '" + file + "' of app '" + app.name() + "' does not exist"
          + (file.startsWith(context) ? "" : " inside its source folder '" + context + "'")
          + "; fix .dockerfilePath(...) (relative to the source folder) or .source(...) in the spec");
    }
    return context.relativize(file).toString().replace('\\', '/');
  }

  private static void writeContext(Path context, String dockerfile, Path tar) throws IOException {
    try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
      archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      archive.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(context)) {
        files = walk.filter(Files::isRegularFile)
            .filter(p -> SKIPPED.stream().noneMatch(s -> context.relativize(p).startsWith(s)))
            .sorted().toList();
      }
      for (Path file : files) {
        TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), context.relativize(file).toString().replace('\\', '/'));
        archive.putArchiveEntry(entry);
        Files.copy(file, archive);
        archive.closeArchiveEntry();
      }
      if (dockerfile == null) {
        archive.finish();
        return;
      }
      byte[] bytes = dockerfile.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry(DOCKERFILE);
      entry.setSize(bytes.length);
      archive.putArchiveEntry(entry);
      archive.write(bytes);
      archive.closeArchiveEntry();
      archive.finish();
    }
  }
}
