package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.parity.cli.MisspelledNames.Mistake;
import dev.parity.cli.MisspelledNames.Site;
import dev.parity.cli.MisspelledNames.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every name a spec gives to a {@code ConfigValue} factory or another reference of the DSL, misspelled
 * (one or two edits, another case, empty, unknown), on every combination of environment targets, is
 * refused by {@code parity generate} as the command line runs it: exit 2, one message naming the element
 * and the offending name, a "did you mean" for a near miss, nothing written, and never an exception's
 * class name or text.
 */
class StackMistakesPropertyTest {

  @TempDir
  Path project;

  @Test
  void theBillingStackSpelledRightGeneratesOnEveryTarget() {
    for (int mask = 1; mask <= 7; mask++) {
      Set<Target> targets = MisspelledNames.targets(mask);
      Run run = generate(targets, null, null);
      assertThat(run.exit).as("%s: %s", targets, run.err).isZero();
      assertThat(run.written).as("%s", targets).isTrue();
    }
  }

  @Test
  void everyMisspelledNameIsAValidationMessageNamingTheElementAndTheName() {
    qt().withExamples(400).withShrinkCycles(20)
        .forAll(arbitrary().enumValues(Site.class), integers().between(1, 7), arbitrary().enumValues(Mistake.class),
            longs().all())
        .assuming((site, mask, mistake, seed) -> valid(site, MisspelledNames.targets(mask), mistake, seed))
        .checkAssert((site, mask, mistake, seed) -> refused(site, MisspelledNames.targets(mask), mistake, seed));
  }

  /** Each site on each target with an unknown name and with a change of case, so that none is left to chance. */
  @Test
  void everySiteOnEveryTargetIsChecked() {
    java.util.List<String> failures = new java.util.ArrayList<>();
    for (Site site : Site.values()) {
      for (int mask = 1; mask <= 7; mask++) {
        for (Mistake mistake : new Mistake[] {Mistake.UNKNOWN, Mistake.UPPER_CASE, Mistake.EMPTY, Mistake.DELETE}) {
          if (valid(site, MisspelledNames.targets(mask), mistake, mask)) {
            try {
              refused(site, MisspelledNames.targets(mask), mistake, mask);
            } catch (AssertionError e) {
              failures.add(e.getMessage());
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Whether the site exists on the targets and the mistake names nothing that is declared. */
  private static boolean valid(Site site, Set<Target> targets, Mistake mistake, long seed) {
    if (!site.existsOn(targets)) {
      return false;
    }
    String wrong = mistake.apply(site.right(targets), seed);
    return MisspelledNames.declared(site.kind, targets).stream().noneMatch(wrong::equals);
  }

  private void refused(Site site, Set<Target> targets, Mistake mistake, long seed) {
    String right = site.right(targets);
    String wrong = mistake.apply(right, seed);
    Run run = generate(targets, site, wrong);
    String what = site + " on " + targets + " given '" + wrong + "' for '" + right + "': " + run.err;
    assertThat(run.exit).as(what).isEqualTo(2);
    assertThat(run.written).as(what).isFalse();
    assertThat(run.err).as(what)
        .startsWith("parity: Invalid spec 'billing'")
        .contains(site.element)
        .contains("'" + wrong + "'")
        .doesNotContain("Exception", "No value present", "\tat ", "failed in stack()", "unexpected error", "null");
    if (mistake.caseOnly()) {
      assertThat(run.err).as(what).contains("did you mean '" + right + "'?");
    } else if (mistake.nearMiss() && right.length() > 2) {
      assertThat(run.err).as(what).contains("did you mean '");
    }
  }

  private Run generate(Set<Target> targets, Site site, String wrong) {
    MisspelledNames.Spec.next(() -> MisspelledNames.stack(targets, site, wrong).build());
    Path out = project.resolve("deploy");
    StringWriter err = new StringWriter();
    int exit = ParityCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "generate",
        "--spec", MisspelledNames.Spec.class.getName(), "--project-dir", project.toString(), "--out", out.toString());
    boolean written = Files.exists(out);
    try {
      if (written) {
        try (var files = Files.walk(out)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Run(exit, err.toString(), written);
  }

  private record Run(int exit, String err, boolean written) {
  }
}
