package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The env files {@code parity up} wrote for an environment, listed in {@code .parity/<env>.env-files}
 * so that {@code parity down} removes exactly those (also one written with {@code --env-file}).
 */
final class WrittenEnvFiles {

  private WrittenEnvFiles() {
  }

  private static Path list(Path projectFolder, String environment) {
    return projectFolder.resolve(".parity").resolve(environment + ".env-files");
  }

  /** Adds {@code file} to the environment's list. */
  static void record(Path projectFolder, String environment, Path file) {
    Path list = list(projectFolder, environment);
    try {
      Files.createDirectories(list.getParent());
      Set<String> files = new LinkedHashSet<>(Files.exists(list) ? Files.readAllLines(list) : List.of());
      files.add(file.toAbsolutePath().normalize().toString());
      Files.write(list, files, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot record env file in '" + list + "': " + e.getMessage(), e);
    }
  }

  /** Deletes every env file recorded for the environment, and the list; returns the files that went. */
  static List<Path> remove(Path projectFolder, String environment) {
    Path list = list(projectFolder, environment);
    List<Path> removed = new ArrayList<>();
    try {
      if (!Files.exists(list)) {
        return removed;
      }
      for (String line : Files.readAllLines(list)) {
        Path file = Path.of(line);
        if (!line.isBlank() && Files.deleteIfExists(file)) {
          removed.add(file);
        }
      }
      Files.delete(list);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot remove the env files listed in '" + list + "': " + e.getMessage(), e);
    }
    return removed;
  }
}
