package dev.parity.adopt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .env} file as compose reads it: {@code KEY=value} lines, {@code #} comments and blank
 * lines skipped, an optional {@code export } prefix, values in single quotes taken literally, in
 * double quotes with {@code \n}, {@code \"} and {@code \\} escapes, unquoted values cut at
 * {@code " #"} and trimmed.
 */
final class DotEnv {

  private DotEnv() {
  }

  static Map<String, String> parse(List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      values.put(line.substring(0, eq).strip(), value(line.substring(eq + 1).strip()));
    }
    return values;
  }

  private static String value(String v) {
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      StringBuilder s = new StringBuilder();
      for (int i = 1; i < v.length() - 1; i++) {
        char c = v.charAt(i);
        if (c == '\\' && i + 1 < v.length() - 1) {
          char next = v.charAt(++i);
          s.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        } else {
          s.append(c);
        }
      }
      return s.toString();
    }
    int comment = v.indexOf(" #");
    return (comment >= 0 ? v.substring(0, comment) : v).strip();
  }
}
