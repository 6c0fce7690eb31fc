package dev.parity.generate;

import java.util.stream.Collectors;

/** How a format writes a comment, for the "generated, do not edit" header. */
public enum CommentStyle {
  /** Dockerfile, YAML, HCL, TOML, shell, {@code .env}. */
  HASH,
  /** Markdown and other HTML-like formats. */
  HTML;

  /** {@code lines} as comment lines of this style, each ending in a newline. */
  public String comment(String text) {
    return switch (this) {
      case HASH -> text.lines().map(l -> l.isEmpty() ? "#" : "# " + l).collect(Collectors.joining("\n", "", "\n"));
      case HTML -> "<!--\n" + text.replace("--", "- -") + "\n-->\n";
    };
  }
}
