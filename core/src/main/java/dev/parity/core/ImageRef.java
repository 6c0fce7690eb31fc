package dev.parity.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, as Docker parses it.
 *
 * <pre>{@code
 * ImageRef node = ImageRef.parse("node:20.11.0-alpine3.19");
 * node.tag();          // Optional[20.11.0-alpine3.19]
 * node.isPinned();     // true
 * ImageRef.parse("node:20").isPinned();   // false: a floating major tag
 * }</pre>
 */
public final class ImageRef {

  private static final Pattern REFERENCE = Pattern.compile(
      "^(?<name>[a-z0-9]+(?:[._-][a-z0-9]+|__)*(?::[0-9]+(?=/))?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
          + "(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
          + "(?:@(?<digest>sha256:[a-f0-9]{64}))?$");
  private static final Pattern LEADING_VERSION = Pattern.compile("^v?(\\d+(?:[._]\\d+)*)");

  private final String registry;
  private final String repository;
  private final String tag;
  private final String digest;

  private ImageRef(String registry, String repository, String tag, String digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses an image reference.
   *
   * @throws IllegalArgumentException when {@code reference} is not a valid Docker image reference
   */
  public static ImageRef parse(String reference) {
    Objects.requireNonNull(reference, "reference");
    Matcher m = REFERENCE.matcher(reference);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + reference + "' is not a valid image reference"
          + " (expected [registry/]name[:tag][@sha256:digest], lower-case name)");
    }
    String name = m.group("name");
    String registry = null;
    String repository = name;
    int slash = name.indexOf('/');
    if (slash > 0) {
      String first = name.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        repository = name.substring(slash + 1);
      }
    }
    return new ImageRef(registry, repository, m.group("tag"), m.group("digest"));
  }

  /** The registry host (and port), if the reference names one. */
  public Optional<String> registry() {
    return Optional.ofNullable(registry);
  }

  /** The repository path without registry, for example {@code library/postgres} or {@code postgres}. */
  public String repository() {
    return repository;
  }

  /** The last path element of the repository: {@code postgres} for {@code bitnami/postgres}. */
  public String shortName() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  public Optional<String> digest() {
    return Optional.ofNullable(digest);
  }

  /** A copy of this reference that points at {@code newRegistry}, keeping repository, tag and digest. */
  public ImageRef withRegistry(String newRegistry) {
    return new ImageRef(newRegistry, repository, tag, digest);
  }

  /**
   * The version the tag starts with ({@code 14.9} for {@code 14.9-alpine}, {@code 1.14.0} for
   * {@code v1.14.0}), if the tag starts with a number.
   */
  public Optional<String> tagVersion() {
    if (tag == null) {
      return Optional.empty();
    }
    Matcher m = LEADING_VERSION.matcher(tag);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Whether this reference names one image for good: it carries a digest, or its tag starts with
   * an exact version. An exact version has three numeric parts ({@code 20.11.0}); PostgreSQL from
   * release 10 on numbers releases with two ({@code 14.9}).
   */
  public boolean isPinned() {
    if (digest != null) {
      return true;
    }
    return tagVersion().map(v -> Versions.isExact(shortName(), v)).orElse(false);
  }

  /** The reference as Docker writes it. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (registry != null) {
      s.append(registry).append('/');
    }
    s.append(repository);
    if (tag != null) {
      s.append(':').append(tag);
    }
    if (digest != null) {
      s.append('@').append(digest);
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageRef other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
