package dev.parity.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The image lock: for every third-party image of a stack (base and build images of generated
 * Dockerfiles, databases, caches, containers), the registry's manifest digest its tag named when
 * it was locked. With a lock, every generated reference reads {@code image:tag@sha256:…}, so a
 * re-pushed tag cannot change what runs.
 *
 * <pre>{@code
 * ImageLock lock = ImageLock.of(Map.of("postgres:14.9-alpine",
 *     new ImageLock.Entry("sha256:0f1e…", List.of("db"))));
 * lock.pin("postgres:14.9-alpine");   // postgres:14.9-alpine@sha256:0f1e…
 * }</pre>
 */
public final class ImageLock {

  private static final Pattern DIGEST = Pattern.compile("^sha256:[a-f0-9]{64}$");
  private static final ImageLock EMPTY = new ImageLock(Map.of());

  /**
   * One locked image.
   *
   * @param digest the registry manifest digest, {@code sha256:} and 64 lower-case hex digits (for a
   *     multi-platform image the digest of its index)
   * @param services the services that use the image, sorted
   */
  public record Entry(String digest, List<String> services) {
    public Entry {
      Objects.requireNonNull(digest, "digest");
      services = List.copyOf(new TreeSet<>(services));
    }
  }

  private final Map<String, Entry> images;

  private ImageLock(Map<String, Entry> images) {
    this.images = Collections.unmodifiableMap(new TreeMap<>(images));
  }

  /** No image locked: references are rendered as declared. */
  public static ImageLock empty() {
    return EMPTY;
  }

  /** A lock of {@code images}, keyed by the reference as the spec declares it (without digest). */
  public static ImageLock of(Map<String, Entry> images) {
    return new ImageLock(images);
  }

  /** Whether {@code digest} is a well-formed sha256 content digest. */
  public static boolean isDigest(String digest) {
    return digest != null && DIGEST.matcher(digest).matches();
  }

  /** Every locked image, sorted by reference. */
  public Map<String, Entry> images() {
    return images;
  }

  public boolean isEmpty() {
    return images.isEmpty();
  }

  /** The locked digest of {@code reference}, if it is locked with a well-formed digest. */
  public Optional<String> digest(String reference) {
    Entry entry = images.get(reference);
    return entry == null || !isDigest(entry.digest()) ? Optional.empty() : Optional.of(entry.digest());
  }

  /** {@code reference@digest} when the lock has it, else {@code reference} unchanged. */
  public String pin(String reference) {
    return digest(reference).map(d -> reference + "@" + d).orElse(reference);
  }

  /** {@code image} with its locked digest; unchanged when it carries a digest already or is not locked. */
  public ImageRef pin(ImageRef image) {
    if (image.digest().isPresent()) {
      return image;
    }
    return ImageRef.parse(pin(image.toString()));
  }

  /** A copy in which {@code reference} is locked at {@code entry}. */
  public ImageLock with(String reference, Entry entry) {
    Map<String, Entry> copy = new TreeMap<>(images);
    copy.put(reference, entry);
    return new ImageLock(copy);
  }

  /**
   * The third-party images of {@code stack} that a lock pins, by reference as declared, each with
   * the services using it: the base image of every generated Dockerfile and the JDK image of its
   * Maven build stage, and the image of every database, cache and container. References that carry
   * a digest already, and apps that bring their own Dockerfile, are left out.
   */
  public static Map<String, List<String>> imagesOf(Stack stack) {
    Map<String, TreeSet<String>> byImage = new TreeMap<>();
    for (Service service : stack.services()) {
      List<String> references = new ArrayList<>();
      if (service instanceof App app) {
        app.baseImageReference().ifPresent(references::add);
        app.buildImageReference().ifPresent(references::add);
      } else if (service instanceof Postgres db) {
        references.add(db.imageReference());
      } else if (service instanceof MySql db) {
        references.add(db.imageReference());
      } else if (service instanceof Redis redis) {
        references.add(redis.imageReference());
      } else if (service instanceof Container container) {
        references.add(container.imageReference());
      }
      for (String reference : references) {
        if (ImageRef.parse(reference).digest().isEmpty()) {
          byImage.computeIfAbsent(reference, r -> new TreeSet<>()).add(service.name());
        }
      }
    }
    Map<String, List<String>> result = new TreeMap<>();
    byImage.forEach((image, services) -> result.put(image, List.copyOf(services)));
    return Collections.unmodifiableMap(result);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageLock other && images.equals(other.images);
  }

  @Override
  public int hashCode() {
    return images.hashCode();
  }
}
