package dev.parity.core;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Kubernetes resource quantity ({@code 250m}, {@code 0.5}, {@code 512Mi}, {@code 1e3}) into
 * its value, by the rules of the API's {@code resource.Quantity}: a non-negative decimal number
 * followed by a binary suffix (Ki…Ei), a decimal suffix (m, k, M…E) or a decimal exponent.
 */
final class Quantity {

  private static final Pattern FORMAT = Pattern.compile(
      "(?<number>[0-9]+(\\.[0-9]*)?|\\.[0-9]+)(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]{1,3})?");
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("m", new BigDecimal("0.001")), Map.entry("k", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)),
      Map.entry("G", BigDecimal.TEN.pow(9)), Map.entry("T", BigDecimal.TEN.pow(12)), Map.entry("P", BigDecimal.TEN.pow(15)),
      Map.entry("E", BigDecimal.TEN.pow(18)), Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
      Map.entry("Mi", BigDecimal.valueOf(2).pow(20)), Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
      Map.entry("Ti", BigDecimal.valueOf(2).pow(40)), Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
      Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

  private Quantity() {
  }

  /** The value of {@code text}, or empty when it is not a quantity. */
  static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group("number").startsWith(".") ? "0" + m.group("number") : m.group("number"));
    String suffix = m.group("suffix");
    if (suffix == null) {
      return Optional.of(number);
    }
    if (suffix.startsWith("e") || suffix.startsWith("E")) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
    }
    return Optional.of(number.multiply(SUFFIXES.get(suffix)));
  }

  /** Whether {@code text} ends in the milli suffix, which for memory means thousandths of a byte. */
  static boolean isMilli(String text) {
    return text != null && text.endsWith("m");
  }
}
