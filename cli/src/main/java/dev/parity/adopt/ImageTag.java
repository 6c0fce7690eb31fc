package dev.parity.adopt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference as the importer reads it: the official database images it maps to their kinds
 * ({@code postgres}, {@code mysql}, {@code mariadb}, {@code redis}, with or without {@code docker.io/}
 * and {@code library/}), the version at the start of the tag and the variant after it
 * ({@code 16.2-alpine}: version 16.2, variant alpine), and whether the reference is pinned.
 *
 * @param reference the reference as written
 * @param engine the database kind, or null for any other image
 */
record ImageTag(String reference, String engine, String repository, String tag, String digest) {

  private static final Pattern REFERENCE = Pattern.compile("^(?<name>[^@]+?)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]*))?"
      + "(?:@(?<digest>[A-Za-z0-9]+:[A-Fa-f0-9]+))?$");
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+(?:\\.\\d+)*)(?:-(.+))?$");

  static ImageTag parse(String reference) {
    Matcher m = REFERENCE.matcher(reference);
    if (!m.matches() || m.group("name").endsWith("/")) {
      return new ImageTag(reference, null, reference, null, null);
    }
    String name = m.group("name");
    String shortName = name.replaceFirst("^(docker\\.io/|index\\.docker\\.io/)", "").replaceFirst("^library/", "");
    String engine = switch (shortName) {
      case "postgres", "mysql", "mariadb", "redis" -> shortName;
      default -> null;
    };
    return new ImageTag(reference, engine, name, m.group("tag"), m.group("digest"));
  }

  /** The version the tag starts with ({@code 16.2} of {@code 16.2-alpine}), if it starts with one. */
  Optional<String> version() {
    if (tag == null) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(tag);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** What follows the version ({@code alpine}), or the whole tag when it has no version ({@code alpine}). */
  Optional<String> variant() {
    if (tag == null) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(tag);
    return m.matches() ? Optional.ofNullable(m.group(2)) : tag.equals("latest") ? Optional.empty() : Optional.of(tag);
  }

  /**
   * Whether the reference names one image for good: a digest, or a tag whose version has three
   * numbers (two for PostgreSQL 10 and later), as Parity's validation requires.
   */
  boolean isPinned() {
    if (digest != null) {
      return true;
    }
    return version().map(v -> v.split("\\.").length >= needed(v)).orElse(false);
  }

  private int needed(String version) {
    boolean postgres = "postgres".equals(engine) || repository.endsWith("postgres");
    return postgres && Integer.parseInt(version.split("\\.")[0]) >= 10 ? 2 : 3;
  }

  /** What is wrong with an unpinned reference, for the TODO. */
  String whyFloating() {
    if (tag == null && digest == null) {
      return "image '" + reference + "' has no tag, which means 'latest'";
    }
    if ("latest".equals(tag)) {
      return "image '" + reference + "' uses the floating tag 'latest'";
    }
    return "image '" + reference + "' has the floating tag '" + tag + "', which moves to newer releases";
  }
}
