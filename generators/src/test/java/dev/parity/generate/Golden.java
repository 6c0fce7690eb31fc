package dev.parity.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Golden-file assertions. Goldens live under {@code src/test/resources/golden/}; run the tests with
 * {@code -Dparity.updateGoldens=true} to rewrite them, then review the diff like code.
 */
public final class Golden {

  private static final Path ROOT = Paths.get("src/test/resources/golden");

  private Golden() {
  }

  /** Asserts that {@code actual} equals the golden file {@code name}. */
  public static void assertMatches(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean("parity.updateGoldens") || !Files.exists(file) && Boolean.getBoolean("parity.createGoldens")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError("golden file " + file + " is missing; run with -Dparity.updateGoldens=true to create it");
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
          "output differs from golden " + file + " (rerun with -Dparity.updateGoldens=true to accept)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
