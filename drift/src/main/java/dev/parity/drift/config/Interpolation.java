package dev.parity.drift.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Compose's variable interpolation in env-file values (compose-go's {@code template} rules):
 * {@code $$} is a literal {@code $}; {@code $VAR} and {@code ${VAR}} are the variable's value, or
 * empty when it is unset; {@code ${VAR:-default}} / {@code ${VAR-default}} fall back when the
 * variable is unset or empty / unset; {@code ${VAR:+alt}} / {@code ${VAR+alt}} replace a set
 * (non-empty) variable; {@code ${VAR:?message}} / {@code ${VAR?message}} are errors when it is unset
 * or empty / unset. Defaults, alternatives and messages are interpolated themselves. A {@code $}
 * followed by anything else is kept; a {@code ${} that is not one of these forms is an error.
 */
final class Interpolation {

  /** Why a value cannot be interpolated; the message never holds the value (it may be a secret). */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private final Function<String, Optional<String>> lookup;

  /** @param lookup the value of a variable, or empty when it is unset */
  Interpolation(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  String apply(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (nameStart(next)) {
        int end = nameEnd(text, i + 1);
        out.append(lookup.apply(text.substring(i + 1, end)).orElse(""));
        i = end;
      } else if (next == '{') {
        int close = closingBrace(text, i + 1);
        if (close < 0) {
          throw new Failure("invalid interpolation: '${' is not closed by '}'; write $${ for a literal ${");
        }
        out.append(braced(text.substring(i + 2, close)));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String braced(String inner) {
    int end = inner.isEmpty() || !nameStart(inner.charAt(0)) ? 0 : nameEnd(inner, 0);
    if (end == 0) {
      throw new Failure("invalid interpolation: '${" + shortened(inner) + "}' does not start with a variable name;"
          + " write $${ for a literal ${");
    }
    String name = inner.substring(0, end);
    String rest = inner.substring(end);
    Optional<String> value = lookup.apply(name);
    if (rest.isEmpty()) {
      return value.orElse("");
    }
    boolean colon = rest.charAt(0) == ':';
    String operator = colon ? rest.length() > 1 ? rest.substring(0, 2) : ":" : rest.substring(0, 1);
    String argument = rest.substring(operator.length());
    boolean set = value.isPresent() && (!colon || !value.get().isEmpty());
    return switch (operator.charAt(operator.length() - 1)) {
      case '-' -> set ? value.get() : apply(argument);
      case '+' -> set ? apply(argument) : value.orElse("");
      case '?' -> {
        if (!set) {
          throw new Failure("required variable " + name + " is missing a value" + (argument.isEmpty() ? ""
              : ": " + apply(argument)));
        }
        yield value.get();
      }
      default -> throw new Failure("invalid interpolation: '${" + shortened(inner) + "}' is not one of ${VAR},"
          + " ${VAR:-default}, ${VAR-default}, ${VAR:+alt}, ${VAR+alt}, ${VAR:?error}, ${VAR?error}");
    };
  }

  private static String shortened(String inner) {
    return inner.length() > 20 ? inner.substring(0, 20) + "…" : inner;
  }

  /** Names are {@code [_a-zA-Z][_a-zA-Z0-9]*}, as Compose matches them. */
  private static boolean nameStart(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static int nameEnd(String text, int start) {
    int i = start;
    while (i < text.length() && (nameStart(text.charAt(i)) || Character.isDigit(text.charAt(i)) && text.charAt(i) < 128)) {
      i++;
    }
    return i;
  }

  /** The index of the brace that closes the one at {@code open}, counting nested ones, or -1. */
  private static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      if (text.charAt(i) == '{') {
        depth++;
      } else if (text.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
