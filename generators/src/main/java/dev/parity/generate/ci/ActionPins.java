package dev.parity.generate.ci;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of GitHub Actions the generated workflow uses, each pinned to the full commit SHA
 * its release tag pointed to, as GitHub's security hardening guide and OpenSSF Scorecard's
 * Pinned-Dependencies check ask: a tag can be moved, a commit cannot. The workflow writes
 * {@code uses: actions/checkout@<sha> # v4.4.0}, so Dependabot and a reviewer see the version.
 *
 * <p>To move to a newer release, change the version and its commit here together (the commit a
 * tag points to: {@code tools/action-pins.sh actions/checkout v4.4.0}, or {@code git ls-remote}
 * of the action's repository, dereferencing an annotated tag with {@code ^{}}), update the
 * goldens ({@code -Dparity.updateGoldens=true}) and regenerate the example trees; see
 * docs/generated-tree.md, "Pinned actions".
 */
enum ActionPins {

  CHECKOUT("actions/checkout", "v4.4.0", "11d5960a326750d5838078e36cf38b85af677262"),
  SETUP_JAVA("actions/setup-java", "v4.9.1", "cf277c60eb25467037889841efdb72551f06f6c3"),
  DOCKER_LOGIN("docker/login-action", "v3.7.0", "c94ce9fb468520275223c153574b00df6fe4bcc9");

  /** yamllint's default maximum line length, which the workflow keeps. */
  static final int WIDTH = 80;

  private static final Pattern USES = Pattern.compile("(?m)^(\\s*(?:- )?uses: )([\\w.-]+/[\\w.-]+)@([0-9a-f]{40})$");

  private final String action;
  private final String version;
  private final String commit;

  ActionPins(String action, String version, String commit) {
    this.action = action;
    this.version = version;
    this.commit = commit;
  }

  /** The action's repository, {@code owner/name}. */
  String action() {
    return action;
  }

  /** The release tag the commit belongs to. */
  String version() {
    return version;
  }

  /** The full commit SHA the release tag points to. */
  String commit() {
    return commit;
  }

  /** The value of {@code uses:}: {@code owner/name@<sha>}. */
  String uses() {
    return action + "@" + commit;
  }

  /**
   * {@code yaml} with the version as a comment after each pinned {@code uses:} of this table. Where
   * {@code uses: <action>@<sha>  # <version>} would pass {@link #WIDTH} columns, the value moves to the
   * next line (a plain scalar, the same string), with its comment beside it, as Dependabot updates it.
   */
  static String withVersionComments(String yaml) {
    Matcher m = USES.matcher(yaml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String line = m.group();
      for (ActionPins pin : values()) {
        if (pin.action.equals(m.group(2)) && pin.commit.equals(m.group(3))) {
          String commented = line + "  # " + pin.version;
          line = commented.length() <= WIDTH ? commented : m.group(1).stripTrailing() + "\n"
              + " ".repeat(m.group(1).length() - "uses: ".length() + 2) + pin.uses() + "  # " + pin.version;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(line));
    }
    m.appendTail(out);
    return out.toString();
  }
}
