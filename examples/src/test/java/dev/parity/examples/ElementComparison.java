package dev.parity.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the elements of an original compose file with those of the generated one: every
 * original element must be in the generated file, unless the sample's
 * {@code deliberate-differences.txt} lists it with a reason. Elements only the generated file
 * has (init, healthchecks, …) are not compared. An {@code image} element is kept when the
 * repository is the same; a tag that became exact is noted as pinned.
 *
 * <p>The differences file holds one {@code <element> | <reason>} per line; the reason starts with
 * a tag in brackets, {@code [DSL gap]} or {@code [generator gap]} for what Parity cannot express
 * yet, anything else (for example {@code [127.0.0.1]}, {@code [secret]}) for a deliberate change.
 * A listed element that the generated file keeps, or that the original does not have, is an error:
 * the list must say exactly what is lost.
 */
final class ElementComparison {

  /** What the reason of a listed difference says. */
  enum Category {
    DELIBERATE, DSL_GAP, GENERATOR_GAP;

    static Category of(String reason) {
      if (reason.startsWith("[DSL gap]")) {
        return DSL_GAP;
      }
      return reason.startsWith("[generator gap]") ? GENERATOR_GAP : DELIBERATE;
    }
  }

  /** The comparison of one sample. */
  record Result(List<String> kept, Map<String, String> notes, Map<String, String> listed, List<String> missing,
      List<String> listedButKept, List<String> listedButNotOriginal, List<String> original) {

    /** Whether every original element is kept or listed, and the list names only real losses. */
    boolean passes() {
      return missing.isEmpty() && listedButKept.isEmpty() && listedButNotOriginal.isEmpty();
    }

    long count(Category category) {
      return listed.values().stream().filter(r -> Category.of(r) == category).count();
    }

    /** Kept elements of the kinds the awesome-compose inventory counts. */
    long keptCounted() {
      return kept.stream().filter(ElementComparison::counted).count();
    }

    long originalCounted() {
      return original.stream().filter(ElementComparison::counted).count();
    }

    /** Why the comparison fails, one line per problem. */
    String problems() {
      StringBuilder s = new StringBuilder();
      missing.forEach(e -> s.append("  missing from the generated file, and not listed: ").append(e).append('\n'));
      listedButKept.forEach(e -> s.append("  listed as a difference, but the generated file keeps it: ").append(e)
          .append('\n'));
      listedButNotOriginal.forEach(e -> s.append("  listed as a difference, but not an element of the original: ")
          .append(e).append('\n'));
      return s.toString();
    }
  }

  private ElementComparison() {
  }

  static boolean counted(String element) {
    return !ComposeElements.UNCOUNTED_KINDS.contains(element.substring(0, element.indexOf(' ')));
  }

  /** Reads {@code <element> | <reason>} lines; blank lines and {@code #} comments are skipped. */
  static Map<String, String> parseDifferences(List<String> lines) {
    Map<String, String> differences = new LinkedHashMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int bar = trimmed.indexOf(" | ");
      if (bar < 0) {
        throw new IllegalArgumentException("'" + trimmed + "' is not '<element> | <reason>'");
      }
      differences.put(trimmed.substring(0, bar).strip(), trimmed.substring(bar + 3).strip());
    }
    return differences;
  }

  static Result compare(List<String> original, List<String> generated, Map<String, String> differences) {
    List<String> kept = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    Map<String, String> listed = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> listedButKept = new ArrayList<>();
    for (String element : original) {
      Optional<String> match = match(element, generated);
      if (match.isPresent()) {
        kept.add(element);
        note(element, match.get()).ifPresent(n -> notes.put(element, n));
        if (differences.containsKey(element)) {
          listedButKept.add(element);
        }
      } else if (differences.containsKey(element)) {
        listed.put(element, differences.get(element));
      } else {
        missing.add(element);
      }
    }
    List<String> notOriginal = differences.keySet().stream().filter(e -> !original.contains(e)).toList();
    return new Result(kept, notes, listed, missing, listedButKept, notOriginal, List.copyOf(original));
  }

  /** The generated element that keeps {@code element}: the same line, or for an image the same repository. */
  private static Optional<String> match(String element, List<String> generated) {
    if (generated.contains(element)) {
      return Optional.of(element);
    }
    if (element.startsWith("image ")) {
      String repository = element.substring(0, element.lastIndexOf(" tag=") + 1);
      return generated.stream().filter(g -> g.startsWith(repository + "tag=")).findFirst();
    }
    return Optional.empty();
  }

  private static Optional<String> note(String element, String match) {
    if (element.equals(match)) {
      return Optional.empty();
    }
    String from = element.substring(element.lastIndexOf("tag=") + 4);
    String to = match.substring(match.lastIndexOf("tag=") + 4);
    boolean wasExact = from.matches("v?\\d+\\.\\d+\\.\\d+.*") || from.startsWith("sha256:");
    return Optional.of((wasExact ? "version changed " : "pinned ") + from + " -> " + to);
  }
}
