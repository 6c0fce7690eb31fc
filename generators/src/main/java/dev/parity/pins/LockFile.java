package dev.parity.pins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.ImageLock;
import dev.parity.core.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed image lock, {@code parity.lock.json} beside the spec: every third-party image
 * reference as the spec declares it, with its registry manifest digest and the services using it,
 * sorted by reference so that a refresh shows as a reviewable diff.
 *
 * <pre>{@code
 * {
 *   "comment" : "Image lock of stack 'shop', written by `parity lock` …",
 *   "images" : {
 *     "postgres:14.9-alpine" : {
 *       "digest" : "sha256:…",
 *       "services" : [ "db" ]
 *     }
 *   }
 * }
 * }</pre>
 */
public final class LockFile {

  /** The lock's file name, in the spec's folder. */
  public static final String NAME = "parity.lock.json";

  private static final String FIX = "run `parity lock --update` to write it again from the registry";

  private LockFile() {
  }

  /** The lock beside the spec whose folder is {@code specFolder}. */
  public static Path in(Path specFolder) {
    return specFolder.resolve(NAME);
  }

  /**
   * The lock at {@code file}, empty when there is none.
   *
   * @throws dev.parity.core.ParityException exit code 2 listing every problem: not JSON, an entry
   *     without a well-formed {@code sha256:} digest, a service the spec does not declare
   */
  public static Optional<ImageLock> read(Path file, Stack stack) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode root = PinFiles.read(file, FIX);
    JsonNode images = root.path("images");
    List<String> problems = new ArrayList<>();
    Map<String, ImageLock.Entry> entries = new TreeMap<>();
    if (!images.isObject()) {
      problems.add("has no \"images\" object; fix: " + FIX);
    }
    images.fields().forEachRemaining(field -> {
      String image = field.getKey();
      JsonNode digest = field.getValue().path("digest");
      if (!digest.isTextual() || !ImageLock.isDigest(digest.asText())) {
        problems.add("image '" + image + "': digest " + (digest.isMissingNode() ? "is missing" : "'"
            + digest.asText() + "' is not sha256: followed by 64 lower-case hex digits") + "; fix: run `parity lock"
            + " --update` for the services using it, or restore the line from version control");
      }
      List<String> services = new ArrayList<>();
      field.getValue().path("services").forEach(s -> services.add(s.asText()));
      for (String service : services) {
        if (stack.service(service).isEmpty()) {
          problems.add("image '" + image + "': service '" + service + "' is not declared in stack '" + stack.name()
              + "'; fix: run `parity lock` to rewrite the lock from the spec");
        }
      }
      entries.put(image, new ImageLock.Entry(digest.asText(), services));
    });
    if (!problems.isEmpty()) {
      throw PinFiles.invalid(file, problems);
    }
    return Optional.of(ImageLock.of(entries));
  }

  /** Writes {@code lock} for {@code stack}, sorted by image. */
  public static void write(Path file, Stack stack, ImageLock lock) {
    PinFiles.write(file, model(stack, lock));
  }

  /** The file's text for {@code lock}. */
  public static String render(Stack stack, ImageLock lock) {
    return PinFiles.render(model(stack, lock));
  }

  private static Map<String, Object> model(Stack stack, ImageLock lock) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("comment", "Image lock of stack '" + stack.name() + "', written by `parity lock`: the registry manifest"
        + " digest each third-party image tag named when it was locked. Generated files pin these digests; review"
        + " changes like code and refresh with `parity lock --update [service]`.");
    Map<String, Object> images = new TreeMap<>();
    lock.images().forEach((image, entry) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("digest", entry.digest());
      e.put("services", entry.services());
      images.put(image, e);
    });
    root.put("images", images);
    return root;
  }
}
