package dev.parity.pins;

import dev.parity.core.ImageLock;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a lock still fits its spec: every third-party image of the spec is locked, no entry is
 * left from an image the spec no longer uses, and (when the registry was asked) every tag still
 * names the locked digest.
 */
public final class LockCheck {

  private LockCheck() {
  }

  /** One line per image the lock misses, holds in excess, or attributes to other services. */
  public static List<String> against(Stack stack, ImageLock lock) {
    List<String> findings = new ArrayList<>();
    Map<String, List<String>> declared = ImageLock.imagesOf(stack);
    declared.forEach((image, services) -> {
      ImageLock.Entry entry = lock.images().get(image);
      if (entry == null) {
        findings.add("image " + image + " (" + String.join(", ", services) + ") is not in the lock;"
            + " run `parity lock` to add it");
      } else if (!entry.services().equals(services)) {
        findings.add("image " + image + " is locked for " + String.join(", ", entry.services())
            + ", but the spec uses it for " + String.join(", ", services) + "; run `parity lock` to rewrite the lock");
      }
    });
    lock.images().keySet().stream().filter(image -> !declared.containsKey(image)).forEach(image ->
        findings.add("image " + image + " is locked, but the spec does not use it; run `parity lock` to drop it"));
    return findings;
  }

  /**
   * One line per locked image whose tag names another digest now.
   *
   * @param resolved the digest each image's tag names at its registry now, by reference
   */
  public static List<String> againstRegistry(ImageLock lock, Map<String, String> resolved) {
    List<String> findings = new ArrayList<>();
    lock.images().forEach((image, entry) -> {
      String now = resolved.get(image);
      if (now != null && !now.equals(entry.digest())) {
        findings.add("image " + image + " is locked at " + entry.digest() + ", but its tag names " + now
            + " at the registry now (re-pushed); review the new image, then `parity lock --update"
            + entry.services().stream().findFirst().map(s -> " " + s).orElse("") + "`");
      }
    });
    return findings;
  }
}
