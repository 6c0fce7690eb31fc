package dev.parity.runtime.internal;

import dev.parity.core.ConfigKey;
import dev.parity.core.Stack;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh random value for each secret config key of a stack: the local stack never takes a
 * secret from the spec, it makes its own and hands it to both the database and the app.
 */
final class LocalSecrets {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private LocalSecrets() {
  }

  /** One 24-character value per secret key, by key, in schema order. */
  static Map<String, String> generate(Stack stack) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigKey key : stack.config()) {
      if (key.secret()) {
        values.put(key.name(), random(24));
      }
    }
    return values;
  }

  static String random(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
