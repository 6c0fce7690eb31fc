package dev.parity.drift.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The env-file syntax of Docker Compose, by the rules of compose-go's {@code dotenv} parser, which
 * Compose v2 uses:
 * <ul>
 *   <li>a UTF-8 byte-order mark at the start is skipped; blank lines and lines starting with {@code #} are ignored;
 *   <li>{@code KEY=value} or {@code KEY: value}, optionally after {@code export }; a line holding only {@code KEY}
 *       takes the variable from the environment, and sets nothing when it is unset there;
 *   <li>an unquoted value ends at the line's end or at a {@code #} after a space, trailing whitespace (a CR of a
 *       CRLF line end included) is dropped, and it is interpolated;
 *   <li>a single-quoted value is literal, except {@code \'}; a double-quoted value decodes {@code \n \r \t \\ \" \$}
 *       and the other C escapes, then is interpolated; quoted values may span lines, and whatever follows the
 *       closing quote on its line is read as a comment or the next entry.
 * </ul>
 * Interpolation is {@link Interpolation}'s; variables resolve from the environment first, then from the entries
 * above in the file, as Compose resolves a service's {@code env_file}.
 */
final class DotEnv {

  /** A syntax error at a line; the message never shows the line, which may hold a secret. */
  static final class SyntaxError extends RuntimeException {
    final int line;

    SyntaxError(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private final String text;
  private final Map<String, String> environment;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final Interpolation interpolation;
  private int pos;
  private int line = 1;

  private DotEnv(String text, Map<String, String> environment) {
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.environment = environment;
    this.interpolation = new Interpolation(this::lookup);
  }

  /**
   * The variables of an env file's text, in file order.
   *
   * @param environment the variables a value may refer to besides those above it (Compose's project environment)
   * @throws SyntaxError at the first line Compose would refuse
   */
  static Map<String, String> parse(String text, Map<String, String> environment) {
    DotEnv parser = new DotEnv(text, environment);
    parser.entries();
    return parser.variables;
  }

  private Optional<String> lookup(String name) {
    String value = environment.get(name);
    return Optional.ofNullable(value != null ? value : variables.get(name));
  }

  private void entries() {
    while (statementStart()) {
      int keyLine = line;
      if (text.startsWith("export", pos) && pos + 6 < text.length() && isExportSpace(text.charAt(pos + 6))) {
        pos += 6;
        skipSpace();
      }
      int start = pos;
      char terminator = 0;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '=' || c == ':' || c == '\n') {
          terminator = c;
          break;
        }
        if (!isSpace(c) && !Character.isLetterOrDigit(c) && "_.-[]".indexOf(c) < 0) {
          throw new SyntaxError(line, "unexpected character '" + c + "' in a variable name");
        }
        pos++;
      }
      String key = text.substring(start, pos).stripTrailing();
      if (key.indexOf(' ') >= 0) {
        throw new SyntaxError(keyLine, "a variable name cannot contain a space");
      }
      if (terminator == 0 || terminator == '\n') {
        // KEY alone: taken from the environment, as Compose does.
        Optional.ofNullable(environment.get(key)).ifPresent(v -> variables.put(key, v));
        continue;
      }
      pos++;
      skipSpace();
      String value = value();
      variables.put(key, value);
    }
  }

  /** Moves past whitespace and comments to the next entry; false at the end of the text. */
  private boolean statementStart() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        int newline = text.indexOf('\n', pos);
        pos = newline < 0 ? text.length() : newline;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
        if (c == '\n') {
          line++;
        }
        pos++;
      } else {
        return true;
      }
    }
    return false;
  }

  private String value() {
    if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
      return quoted(text.charAt(pos));
    }
    int newline = text.indexOf('\n', pos);
    String raw = text.substring(pos, newline < 0 ? text.length() : newline);
    pos = newline < 0 ? text.length() : newline;
    int comment = raw.indexOf(" #");
    if (comment >= 0) {
      raw = raw.substring(0, comment);
    }
    return interpolate(stripTrailingSpace(raw));
  }

  private String quoted(char quote) {
    int startLine = line;
    StringBuilder chars = new StringBuilder();
    boolean escaped = false;
    for (int i = pos + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c != quote) {
        if (!escaped && c == '\\') {
          escaped = true;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars.append('\\');
        }
        chars.append(c);
      } else if (escaped) {
        escaped = false;
        chars.append(c);
      } else {
        pos = i + 1;
        return quote == '"' ? interpolate(Escapes.decode(chars.toString())) : chars.toString();
      }
    }
    throw new SyntaxError(startLine, "the quoted value is not closed; end it with " + quote);
  }

  private String interpolate(String value) {
    try {
      return interpolation.apply(value);
    } catch (Interpolation.Failure e) {
      throw new SyntaxError(line, e.getMessage());
    }
  }

  private void skipSpace() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  /** Space that is not a line break, as compose-go's {@code isSpace}. */
  private static boolean isSpace(char c) {
    return c == '\t' || c == '\u000b' || c == '\f' || c == '\r' || c == ' ' || c == '\u0085' || c == '\u00a0';
  }

  /** What {@code export\s+} accepts after the word. */
  private static boolean isExportSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static String stripTrailingSpace(String value) {
    int end = value.length();
    while (end > 0 && (Character.isWhitespace(value.charAt(end - 1)) || Character.isSpaceChar(value.charAt(end - 1))
        || value.charAt(end - 1) == '\u0085')) {
      end--;
    }
    return value.substring(0, end);
  }

  /** The escapes of double-quoted values: Go's rune-literal escapes that compose-go accepts. */
  static final class Escapes {

    private Escapes() {
    }

    static String decode(String value) {
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < value.length()) {
        char c = value.charAt(i);
        if (c != '\\' || i + 1 >= value.length()) {
          out.append(c);
          i++;
          continue;
        }
        char e = value.charAt(i + 1);
        String simple = switch (e) {
          case 'a' -> "\u0007";
          case 'b' -> "\b";
          case 'f' -> "\f";
          case 'n' -> "\n";
          case 'r' -> "\r";
          case 't' -> "\t";
          case 'v' -> "\u000b";
          case '"' -> "\"";
          case '\\' -> "\\";
          case '$' -> "$$"; // Compose's literal dollar, kept through interpolation
          default -> null;
        };
        if (simple != null) {
          out.append(simple);
          i += 2;
        } else if (e == '0') {
          int end = i + 2;
          while (end < value.length() && end < i + 5 && value.charAt(end) >= '0' && value.charAt(end) <= '9') {
            end++;
          }
          String digits = value.substring(i + 2, end);
          if (digits.length() == 3 && digits.chars().allMatch(d -> d <= '7') && Integer.parseInt(digits, 8) <= 255) {
            out.append((char) Integer.parseInt(digits, 8));
          } else {
            out.append(value, i, end);
          }
          i = end;
        } else {
          out.append(c);
          i++;
        }
      }
      return out.toString();
    }
  }
}
