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
import java.util.Optional;
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
  /** A {@code $} as a reference line writes it where a reader would expand it: an unset variable defaulting to {@code $}. */
  static final String DOLLAR = "${PARITY_NO_SUCH_VARIABLE:-$}";
  private static final Pattern LITERAL_DOLLAR = Pattern.compile("\\$(?=[{$A-Za-z_])");
  /** Characters that break a line for some reader and have no escape python-dotenv decodes. */
  private static final Pattern UNESCAPABLE = Pattern.compile("[\\x00-\\x06\\x0e-\\x1f\\x7f\\x85\\u2028\\u2029]");
  /** What an unquoted value cannot hold as it is: a comment start after a blank, or a character to escape. */
  private static final Pattern QUOTE_NEEDED = Pattern.compile("\\s#|[\\x07-\\x0d]",
      Pattern.UNICODE_CHARACTER_CLASS);
  /** Blanks python-dotenv strips around an unquoted value (Python's {@code \\s}, Unicode-aware). */
  private static final Pattern SURROUNDING_BLANK = Pattern.compile("^\\s|\\s$", Pattern.UNICODE_CHARACTER_CLASS);

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
            "value", entry == null ? "" : commentValue(entry.plainValue().orElseThrow()).orElse(""),
            "set", Boolean.toString(entry != null),
            "shown", Boolean.toString(entry == null || commentValue(entry.plainValue().orElseThrow()).isPresent())));
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
   * {@code value} as written after {@code KEY=} in a reference line, so that uncommenting the line gives the
   * value docker-compose gives the app, by both readers of {@code .env}: docker-compose 1.29 (python-dotenv 0.21,
   * which expands {@code ${NAME}} and {@code ${NAME:-default}} in every value, quoted or not, and has no escape for
   * it) and Compose v2 (compose-go, which also expands {@code $NAME} and reads {@code $$} as {@code $}; the rules
   * of {@code parity drift config}). A {@code $} before {@code {}, {@code $} or a letter is written
   * {@value #DOLLAR}: that variable is never set, and its default is the {@code $} itself in both. A value with
   * surrounding blanks, a {@code " #"} (an unquoted value ends there), a leading quote or a tab, CR, LF or other
   * character with a backslash escape is double-quoted, with {@code \\}, {@code "} and those characters escaped
   * as both decode them ({@code \\ \" \n \r \t \a \b \f \v}).
   *
   * @return the text, or empty where the value holds a character that no escape carries and that would break the
   *     line for some reader ({@code \u0085}, {@code \u2028}, {@code \u001c} …)
   */
  static Optional<String> commentValue(String value) {
    if (UNESCAPABLE.matcher(value).find()) {
      return Optional.empty();
    }
    String text = LITERAL_DOLLAR.matcher(value).replaceAll(java.util.regex.Matcher.quoteReplacement(DOLLAR));
    boolean quote = SURROUNDING_BLANK.matcher(text).find() || QUOTE_NEEDED.matcher(text).find() || text.startsWith("\"")
        || text.startsWith("'");
    if (!quote) {
      return Optional.of(text);
    }
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '"' -> s.append("\\\"");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case 0x07 -> s.append("\\a");
        case '\b' -> s.append("\\b");
        case '\f' -> s.append("\\f");
        case 0x0b -> s.append("\\v");
        default -> s.append(c);
      }
    }
    return Optional.of(s.append('"').toString());
  }
}
