package dev.parity.adopt;

/**
 * Java source text for values: string literals that hold exactly the value, and comment text that
 * cannot end its comment. Only ASCII is written, so the source compiles under any file encoding.
 *
 * <p>Unicode escapes ({@code \}{@code u000a}) are translated before the compiler sees a literal or a
 * comment (JLS 3.3), so a line break is never written as one: control characters become octal
 * escapes in literals, and a backslash is always doubled, which keeps any {@code u} after it plain.
 * A lone high surrogate ends its literal ({@code "\ud800" + "…"}), the one case where a value is
 * written as two concatenated literals; a comment shows it as {@code ?}.
 */
public final class JavaLiteral {

  private JavaLiteral() {
  }

  /** A string literal holding exactly {@code value}. */
  public static String string(String value) {
    StringBuilder s = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            // Three octal digits, so that a digit after it cannot join the escape.
            s.append('\\').append(String.format("%03o", (int) c));
          } else if (Character.isHighSurrogate(c) && !(i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1)))) {
            // javac takes the characters after a high surrogate's escape as its low half, misreading a
            // backslash there: a lone high surrogate ends its literal, and the value goes on in a second one.
            s.append(String.format("\\u%04x", (int) c)).append("\" + \"");
          } else if (c > 0x7e) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  /**
   * Text for a {@code //} or {@code /* *}{@code /} comment: line breaks and control characters become
   * blanks, {@code *}{@code /} cannot close the comment, a backslash is doubled and other non-ASCII
   * characters are written as unicode escapes (which a comment shows as the character).
   */
  public static String comment(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        s.append("\\\\");
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        s.append(' ');
      } else if (c == '/' && i > 0 && text.charAt(i - 1) == '*') {
        s.append(" /");
      } else if (Character.isSurrogate(c)) {
        s.append(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
            ? String.format("\\u%04x\\u%04x", (int) c, (int) text.charAt(++i)) : "?");
      } else if (c > 0x7e) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
