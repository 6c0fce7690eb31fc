package dev.parity.adopt;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The secrets an import declares: each credential written inline ({@link SecretDetector}) and each
 * value from outside the compose file (an env_file, the .env file, the shell) becomes a
 * {@code ConfigKey.secret} whose value goes to the git-ignored {@code local/.env}, never into the
 * spec. One inline value used in several places (a database's password and the app's variable holding
 * it) becomes one key; distinct outside variables stay distinct keys even when their values are equal,
 * and an empty value is never shared. Secret files named by compose's top-level {@code secrets:} are
 * copied to {@code local/secrets/<key in lower case>}.
 */
final class Secrets {


  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, String> descriptions = new LinkedHashMap<>();
  private final java.util.Set<String> passwords = new java.util.HashSet<>();

  static boolean looksSecret(String variable, String value) {
    return SecretDetector.isSecret(variable, value);
  }

  /** A config key name for {@code name}: upper case, other characters as {@code _}. */
  static String keyName(String name) {
    String key = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    return key.isEmpty() || Character.isDigit(key.charAt(0)) ? "S_" + key : key;
  }

  /**
   * The key holding {@code value}: the key that already holds it (a non-empty inline value), else
   * {@code preferred} (made unique).
   *
   * @param mustBePreferred whether the key must be {@code preferred}: an app receives the key under its own
   *     name, or the value is an outside variable's, which keeps its own key
   */
  String keyFor(String preferred, String value, String description, boolean mustBePreferred) {
    if (!mustBePreferred && !value.isEmpty()) {
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

  /**
   * Whether key {@code key} is declared {@code .optional()}: its value is empty (the original's
   * {@code KEY=} in .env starts with the variable empty) and no database takes it as its password.
   */
  boolean optional(String key) {
    return values.getOrDefault(key, "x").isEmpty() && !passwords.contains(key);
  }

  /** Marks {@code key} as a database's password, which is never optional. */
  String password(String key) {
    passwords.add(key);
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
