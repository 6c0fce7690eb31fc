package dev.parity.generate.docs;

/**
 * One Markdown table cell: free text, then an optional code span, then more free text. The
 * template escapes the text parts with {@code md} and the code part with {@code code}.
 */
public record Cell(String text, String code, String after) {

  /** A cell of free text. */
  static Cell text(String text) {
    return new Cell(text, "", "");
  }

  /** A cell that is one code span, such as a name, an image or a value. */
  static Cell code(String code) {
    return new Cell("", code, "");
  }

  /** Free text, a code span, free text. */
  static Cell of(String text, String code, String after) {
    return new Cell(text, code, after);
  }

  /** The cell shown when there is nothing to show. */
  static Cell none() {
    return text("—");
  }
}
