package dev.parity.pins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** Reading and writing the small JSON files of this package: parsed as trees, written sorted and indented. */
final class PinFiles {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PinFiles() {
  }

  /** The parsed file; exit code 2 naming the file, the parser's location and the fix when it is not JSON. */
  static JsonNode read(Path file, String fix) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage());
    }
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw invalid(file, List.of("is not a JSON object; fix: " + fix));
      }
      return root;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw invalid(file, List.of("is not valid JSON" + where + " (" + e.getOriginalMessage() + "); fix: " + fix));
    }
  }

  /** Exit code 2: every problem of {@code file}, one line each. */
  static ParityException invalid(Path file, List<String> problems) {
    return new ParityException(ErrorCode.INVALID_FILE, problems.stream().map(p -> file + ": " + p)
        .collect(Collectors.joining("\n")));
  }

  /** Writes {@code root} (maps and lists) as indented JSON with a final newline, atomically. */
  static void write(Path file, Object root) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path staging = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(staging, render(root), StandardCharsets.UTF_8);
      Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage());
    }
  }

  static String render(Object root) {
    try {
      return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps and lists of strings always serialize", e);
    }
  }
}
