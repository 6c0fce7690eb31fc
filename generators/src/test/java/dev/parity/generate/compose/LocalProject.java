package dev.parity.generate.compose;

import dev.parity.core.BuildKind;
import dev.parity.core.Mount;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.DeployTree;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.dockerfile.DockerfileGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A project on disk as a team has it: the spec's folder with the apps' sources, the deploy tree
 * under {@code deploy/}, so that the real tools find every build context.
 */
final class LocalProject {

  /** yamllint's own default configuration, nothing relaxed. */
  static final String YAMLLINT_CONFIG = "default";

  private LocalProject() {
  }

  /** Writes the Dockerfiles and the local stack of {@code stack} under {@code root}; returns the compose file. */
  static Path write(Path root, Stack stack) {
    try {
      for (var app : stack.apps()) {
        Path source = root.resolve(app.source());
        Files.createDirectories(source);
        Files.writeString(source.resolve("package.json"), "{\"name\": \"" + app.name() + "\", \"private\": true}\n");
        Files.writeString(source.resolve("package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": {}}\n");
        Files.writeString(source.resolve("server.js"), "require('http').createServer((q, s) => s.end('ok')).listen(3000);\n");
        if (app.buildKind() == BuildKind.DOCKERFILE) {
          Path dockerfile = source.resolve(app.dockerfilePath());
          Files.createDirectories(dockerfile.getParent());
          Files.writeString(dockerfile, "FROM debian:bookworm-slim AS dev\n");
        }
      }
      for (Service service : stack.migratedDatabases()) {
        // the migrations image's build context
        Files.createDirectories(root.resolve(((dev.parity.core.Database) service).migrations().orElseThrow()));
      }
      for (Service service : stack.services()) {
        for (Mount mount : service.options().mounts()) {
          if (!mount.isVolume()) {
            bindSource(root.resolve(mount.source()));
          }
        }
      }
      DeployTree tree = DeployTree.render(Fixtures.context(stack), List.of(new DockerfileGenerator(), new ComposeGenerator(),
          new dev.parity.generate.flyway.FlywayGenerator()));
      for (GeneratedFile file : tree.files()) {
        Path target = root.resolve("deploy").resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content());
      }
      return root.resolve("deploy/local/docker-compose.yml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bind mount's source as the spec's folder holds it: a file when its name has an extension, else a folder. */
  private static void bindSource(Path source) throws IOException {
    if (source.getFileName().toString().contains(".")) {
      Files.createDirectories(source.getParent());
      Files.writeString(source, "# " + source.getFileName() + "\n");
    } else {
      Files.createDirectories(source);
    }
  }
}
