package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ImageLock;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import dev.parity.pins.LockFile;
import dev.parity.registry.ImageDigests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity lock}: the registry digest of every third-party image, in {@code parity.lock.json} beside the spec. */
@Command(name = "lock", mixinStandardHelpOptions = true,
    description = {"Resolve every third-party image of the spec (base and build images of generated Dockerfiles,"
        + " databases, caches, containers) to its registry manifest digest and write parity.lock.json beside the spec.",
        "Images already locked keep their digest; images the spec no longer uses are dropped. `parity generate` then"
            + " writes image:tag@sha256:... everywhere, and `parity up` pulls by digest."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the lock is written (or was already complete)",
        "1:an image is not at its registry",
        "2:the spec or the lock is invalid, an unknown service was named, or the registry cannot be reached"})
final class LockCommand implements Callable<Integer> {

  private static final String ALL = "*";

  @Mixin
  SpecOptions options;

  @Mixin
  ResolveOptions resolve;

  @Option(names = "--update", arity = "0..1", paramLabel = "<service>", fallbackValue = ALL,
      description = "Resolve again, deliberately: every image, or only those of <service>.")
  String update;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.load();
    Stack stack = loaded.stack();
    if (update != null && !update.equals(ALL) && stack.service(update).isEmpty()) {
      throw new ParityException(ErrorCode.USAGE, "--update: stack '" + stack.name() + "' has no service '" + update
          + "'; services: " + String.join(", ", stack.services().stream().map(s -> s.name()).toList()));
    }
    Path file = LockFile.in(loaded.folder());
    ImageLock previous = SpecOptions.lock(loaded).orElse(ImageLock.empty());
    ImageDigests digests = resolve.digests();
    PrintWriter out = command.commandLine().getOut();
    Map<String, ImageLock.Entry> entries = new LinkedHashMap<>();
    int changed = 0;
    for (Map.Entry<String, List<String>> image : ImageLock.imagesOf(stack).entrySet()) {
      String reference = image.getKey();
      List<String> services = image.getValue();
      String before = previous.digest(reference).orElse(null);
      boolean refresh = before == null || ALL.equals(update) || services.contains(update);
      String digest = refresh ? digests.digest(ImageRef.parse(reference)) : before;
      entries.put(reference, new ImageLock.Entry(digest, services));
      String users = " (" + String.join(", ", services) + ")";
      if (before == null) {
        out.println("  locked   " + reference + "@" + digest + users);
        changed++;
      } else if (!before.equals(digest)) {
        out.println("  updated  " + reference + ": " + before + " -> " + digest + users);
        changed++;
      }
    }
    for (String dropped : previous.images().keySet()) {
      if (!entries.containsKey(dropped)) {
        out.println("  dropped  " + dropped + " (no longer in the spec)");
        changed++;
      }
    }
    ImageLock lock = ImageLock.of(entries);
    boolean rewrite = changed > 0 || !lock.equals(previous) || !java.nio.file.Files.exists(file);
    if (rewrite) {
      LockFile.write(file, stack, lock);
    }
    out.printf("%s: %d image(s) locked, %d changed%s.%n", file, entries.size(), changed,
        changed > 0 ? "; run `parity generate` to pin the tree to them" : "");
    return 0;
  }
}
