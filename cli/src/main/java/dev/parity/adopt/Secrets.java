package dev.parity.adopt;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets an import declares: each inline value becomes a {@code ConfigKey.secret} whose value
 * goes to the git-ignored {@code local/.env}, never into the spec; one value used in several places
 * (a database's password and the app's variable holding it) becomes one key. Secret files named by
 * compose's top-level {@code secrets:} are copied to {@code local/secrets/<key in lower case>}.
 */
final class Secrets {

  /** The variable names Parity's validation treats as secrets (core's rule), minus {@code *_FILE}. */
  private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY"
      + "|CREDENTIALS|_PW).*");
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*:[^@/\\s]+@.*");

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, String> descriptions = new LinkedHashMap<>();

  static boolean looksSecret(String variable, String value) {
    String upper = variable.toUpperCase(Locale.ROOT);
    return SECRET_LIKE.matcher(upper).matches() && !upper.endsWith("_FILE")
        || value != null && URL_WITH_PASSWORD.matcher(value).matches();
  }

  /** A config key name for {@code name}: upper case, other characters as {@code _}. */
  static String keyName(String name) {
    String key = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    return key.isEmpty() || Character.isDigit(key.charAt(0)) ? "S_" + key : key;
  }

  /**
   * The key holding {@code value}: the key that already holds it, else {@code preferred} (made unique).
   *
   * @param mustBePreferred whether the key must be {@code preferred} (an app receives the key under its own name)
   */
  String keyFor(String preferred, String value, String description, boolean mustBePreferred) {
    if (!mustBePreferred) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (e.getValue().equals(value)) {
          return e.getKey();
        }
      }
    }
    String key = preferred;
    if (values.containsKey(key) && values.get(key).equals(value)) {
      return key;
    }
    for (int i = 2; values.containsKey(key) || files.containsKey(key); i++) {
      key = preferred + "_" + i;
    }
    values.put(key, value);
    descriptions.put(key, description);
    return key;
  }

  /** Declares the secret file {@code key} with {@code content}; the same key again is the same file. */
  String file(String key, String content, String description) {
    if (!files.containsKey(key)) {
      files.put(key, content);
      descriptions.put(key, description);
    }
    return key;
  }

  Map<String, String> values() {
    return values;
  }

  Map<String, String> files() {
    return files;
  }

  Map<String, String> descriptions() {
    return descriptions;
  }
}
