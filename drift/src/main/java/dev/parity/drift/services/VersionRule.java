package dev.parity.drift.services;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the version a server reports is the version the spec declares.
 *
 * <p>The number is the leading run of digits and dots of what the server reports: {@code 15.18} of
 * PostgreSQL's {@code server_version} {@code 15.18 (Debian 15.18-1.pgdg120+1)}, {@code 10.11.6} of MariaDB's
 * {@code VERSION()} {@code 10.11.6-MariaDB-1:10.11.6+maria~ubu2204-log} (after the {@code 5.5.5-} prefix old
 * replication handshakes put first), {@code 7.2.3} of Redis's {@code redis_version}. The declared version
 * matches when its parts are the first parts of that number: {@code 14} matches every 14.x, {@code 14.9}
 * matches 14.9 and not 14.10 or 14.8, {@code 10.11.6} matches only 10.11.6. The DSL declares exact versions
 * ({@code Postgres.of("db", "14.9")}), so in practice the match is exact.
 */
public final class VersionRule {

  private static final Pattern NUMBER = Pattern.compile("^(\\d+(?:\\.\\d+)*)");

  private VersionRule() {
  }

  /** The version number at the start of what a server reports, if it starts with one. */
  public static Optional<String> number(String reported) {
    if (reported == null) {
      return Optional.empty();
    }
    String text = reported.strip();
    if (text.startsWith("5.5.5-") && text.contains("MariaDB")) {
      text = text.substring("5.5.5-".length());
    }
    Matcher m = NUMBER.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether {@code declared} matches the number of {@code reported}; see the class comment. */
  public static boolean matches(String declared, String reported) {
    Optional<String> number = number(reported);
    if (number.isEmpty() || declared == null || declared.isBlank()) {
      return false;
    }
    String[] want = declared.strip().split("\\.");
    String[] have = number.get().split("\\.");
    if (want.length > have.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!strip(want[i]).equals(strip(have[i]))) {
        return false;
      }
    }
    return true;
  }

  /** {@code 09} and {@code 9} are the same part. */
  private static String strip(String part) {
    return part.replaceFirst("^0+(?=\\d)", "");
  }
}
