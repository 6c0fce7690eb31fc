package dev.parity.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Strings that break naive escaping — quotes, backslashes, {@code $}, {@code ${…}}, {@code %{},
 * {@code #}, newlines, control characters, emoji, combining marks, invisible and bidi-relevant
 * characters — mixed with random ASCII and Unicode text, for property tests of every format.
 */
public final class AdversarialStrings {

  /** Fragments known to break one format or another. */
  public static final List<String> FRAGMENTS = List.of("\"", "\\", "\\\\", "\\n", "\\u0041", "$", "$$", "${",
      "${var.x}", "$${", "${DB_PASSWORD}", "$DB_PASSWORD", "%", "%{", "%{ if true }x%{ endif }", "%%{", "#", " #",
      "//", "/*", "*/", "<<EOF\n", "\n", "\r\n", "\r", "\t", " ", "  ", "'", "''", "`", "=", ": ", ":", "- ", "? ",
      "{", "}", "[", "]", "|", ">", "<", "&", "*", "!", "@", "%", "~", "null", "true", "no", "0x1F", "1e3", "-", "---",
      "...", "😀", "👩‍💻", "🇪🇺", "e\u0301", "\u00e9", "日本語", "\u200b", "\u2028", "\u2029", "\u00a0", "\ufeff",
      "\u0001", "\u001b", "\u007f", "\u0085", "<br>", "&amp;", "-->", "<!--");

  private AdversarialStrings() {
  }

  /** A QuickTheories generator: up to ten pieces, each a fragment, ASCII text or other Unicode text. */
  public static Gen<String> any() {
    return in -> generate((min, max) -> in.next(Constraint.between(min, max)));
  }

  /**
   * {@code count} values drawn from a fixed seed, for tests that push every sample through one run
   * of a real tool (each run starts a process). The seed makes a failure reproducible.
   */
  public static List<String> samples(long seed, int count) {
    Random random = new Random(seed);
    Draw source = (min, max) -> min + (long) (random.nextDouble() * (max - min + 1));
    List<String> samples = new ArrayList<>(List.of("", " leading", "trailing ", " \t ", "${}", "$${x}", "%%{", "$", "\\"));
    samples.addAll(FRAGMENTS);
    for (int i = 0; i < count; i++) {
      samples.add(generate(source));
    }
    return samples;
  }

  /** A number between {@code min} and {@code max}, inclusive. */
  private interface Draw {
    long between(long min, long max);
  }

  private static String generate(Draw in) {
    int pieces = (int) in.between(0, 10);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      long kind = in.between(0, 8);
      if (kind < 5) {
        s.append(FRAGMENTS.get((int) in.between(0, FRAGMENTS.size() - 1)));
      } else if (kind < 8) {
        int length = (int) in.between(1, 6);
        for (int j = 0; j < length; j++) {
          s.append((char) in.between(' ', '~'));
        }
      } else {
        s.appendCodePoint((int) in.between(0xA0, 0xD7FF));
      }
    }
    return s.toString();
  }
}
