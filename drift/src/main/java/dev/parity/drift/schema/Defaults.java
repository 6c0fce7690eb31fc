package dev.parity.drift.schema;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column defaults in one normal form, where the server keeps equivalent expressions apart
 * depending on how the column was written.
 */
final class Defaults {

  /**
   * PostgreSQL functions that are the same value as an SQL keyword the server keeps as written:
   * {@code now()} and {@code transaction_timestamp()} are {@code CURRENT_TIMESTAMP}. The keywords are
   * the normal form, since they are standard SQL.
   */
  private static final Map<String, String> PG_SYNONYMS = Map.of(
      "now()", "CURRENT_TIMESTAMP",
      "transaction_timestamp()", "CURRENT_TIMESTAMP",
      "('now'::text)::date", "CURRENT_DATE",
      "('now'::text)::time with time zone", "CURRENT_TIME",
      "('now'::text)::timestamp without time zone", "LOCALTIMESTAMP",
      "('now'::text)::time without time zone", "LOCALTIME",
      "\"current_user\"()", "CURRENT_USER",
      "\"session_user\"()", "SESSION_USER");

  /**
   * A string literal cast to a character type ({@code 'new'::text}, {@code 'new'::character varying}):
   * the server casts a literal to the column's type, so {@code DEFAULT 'new'} and {@code DEFAULT 'new'::text}
   * on a {@code varchar} column differ only in the cast it records. For a character column both
   * store the same string.
   */
  private static final Pattern CHARACTER_LITERAL = Pattern.compile(
      "^('(?:[^']|'')*')::(?:text|character varying|character|bpchar|name)(?:\\(\\d+\\))?$");

  /** MySQL/MariaDB spellings of the current timestamp, with an optional precision. */
  private static final Pattern MYSQL_NOW = Pattern.compile(
      "(?i)\\b(?:current_timestamp|now|localtime|localtimestamp)\\b(?:\\s*\\(\\s*(\\d*)\\s*\\))?");

  private Defaults() {
  }

  static String postgres(String expression) {
    if (expression == null) {
      return null;
    }
    String synonym = PG_SYNONYMS.get(expression);
    if (synonym != null) {
      return synonym;
    }
    Matcher literal = CHARACTER_LITERAL.matcher(expression);
    return literal.matches() ? literal.group(1) : expression;
  }

  /**
   * {@code now()}, {@code CURRENT_TIMESTAMP}, {@code current_timestamp()}, {@code localtimestamp} as
   * {@code current_timestamp()} (MariaDB's own spelling), keeping a precision: {@code current_timestamp(3)}.
   */
  static String mysql(String expression) {
    if (expression == null || expression.startsWith("'")) {
      return expression; // a string literal is a value, not a function
    }
    return MYSQL_NOW.matcher(expression).replaceAll(m -> "current_timestamp("
        + (m.group(1) == null || m.group(1).isEmpty() || "0".equals(m.group(1)) ? "" : m.group(1)) + ")");
  }
}
