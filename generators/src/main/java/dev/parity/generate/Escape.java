package dev.parity.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Literal syntax of the formats Parity writes by template: each method turns any string into one
 * literal that the format's own parser reads back as exactly that string.
 */
public final class Escape {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Escape() {
  }

  /**
   * A quoted HCL string: backslash, quote and control characters escaped, and the template
   * sequences <code>${</code> and <code>%{</code> doubled so that Terraform does not interpolate them.
   */
  public static String hclString(String value) {
    StringBuilder s = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean opensTemplate = i + 1 < value.length() && value.charAt(i + 1) == '{';
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '"' -> s.append("\\\"");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '$', '%' -> s.append(opensTemplate ? "" + c + c : String.valueOf(c));
        default -> {
          if (c < 0x20 || c == 0x7f) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  /** A single-quoted POSIX shell word: {@code it's} becomes {@code 'it'\''s'}. */
  public static String shellWord(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * A Markdown table cell: HTML-escaped (so no tag or entity is interpreted), pipes and
   * backslashes escaped, emphasis and strikethrough marks escaped, line breaks as {@code <br>}.
   */
  public static String markdownCell(String value) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '|' -> s.append("\\|");
        case '\\' -> s.append("\\\\");
        case '`' -> s.append("\\`");
        case '*', '_', '[', ']', '#', '~' -> s.append('\\').append(c);
        case '\r' -> { }
        case '\n' -> s.append("<br>");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  /** A JSON string literal, as Jackson writes it. */
  public static String jsonString(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a String always serializes", e);
    }
  }
}
