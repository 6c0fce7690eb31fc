package dev.parity.generate.docs;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Mermaid label syntax: a label is always quoted, and everything but letters, digits, spaces and
 * {@code .:,/_-()} is written as a Mermaid entity code ({@code #35;} for {@code #}), so that no
 * quote, square or curly bracket, pipe, backtick, line break or {@code %%} from a spec can end a
 * label, a node, an edge or the Markdown code fence around the diagram.
 */
final class Mermaid {

  private Mermaid() {
  }

  /** One quoted label of {@code lines}, separated by Mermaid line breaks. */
  static String label(String... lines) {
    return label(List.of(lines));
  }

  /** One quoted label of {@code lines}, separated by Mermaid line breaks. */
  static String label(List<String> lines) {
    return lines.stream().map(Mermaid::text).collect(Collectors.joining("<br>", "\"", "\""));
  }

  /** {@code text} with every character but the plain ones as an entity code. */
  static String text(String text) {
    StringBuilder s = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) && c < 128 || " .:,/_-()".indexOf(c) >= 0) {
        s.appendCodePoint(c);
      } else {
        s.append('#').append(c).append(';');
      }
    });
    return s.toString();
  }
}
