package dev.parity.runtime.internal;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Writes the app's config as an env file that a shell can source ({@code set -a; . local.env})
 * and that tools reading {@code KEY=value} lines understand. A file that holds secrets is readable
 * by its owner only (0600), from the moment it exists.
 */
public final class EnvFile {

  private EnvFile() {
  }

  /**
   * Variables every JVM reads at launch. The app's container gets them as declared; a shell that
   * sources the env file would hand them to every JVM it starts (Maven, the IDE, the tests), so the
   * file shows them as comments only.
   */
  static final Set<String> JVM_LAUNCHER_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  /**
   * The file's text: a comment, then one {@code KEY=value} line per key, values quoted when needed;
   * a {@link #JVM_LAUNCHER_VARIABLES JVM launcher variable} as a comment, so the file holds the app's
   * config and nothing that changes the shell's other programs.
   */
  public static String render(String header, Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    values.forEach((key, value) -> {
      if (JVM_LAUNCHER_VARIABLES.contains(key)) {
        text.append("# ").append(key).append('=').append(quote(value))
            .append("  (the app's container gets it; not set here, since every JVM of a shell that sources this"
                + " file would pick it up)\n");
      } else {
        text.append(key).append('=').append(quote(value)).append('\n');
      }
    });
    return text.toString();
  }

  /** {@code value} as a shell word: bare when safe, else in single quotes. */
  static String quote(String value) {
    if (value.matches("[A-Za-z0-9_./:@%+,=-]*")) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Writes {@code text} to {@code file}, atomically, with mode 0600 when {@code secret}. */
  public static void write(Path file, String text, boolean secret) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path staged = folder.resolve("." + file.getFileName() + ".tmp");
      Files.deleteIfExists(staged);
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (posix) {
        Files.createFile(staged, PosixFilePermissions.asFileAttribute(secret
            ? PosixFilePermissions.fromString("rw-------") : PosixFilePermissions.fromString("rw-r--r--")));
      }
      Files.writeString(staged, text, StandardCharsets.UTF_8);
      Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (posix && secret) {
        Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot write the env file '" + file + "': " + e.getMessage(), e);
    }
  }
}
