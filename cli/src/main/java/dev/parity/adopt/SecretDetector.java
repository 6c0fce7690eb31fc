package dev.parity.adopt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a variable written inline in a compose file holds a credential, and why. In this order:
 * <ol>
 *   <li>its name: a word (split at {@code _ . -}) holding PASS, SECRET, TOKEN, KEY, SALT, AUTH,
 *       CREDENTIAL(S), PRIVATE, CERT, DSN, or PW, (KEY only at a word's end), unless a later word
 *       qualifies it as a setting about the secret ({@code _FILE}, {@code _LENGTH}, {@code _ENABLED}, … see
 *       {@link #QUALIFIERS}) or the value is a boolean or an absolute path;</li>
 *   <li>its value: a URL carrying a password ({@code scheme://user:password@host}), a JWT
 *       ({@code eyJ….eyJ….}), a PEM private key;</li>
 *   <li>gitleaks' default rules ({@link SecretRules}) on the line {@code NAME=value};</li>
 *   <li>a high-entropy string without spaces: at least 32 hex digits with 3.0 bits per character, or
 *       at least 20 characters with 4.0 bits per character, not a path, URL or host name.</li>
 * </ol>
 * Log levels, ports, host names, booleans and paths are none of these.
 */
final class SecretDetector {

  private static final List<String> NAME_WORDS = List.of("PASS", "SECRET", "TOKEN", "KEY", "SALT", "AUTH",
      "CREDENTIAL", "PRIVATE", "CERT", "DSN");
  /** Words after a secret's word that make the variable a setting about it, not the secret itself. */
  static final Set<String> QUALIFIERS = Set.of("FILE", "PATH", "DIR", "LENGTH", "LEN", "SIZE", "BITS", "ENABLED",
      "ENABLE", "DISABLED", "DISABLE", "REQUIRED", "TYPE", "METHOD", "MODE", "NAME", "ID", "TTL", "EXPIRY", "EXPIRES",
      "TIMEOUT", "LIFETIME", "ALGORITHM", "ALG", "PROVIDER", "HEADER", "URL", "URI", "ENDPOINT", "HOST", "PORT",
      "ISSUER", "MIN", "MAX", "POLICY", "STRATEGY");
  private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|yes|no|on|off|0|1");
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*:[^@/\\s]+@.*");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32,}");
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9+/=_.~-]{20,}");
  private static final Pattern PATH = Pattern.compile("/[\\w./-]*");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

  private SecretDetector() {
  }

  /** Why {@code NAME=value} is a credential, or empty when it is not one. */
  static Optional<String> reason(String name, String value) {
    String upper = name.toUpperCase(Locale.ROOT);
    Optional<String> word = secretWord(upper);
    if (word.isPresent() && (value == null || !BOOLEAN.matcher(value.strip()).matches() && !PATH.matcher(value).matches())) {
      return Optional.of("its name holds " + word.get());
    }
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (URL_WITH_PASSWORD.matcher(value).matches()) {
      return Optional.of("a URL carrying a password");
    }
    if (JWT.matcher(value).find()) {
      return Optional.of("a JWT");
    }
    if (PRIVATE_KEY.matcher(value).find()) {
      return Optional.of("a private key");
    }
    Optional<SecretRules.Finding> finding = SecretRules.gitleaks().find(name + "=" + value);
    if (finding.isPresent()) {
      return Optional.of("gitleaks rule " + finding.get().ruleId());
    }
    return highEntropy(value) ? Optional.of("a high-entropy string") : Optional.empty();
  }

  static boolean isSecret(String name, String value) {
    return reason(name, value).isPresent();
  }

  /** The secret's word in a variable name, unless a qualifier follows it. */
  private static Optional<String> secretWord(String upper) {
    List<String> words = Arrays.asList(upper.split("[_.\\-]+"));
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      Optional<String> hit = NAME_WORDS.stream().filter(w::contains).findFirst()
          .or(() -> w.equals("PW") || w.equals("PWD") ? Optional.of(w) : Optional.empty());
      if (hit.isEmpty() || hit.get().equals("KEY") && !(w.endsWith("KEY") || w.equals("KEYS"))) {
        continue;
      }
      boolean qualified = words.subList(i + 1, words.size()).stream().anyMatch(QUALIFIERS::contains);
      if (!qualified) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private static boolean highEntropy(String value) {
    if (value.startsWith("/") || value.startsWith("./") || value.contains("://")
        || HOST_NAME.matcher(value).matches()) {
      return false;
    }
    if (HEX.matcher(value).matches()) {
      return SecretRules.entropy(value) >= 3.0;
    }
    return TOKEN_LIKE.matcher(value).matches() && SecretRules.entropy(value) >= 4.0
        && value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter);
  }
}
