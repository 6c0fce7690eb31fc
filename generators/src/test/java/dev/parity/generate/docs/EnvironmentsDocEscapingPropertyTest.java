package dev.parity.generate.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.generate.AdversarialStrings;
import dev.parity.generate.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Any text a spec can hold, as a config key's description, a deviation's reason and a
 * per-environment value, leaves every table of ENVIRONMENTS.md whole and reads back as itself.
 */
class EnvironmentsDocEscapingPropertyTest {

  @Test
  void anyTextKeepsEveryRowWholeAndReadsBack() {
    qt().withExamples(300).withShrinkCycles(200).forAll(AdversarialStrings.any()).checkAssert(this::keepsRowsWhole);
  }

  private void keepsRowsWhole(String text) {
    String doc = EnvironmentsDocGeneratorTest.render(stackWith(text));

    assertRowsAreWhole(doc);
    List<String> schema = EnvironmentsDocGeneratorTest.row(EnvironmentsDocGeneratorTest.table(doc, "Key"), "NOTE");
    assertThat(schema.get(6)).isEqualTo(asCell(text));
    List<String> deviation = EnvironmentsDocGeneratorTest.row(
        EnvironmentsDocGeneratorTest.table(doc, "What differs"), "web");
    assertThat(deviation.get(2)).isEqualTo(asCell("differs: " + text));
    assertThat(deviation.get(3)).isEqualTo(asCell("because: " + text));
    List<String> perEnvironment = EnvironmentsDocGeneratorTest.row(
        EnvironmentsDocGeneratorTest.table(doc, "Setting"), "NOTE");
    assertThat(perEnvironment).containsExactly("NOTE", "same", asValueCell(text), "same");
  }

  @Test
  void aPipeAfterABackslashStaysInItsCell() {
    keepsRowsWhole("a\\|b | c\\\\|`|`\n\\");
  }

  /** A stack whose description, deviation and staging value of NOTE are {@code text}. */
  private static Stack stackWith(String text) {
    return Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19").dependsOn("db", "cache").uses("DB_PASSWORD", "NOTE"))
        .service(Postgres.of("db", "14.9").password("DB_PASSWORD"))
        .service(Redis.of("cache", "7.2.3"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.string("NOTE").defaultValue("same").perEnvironment().describedAs(text))
        .environment(Environment.local())
        .environment(Fixtures.remote("staging", 2).set("NOTE", text))
        .environment(Fixtures.remote("production", 4))
        .deviation(Deviation.of("web").in("staging").differs("differs: " + text).because("because: " + text))
        .build();
  }

  /**
   * What a reader sees of free text in a cell: the text, with Windows line ends as line breaks
   * and the outer spaces and tabs that Markdown trims from every cell gone.
   */
  private static String asCell(String text) {
    String lines = text.replace("\r\n", "\n").replace("\r", "");
    return lines.replaceAll("\\A[ \t]+|[ \t]+\\z", "");
  }

  /** A value shows as a code span, exactly; one a code span cannot hold shows as free text. */
  private static String asValueCell(String value) {
    return value.isEmpty() || value.contains("\n") || value.contains("\r") ? asCell(value) : value;
  }

  /**
   * Every table line starts and ends with an unescaped pipe and has as many cells as its header,
   * counting pipes as GitHub does (a pipe after a backslash is text); a table ends at a blank line.
   */
  static void assertRowsAreWhole(String markdown) {
    String[] lines = markdown.split("\n", -1);
    int expected = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.startsWith("|")) {
        assertThat(expected == -1 || line.isEmpty()).as("line %d ends a table without a blank line: %s", i + 1, line)
            .isTrue();
        expected = -1;
        continue;
      }
      List<Integer> pipes = new ArrayList<>();
      for (int c = 0; c < line.length(); c++) {
        if (line.charAt(c) == '|' && (c == 0 || line.charAt(c - 1) != '\\')) {
          pipes.add(c);
        }
      }
      assertThat(pipes.get(pipes.size() - 1)).as("line %d ends with a pipe: %s", i + 1, line)
          .isEqualTo(line.length() - 1);
      if (expected == -1) {
        expected = pipes.size();
      }
      assertThat(pipes).as("cells of line %d: %s", i + 1, line).hasSize(expected);
    }
  }
}
