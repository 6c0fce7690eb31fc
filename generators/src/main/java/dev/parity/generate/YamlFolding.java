package dev.parity.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds every line longer than yamllint's default limit (80 characters) without changing what any
 * YAML reader reads. Input is YAML as {@link YamlWriter} has Jackson write it: one scalar per
 * line, plain or double-quoted, never followed by a comment.
 *
 * <p>A long scalar of one word (no space: a digest, an image reference, a URL, a path) becomes a
 * literal block scalar ({@code key: |-}) whose only line holds the word whole, indented under its
 * key: yamllint's {@code allow-non-breakable-words}, on by default, accepts a line without a space
 * at any length, and the value can still be found and copied as it is.
 *
 * <p>Any other long scalar becomes a double-quoted one continued over several lines, each ending in an
 * escaped line break ({@code \} at the end of the line): the break and the next line's leading
 * indentation are not part of the value, in YAML 1.1 and 1.2 alike (PyYAML, SnakeYAML, Go). It
 * breaks after a space where it can, else between any two characters, never inside an escape
 * sequence, a surrogate pair, compose's escaped {@code $$} or its {@code $} before a name;
 * a space that would start a continuation line, where it would be read as indentation, is written
 * {@code \x20}. SnakeYAML's own line splitting breaks only at spaces.
 *
 * <p>A comment line is broken at spaces. An indented comment line is a command to copy (as in
 * {@code #   kubectl apply -k .}): each of its broken lines ends in a shell line continuation
 * ({@code  \}) and the next is indented two more, so what is copied still runs as one command. A word
 * longer than the line (a URL) stays whole: yamllint's {@code allow-non-breakable-words}, on by
 * default, accepts it on a line of its own. Used by the compose and the Kubernetes generators.
 */
public final class YamlFolding {

  /** yamllint's default {@code line-length: max}. */
  public static final int WIDTH = 80;

  /** Indentation, a sequence entry's dash, a plain key, then the scalar. */
  private static final Pattern ENTRY = Pattern.compile("( *)((?:- )?)((?:[A-Za-z0-9_][A-Za-z0-9_./-]*: )?)(.+)");
  /** Plain scalars that need no escaping inside double quotes. */
  private static final Pattern PLAIN_TEXT = Pattern.compile("[A-Za-z0-9_./@+:=-]+");
  /** Plain scalars that are not strings: these are never long, and never quoted. */
  private static final Pattern NOT_A_STRING = Pattern.compile("true|false|null|~|[-+]?[0-9][0-9_.eE+-]*");

  private YamlFolding() {
  }

  /** {@code yaml} with every line longer than {@link #WIDTH} folded, read back as the same values. */
  public static String fold(String yaml) {
    List<String> out = new ArrayList<>();
    for (String line : yaml.split("\n", -1)) {
      out.addAll(line.startsWith("#") ? comment(line) : scalar(line));
    }
    return String.join("\n", out);
  }

  /** A comment line as comment lines of at most {@link #WIDTH}, broken at spaces. */
  static List<String> comment(String line) {
    List<String> lines = new ArrayList<>();
    int indent = 1;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    boolean command = indent > 2;
    String prefix = "#" + " ".repeat(Math.max(1, indent - 1)) + (command ? "  " : "");
    String end = command ? " \\" : "";
    String rest = line;
    while (rest.length() > WIDTH) {
      int space = rest.lastIndexOf(' ', WIDTH - end.length());
      if (space <= prefix.length()) {
        break;
      }
      lines.add(rest.substring(0, space) + end);
      rest = prefix + rest.substring(space + 1);
    }
    lines.add(rest);
    return lines;
  }

  private static List<String> scalar(String line) {
    Matcher m = ENTRY.matcher(line);
    if (line.length() <= WIDTH || !m.matches()) {
      return List.of(line);
    }
    String value = m.group(4);
    String content;
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      content = value.substring(1, value.length() - 1);
    } else if (PLAIN_TEXT.matcher(value).matches() && !NOT_A_STRING.matcher(value).matches()) {
      content = value;
    } else {
      return List.of(line);
    }
    int continuation = m.group(1).length() + m.group(2).length() + 2;
    if (content.indexOf(' ') < 0 && content.indexOf('\\') < 0 && content.indexOf('"') < 0) {
      // One word (a digest, an image, a URL): whole, on a line of its own, where a reader finds it.
      return List.of(m.group(1) + m.group(2) + m.group(3) + "|-", " ".repeat(continuation) + content);
    }
    return wrap(m.group(1) + m.group(2) + m.group(3) + "\"", atoms(content), continuation);
  }

  /** Where a long word reads well when broken: after these, as in a URL or a host name. */
  private static boolean breaksAfter(String atom) {
    return atom.equals("/") || atom.equals(".") || atom.equals(",") || atom.equals("&");
  }

  private static List<String> wrap(String start, List<String> atoms, int indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder(start);
    int contentStart = current.length();
    int afterSpace = -1;
    // Where a line without a space may break: after a URL's or a host name's punctuation.
    int afterPunctuation = -1;
    for (String atom : atoms) {
      // One character is kept free for the closing '\' or '"'.
      if (current.length() + atom.length() + 1 > WIDTH && current.length() > contentStart) {
        int at = afterSpace > contentStart ? afterSpace : afterPunctuation;
        String tail = at > contentStart ? current.substring(at) : "";
        // A tail starting with a space would be read as the next line's indentation, so it stays.
        if (at > contentStart && !tail.startsWith(" ") && indent + tail.length() + atom.length() + 1 <= WIDTH) {
          current.setLength(at);
        } else {
          tail = "";
        }
        lines.add(current.append('\\').toString());
        current = new StringBuilder(" ".repeat(indent));
        contentStart = current.length();
        current.append(tail);
        afterSpace = -1;
        afterPunctuation = -1;
        if (atom.equals(" ") && current.length() == contentStart) {
          atom = "\\x20";
        }
      }
      current.append(atom);
      if (atom.equals(" ")) {
        afterSpace = current.length();
      } else if (breaksAfter(atom)) {
        afterPunctuation = current.length();
      }
    }
    lines.add(current.append('"').toString());
    return lines;
  }

  /** The content of a double-quoted scalar cut where a line may break. */
  private static List<String> atoms(String content) {
    List<String> atoms = new ArrayList<>();
    int i = 0;
    while (i < content.length()) {
      char c = content.charAt(i);
      int end;
      if (c == '\\') {
        char kind = content.charAt(i + 1);
        end = i + (kind == 'x' ? 4 : kind == 'u' ? 6 : kind == 'U' ? 10 : 2);
      } else if (c == '$' && i + 1 < content.length() && content.charAt(i + 1) == '$') {
        end = i + 2;
      } else if (c == '$') {
        // A '$' that compose interpolates, as in "${KEY:?…}": kept with what follows.
        end = i + 2;
      } else {
        end = i + (Character.isHighSurrogate(c) ? 2 : 1);
      }
      atoms.add(content.substring(i, Math.min(end, content.length())));
      i = end;
    }
    return atoms;
  }
}
