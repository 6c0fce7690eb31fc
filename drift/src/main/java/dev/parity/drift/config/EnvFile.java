package dev.parity.drift.config;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads an env file exactly as Docker Compose reads a service's {@code env_file} (compose-go's
 * dotenv rules): {@code #} comments, {@code export}, single quotes literal, double quotes with
 * escapes, values over several lines, CRLF line ends, a UTF-8 byte-order mark, and
 * {@code ${VAR}}, {@code ${VAR:-default}} and {@code $VAR} interpolated. The rules, and where
 * docker-compose 1.29 reads differently, are in {@code docs/drift.md}.
 */
public final class EnvFile {

  private EnvFile() {
  }

  /**
   * The variables of {@code file}, in order, with references resolved against the process
   * environment first and the entries above them second, as Compose resolves them.
   *
   * @throws ParityException naming the file and line when it cannot be read or Compose would refuse it
   */
  public static Map<String, String> read(Path file) {
    return read(file, System.getenv());
  }

  /**
   * The variables of {@code file}, with references resolved against {@code environment} first.
   *
   * @throws ParityException naming the file and line when it cannot be read or Compose would refuse it
   */
  public static Map<String, String> read(Path file, Map<String, String> environment) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.USAGE, "cannot read env file '" + file + "': " + e.getMessage()
          + "; pass an existing UTF-8 file to --from-env-file", e);
    }
    try {
      return parse(text, environment);
    } catch (DotEnv.SyntaxError e) {
      // The line itself is not shown: it may hold a secret.
      throw new ParityException(ErrorCode.USAGE, "env file '" + file + "' line " + e.line + ": " + e.getMessage()
          + "; Docker Compose would refuse it too");
    }
  }

  /** The variables of an env file's text; see {@link #read(Path, Map)}. */
  static Map<String, String> parse(String text, Map<String, String> environment) {
    return DotEnv.parse(text, environment);
  }
}
