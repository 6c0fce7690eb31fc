package dev.parity.drift.config;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Values that show a secret was never really set: empty, {@code changeme}, {@code password}, {@code xxx}, … */
final class Placeholders {

  private static final Set<String> WORDS = Set.of("changeme", "change-me", "change_me", "changeit", "password",
      "passwd", "secret", "todo", "tbd", "fixme", "placeholder", "example", "default", "dummy", "test", "none",
      "null", "admin", "root", "123456", "12345678", "replace-me", "replaceme", "your-password", "your_password",
      "mysecret", "mypassword", "pass");
  /** Runs of one character ({@code xxx}, {@code ***}, {@code 000}) and templates left unfilled ({@code <...>}, {@code ${...}}). */
  private static final Pattern PATTERNS = Pattern.compile("(.)\\1{2,}|<[^>]*>|\\$\\{[^}]*}|\\{\\{.*}}");

  private Placeholders() {
  }

  static boolean isPlaceholder(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.isEmpty() || WORDS.contains(v) || PATTERNS.matcher(v).matches();
  }
}
