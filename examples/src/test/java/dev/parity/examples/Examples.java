package dev.parity.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The bundled examples: each folder holds its spec, its sources and its committed deploy tree. */
final class Examples {

  /** The examples module's folder; Maven runs tests from it. */
  static final Path ROOT = Path.of("").toAbsolutePath();

  private Examples() {
  }

  /** Example folder name and spec file name. */
  record Example(String folder, String specFile) {
    Path dir() {
      return ROOT.resolve(folder);
    }

    Path spec() {
      return dir().resolve(specFile);
    }

    Path deploy() {
      return dir().resolve("deploy");
    }

    @Override
    public String toString() {
      return folder;
    }
  }

  static List<Example> all() {
    return List.of(new Example("node-postgres-redis", "NodePostgresRedis.java"),
        new Example("java-service", "JavaService.java"));
  }

  /** Every regular file under {@code root}, by path relative to it, with its content. */
  static Map<String, String> files(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Copies an example, without its deploy tree, into {@code target}. */
  static void copyWithoutTree(Example example, Path target) {
    try (Stream<Path> walk = Files.walk(example.dir())) {
      for (Path source : walk.toList()) {
        Path relative = example.dir().relativize(source);
        if (relative.startsWith("deploy")) {
          continue;
        }
        Path destination = target.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
