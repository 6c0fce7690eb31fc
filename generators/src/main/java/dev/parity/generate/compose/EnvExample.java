package dev.parity.generate.compose;

import dev.parity.core.ConfigEntry;
import dev.parity.core.ConfigKey;
import dev.parity.core.Stack;
import dev.parity.generate.Escape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The model of {@code local/.env.example}: only what the local stack needs. The secret keys some
 * container reads from {@code local/.env} (empty slots to fill in), the secret files to create
 * under {@code local/secrets/}, and for reference the values the compose file gives the apps. Everything that lands in a comment is made to stay on its line,
 * for every reader of {@code .env} files (Python's {@code splitlines} also breaks at
 * {@code \u0085}, {@code \u2028}, {@code \u001c} and a few more).
 */
final class EnvExample {

  private static final Pattern BREAKS_LINE = Pattern.compile("[\\x00-\\x1f\\x7f\\x85\\u2028\\u2029]");

  private EnvExample() {
  }

  static Map<String, Object> model(Stack stack) {
    Map<String, ConfigEntry> local = new LinkedHashMap<>();
    stack.config(stack.localEnvironment().orElseThrow()).forEach(e -> local.put(e.name(), e));
    Set<String> usedByApps = new LinkedHashSet<>();
    stack.apps().forEach(app -> usedByApps.addAll(app.uses()));
    LocalSecrets needed = LocalSecrets.of(stack);
    List<Map<String, String>> secrets = new ArrayList<>();
    List<Map<String, String>> fixed = new ArrayList<>();
    for (ConfigKey key : stack.config()) {
      String description = key.description().map(EnvExample::oneLine).orElse("");
      if (key.secret() && needed.isVariable(key.name())) {
        secrets.add(Map.of("name", key.name(), "description", description));
      } else if (!key.secret() && usedByApps.contains(key.name())) {
        ConfigEntry entry = local.get(key.name());
        fixed.add(Map.of("name", key.name(), "description", description,
            "value", entry == null ? "" : commentValue(entry.plainValue().orElseThrow()),
            "set", Boolean.toString(entry != null)));
      }
    }
    List<Map<String, String>> files = new ArrayList<>();
    needed.files().forEach((name, key) -> files.add(Map.of("name", name, "key", key)));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("stack", stack.name());
    model.put("secrets", secrets);
    model.put("files", files);
    model.put("fixed", fixed);
    return model;
  }

  /** {@code text} on one line: every line-breaking or control character becomes a space. */
  static String oneLine(String text) {
    return BREAKS_LINE.matcher(text).replaceAll(" ").strip();
  }

  /**
   * {@code value} as written after {@code KEY=} in a comment: as it is when it is plain, else as
   * a JSON string with every line-breaking character escaped, so it reads back exactly.
   */
  static String commentValue(String value) {
    boolean plain = !BREAKS_LINE.matcher(value).find() && value.strip().equals(value)
        && !value.startsWith("\"") && !value.startsWith("'");
    if (plain) {
      return value;
    }
    StringBuilder s = new StringBuilder();
    for (char c : Escape.jsonString(value).toCharArray()) {
      s.append(BREAKS_LINE.matcher(String.valueOf(c)).matches() ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return s.toString();
  }
}
