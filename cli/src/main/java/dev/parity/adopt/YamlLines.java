package dev.parity.adopt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every node of a YAML document, by JSON Pointer ({@code /services/db/image}), read
 * from the parser's token locations: a key's line for a mapping entry, an item's line for a list item.
 */
final class YamlLines {

  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  static YamlLines of(String yaml) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          if (token == JsonToken.FIELD_NAME) {
            lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                parser.currentTokenLocation().getLineNr());
          }
          continue;
        }
        lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
            parser.currentTokenLocation().getLineNr());
      }
    }
    return new YamlLines(lines);
  }

  /** No lines: for a document the line reader cannot follow; every node is on line 1. */
  static YamlLines none() {
    return new YamlLines(Map.of());
  }

  /** Whether this document has a node at {@code pointer} itself. */
  boolean has(String pointer) {
    return lines.containsKey(pointer);
  }

  /** The line of {@code pointer}, or of its nearest parent that has one; 1 when none has. */
  int line(String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return 1;
  }
}
