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
  void anyTextIsOneMermaidLabelThatReadsBackAsItself() {
    qt().withExamples(500).withShrinkCycles(200).forAll(AdversarialStrings.any()).checkAssert(text -> {
      String label = Mermaid.label(text, text);
      assertThat(label).matches(MERMAID_LABEL);
      assertThat(decode(label)).isEqualTo(text + "\n" + text);
    });
  }

  @Test
  void mountPathsWithQuotesBracketsHashesAndUnicodeLeaveTheServiceGraphWhole() {
    String path = "conf/n\"g\" [1] {x} #2 |é| %%.conf";
    String target = "/etc/a \"b\" [c] #d é.conf";
    Stack stack = Stack.named("odd")
        .service(dev.parity.core.Container.of("proxy", "nginx:1.25.3-alpine").hostPort(8088)
            .options(o -> o.mount(dev.parity.core.Mount.bind(path, target).readOnly())
                .mount(dev.parity.core.Mount.volume("cache-x", "/var/cache/\"\u00e9\""))))
        .environment(Environment.local()).build();
    String graph = EnvironmentsDocGeneratorTest.mermaid(EnvironmentsDocGeneratorTest.render(stack), 0);
    List<String> labels = new ArrayList<>();
    for (String line : graph.split("\n")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(MERMAID_LABEL).matcher(line);
      while (m.find()) {
        labels.add(decode(m.group()));
      }
      // outside its labels, a line holds only ids, shapes and arrows
      assertThat(line.replaceAll(MERMAID_LABEL, "L")).matches(
          "flowchart LR|  (s|v|b|p)\\d+(\\[L\\]|\\[\\(L\\)\\]|\\[\\[L\\]\\]|\\(\\[L\\]\\) -->\\|L\\| s\\d+| ---\\|L\\| [vb]\\d+)");
    }
    assertThat(labels).contains("./" + path, target + " (read-only)", "volume cache-x", "/var/cache/\"\u00e9\"");
  }

  private static final String MERMAID_LABEL = "\"([A-Za-z0-9 .:,/_()-]|#[0-9]+;|<br>)*\"";

  /** The text a Mermaid label shows: entity codes decoded, line breaks as newlines. */
  private static String decode(String label) {
    String inner = label.substring(1, label.length() - 1).replace("<br>", "\n");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("#([0-9]+);").matcher(inner);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
    }
    return m.appendTail(out).toString();
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
