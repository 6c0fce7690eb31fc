package dev.parity.core;

import java.util.regex.Pattern;

/** Rules for what counts as an exact (non-floating) version. */
final class Versions {

  private static final Pattern PART_SEPARATOR = Pattern.compile("[._]");

  private Versions() {
  }

  /**
   * Whether {@code version} names one release of {@code product}: three numeric parts in general,
   * two for PostgreSQL 10 and later, whose minor release is the second part.
   */
  static boolean isExact(String product, String version) {
    String[] parts = PART_SEPARATOR.split(version);
    for (String part : parts) {
      if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
        return false;
      }
    }
    if (product.equals("postgres") || product.equals("postgresql")) {
      return parts.length >= 3 || (parts.length == 2 && Integer.parseInt(parts[0]) >= 10);
    }
    return parts.length >= 3;
  }
}
