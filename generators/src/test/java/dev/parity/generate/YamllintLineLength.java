package dev.parity.generate;

/**
 * yamllint's default {@code line-length} rule, for tests of generated YAML: a line of at most
 * {@link YamlFolding#WIDTH} columns, or a line of one word after its indentation
 * ({@code allow-non-breakable-words: true}, yamllint's default).
 */
public final class YamllintLineLength {

  private YamllintLineLength() {
  }

  /** Whether yamllint's default configuration accepts {@code line}'s length. */
  public static boolean accepts(String line) {
    return line.length() <= YamlFolding.WIDTH || !line.strip().contains(" ");
  }
}
