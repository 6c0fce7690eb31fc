package dev.parity.core;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a contract property, and which text values convert to it. The rules are those of
 * Spring Boot's binder (its {@code ApplicationConversionService}), which MicroProfile Config's
 * built-in converters accept a subset of:
 * <ul>
 *   <li>{@link #INTEGER}, {@link #LONG}: Spring's {@code NumberUtils.parseNumber}: whitespace removed,
 *       decimal with an optional sign, or hexadecimal {@code 0x1F}, {@code #1F}, within range;</li>
 *   <li>{@link #BOOLEAN}: {@code true/false}, {@code on/off}, {@code yes/no}, {@code 1/0}, any case, trimmed;</li>
 *   <li>{@link #DURATION}: Spring's {@code DurationStyle}: {@code 10s}, {@code 500ms}, {@code 2h}
 *       ({@code ns us ms s m h d}, any case), a plain number in milliseconds, or ISO-8601 {@code PT10S};</li>
 *   <li>{@link #DATA_SIZE}: Spring's {@code DataSize}: {@code 10MB} ({@code B KB MB GB TB}, upper case),
 *       a plain number in bytes;</li>
 *   <li>{@link #ENUM}: one of the constants, by Spring's lenient rule (case and {@code -}/{@code _} ignored);</li>
 *   <li>{@link #DECIMAL}: a {@code double}; {@link #STRING}: anything.</li>
 * </ul>
 * An empty value binds to nothing, so it is refused for every type but {@link #STRING}.
 */
public enum ContractType {
  STRING("string"),
  INTEGER("integer"),
  LONG("long"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  DURATION("duration"),
  DATA_SIZE("data size"),
  ENUM("enum");

  private static final Pattern SIMPLE_DURATION = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");
  private static final Pattern ISO_DURATION = Pattern.compile("^[+-]?[pP].*$");
  private static final Pattern DATA_SIZE_PATTERN = Pattern.compile("^([+\\-]?\\d+)([a-zA-Z]{0,2})$");
  private static final Map<String, ChronoUnit> DURATION_UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS,
      "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);
  private static final Map<String, Long> DATA_UNITS = Map.of("B", 1L, "KB", 1L << 10, "MB", 1L << 20, "GB", 1L << 30,
      "TB", 1L << 40);
  private static final List<String> TRUE = List.of("true", "on", "yes", "1");
  private static final List<String> FALSE = List.of("false", "off", "no", "0");

  private final String label;

  ContractType(String label) {
    this.label = label;
  }

  /** How messages name the type. */
  public String label() {
    return label;
  }

  /** The type of a Java type as a contract writes it ({@code java.lang.Integer}, {@code int}, an enum's name …). */
  public static ContractType ofJavaType(String javaType, boolean isEnum) {
    if (isEnum) {
      return ENUM;
    }
    return switch (javaType) {
      case "int", "java.lang.Integer", "short", "java.lang.Short", "byte", "java.lang.Byte", "java.util.OptionalInt" -> INTEGER;
      case "long", "java.lang.Long", "java.util.OptionalLong" -> LONG;
      case "double", "java.lang.Double", "float", "java.lang.Float", "java.util.OptionalDouble", "java.math.BigDecimal" -> DECIMAL;
      case "boolean", "java.lang.Boolean" -> BOOLEAN;
      case "java.time.Duration" -> DURATION;
      case "org.springframework.util.unit.DataSize" -> DATA_SIZE;
      default -> STRING;
    };
  }

  /** Whether {@code value} converts to this type; {@code enumValues} are the constants of an {@link #ENUM}. */
  public boolean accepts(String value, List<String> enumValues) {
    if (this == STRING) {
      return true;
    }
    if (value.isEmpty()) {
      return false;
    }
    return switch (this) {
      case INTEGER -> parses(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> parses(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case DECIMAL -> decimal(value);
      case BOOLEAN -> {
        String v = value.trim().toLowerCase(Locale.ROOT);
        yield TRUE.contains(v) || FALSE.contains(v);
      }
      case DURATION -> duration(value);
      case DATA_SIZE -> dataSize(value);
      case ENUM -> enumValues.stream().anyMatch(c -> c.equals(value) || canonical(c).equals(canonical(value)));
      case STRING -> true;
    };
  }

  private static boolean parses(String text, long min, long max) {
    String value = withoutWhitespace(text);
    try {
      int index = value.startsWith("-") ? 1 : 0;
      long n = value.startsWith("0x", index) || value.startsWith("0X", index) || value.startsWith("#", index)
          ? Long.decode(value) : Long.parseLong(value);
      return n >= min && n <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean decimal(String value) {
    try {
      Double.parseDouble(withoutWhitespace(value));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean duration(String value) {
    Matcher simple = SIMPLE_DURATION.matcher(value);
    if (simple.matches()) {
      ChronoUnit unit = simple.group(2).isEmpty() ? ChronoUnit.MILLIS : DURATION_UNITS.get(simple.group(2).toLowerCase(Locale.ROOT));
      try {
        return unit != null && Duration.of(Long.parseLong(simple.group(1)), unit) != null;
      } catch (ArithmeticException | NumberFormatException e) {
        return false;
      }
    }
    if (ISO_DURATION.matcher(value).matches()) {
      try {
        Duration.parse(value);
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean dataSize(String text) {
    Matcher m = DATA_SIZE_PATTERN.matcher(withoutWhitespace(text));
    if (!m.matches()) {
      return false;
    }
    Long unit = m.group(2).isEmpty() ? Long.valueOf(1L) : DATA_UNITS.get(m.group(2));
    try {
      if (unit == null) {
        return false;
      }
      Math.multiplyExact(Long.parseLong(m.group(1)), unit.longValue());
      return true;
    } catch (ArithmeticException | NumberFormatException e) {
      return false;
    }
  }

  /** The text without any whitespace, as Spring's {@code StringUtils.trimAllWhitespace} leaves it. */
  private static String withoutWhitespace(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> b.append((char) c));
    return b.toString();
  }

  /** Spring's lenient enum name: letters and digits only, lower case. */
  private static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
