package dev.parity.drift.config;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code .env} file: {@code KEY=value} lines, {@code #} comments, optional {@code export} and quotes. */
public final class EnvFile {

  private EnvFile() {
  }

  /**
   * The variables of {@code file}, in order.
   *
   * @throws ParityException naming the file and line when it cannot be read or a line is not {@code KEY=value}
   */
  public static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.USAGE, "cannot read env file '" + file + "': " + e.getMessage()
          + "; pass an existing file to --from-env-file", e);
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        // The line is not shown: it may hold a secret.
        throw new ParityException(ErrorCode.USAGE, "env file '" + file + "' line " + (i + 1)
            + " is not KEY=value; fix or remove that line");
      }
      variables.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
    }
    return variables;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    int comment = value.indexOf(" #");
    return comment < 0 ? value : value.substring(0, comment).strip();
  }
}
