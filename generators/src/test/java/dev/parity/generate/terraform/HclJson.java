package dev.parity.generate.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HashiCorp's HCL parser in the loop: writes files, parses them all with one
 * {@code hcl-check --json-only} run and returns what the parser read.
 */
final class HclJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HclJson() {
  }

  /** Writes {@code files} under {@code dir} and parses them; the result is keyed by relative path. */
  static JsonNode parse(Path dir, List<GeneratedFile> files) {
    List<String> command = new ArrayList<>(List.of("hcl-check", "--json-only"));
    try {
      for (GeneratedFile file : files) {
        Path target = dir.resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.write(target, file.bytes());
        command.add(file.path());
      }
      String output = RealTool.assertAccepts(dir, command.toArray(String[]::new));
      return JSON.readTree(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code files} keyed by path, then parses them. */
  static JsonNode parse(Path dir, Map<String, String> files) {
    return parse(dir, files.entrySet().stream().map(e -> GeneratedFile.of(e.getKey(), e.getValue())).toList());
  }

  /**
   * The value of a literal string as the parser read it. The parser reports strings in
   * Terraform's JSON syntax, where a literal {@code ${} or {@code %{} is written doubled;
   * an unescaped one would be an interpolation that the generated file must never contain.
   */
  static String literal(JsonNode node) {
    String text = node.textValue();
    if (text == null) {
      throw new AssertionError("expected a string, got " + node);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '$' || c == '%') && i + 2 < text.length() && text.charAt(i + 1) == c && text.charAt(i + 2) == '{') {
        out.append(c).append('{');
        i += 2;
      } else if ((c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        throw new AssertionError("the parser read an interpolation in " + node);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
