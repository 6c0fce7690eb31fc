package dev.parity.generate.dockerfile;

/**
 * The health probe of a Node.js image: Node's own {@code fetch}, because the official node
 * images carry neither curl nor wget (the Alpine ones have BusyBox wget, the Debian ones nothing).
 */
public final class NodeHealthcheck {

  private NodeHealthcheck() {
  }

  /** A {@code node -e} script that exits 0 when {@code url} answers 2xx, 1 otherwise. */
  public static String script(String url) {
    return "fetch(" + jsString(url) + ").then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))";
  }

  /** A single-quoted JavaScript string literal holding exactly {@code value}. */
  static String jsString(String value) {
    StringBuilder s = new StringBuilder("'");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('\'').toString();
  }
}
