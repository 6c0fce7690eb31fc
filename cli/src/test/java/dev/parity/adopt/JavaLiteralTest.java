package dev.parity.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Any value written by {@link JavaLiteral} compiles and holds exactly that value, and any comment
 * text stays inside its comment: checked by compiling the source with javax.tools.
 */
class JavaLiteralTest {

  private static final List<String> NASTY = List.of("\"", "\\", "\\u000a", "\\\\u0022", "*/", "/*", "$", "${X}", "$$",
      "\n", "\r", "\r\n", "\t", "\u0000", "\u007f", "\u2028", "\u2029", "\u0085", "é", "日本", "😀", "\ud800", "'",
      "#", "//", "\\n", "u000a", "0", "7");

  /** Strings mixing the fragments that break naive escaping with arbitrary code points. */
  static Gen<String> values() {
    Gen<String> fragment = integers().between(0, NASTY.size()).zip(strings().allPossible().ofLengthBetween(0, 3),
        (i, any) -> i == NASTY.size() ? any : NASTY.get(i));
    return lists().of(fragment).ofSizeBetween(0, 8).map(parts -> String.join("", parts));
  }

  @Test
  void everyLiteralCompilesAndHoldsExactlyItsValue() {
    qt().withExamples(10).withShrinkCycles(0).forAll(lists().of(values()).ofSizeBetween(1, 60)).checkAssert(values -> {
      String array = values.stream().map(JavaLiteral::string).collect(Collectors.joining(",\n    "));
      Class<?> type = compile(values, "Literals", "public class Literals {\n"
          + "  public static String[] values() {\n    return new String[] {\n    " + array + "};\n  }\n}\n");
      try {
        assertThat((String[]) type.getMethod("values").invoke(null)).containsExactlyElementsOf(values);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void commentTextNeverEndsItsComment() {
    qt().withExamples(10).withShrinkCycles(0).forAll(lists().of(values()).ofSizeBetween(1, 60)).checkAssert(texts -> {
      String body = IntStream.range(0, texts.size()).mapToObj(i -> "  /** " + JavaLiteral.comment(texts.get(i))
          + " */\n  public static int a" + i + " = " + i + "; // " + JavaLiteral.comment(texts.get(i)) + "\n"
          + "  public static int b" + i + " = " + i + ";\n").collect(Collectors.joining());
      Class<?> type = compile(texts, "Comments", "public class Comments {\n" + body + "}\n");
      assertThat(type.getFields()).hasSize(2 * texts.size());
    });
  }

  /** Compiles, naming the values in escaped form when it fails (the raw ones would garble the report). */
  private static Class<?> compile(List<String> values, String name, String source) {
    try {
      return InMemoryJava.compile(name, source);
    } catch (AssertionError e) {
      throw new AssertionError("values " + values.stream().map(JavaLiteral::string).toList() + ": "
          + JavaLiteral.comment(e.getMessage()));
    }
  }

  @Test
  void plainValuesStayReadable() {
    assertThat(JavaLiteral.string("postgres:16.2-alpine")).isEqualTo("\"postgres:16.2-alpine\"");
    assertThat(JavaLiteral.string("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(JavaLiteral.string("\u0001" + "7")).isEqualTo("\"\\0017\"");
    assertThat(JavaLiteral.comment("a */ b\nc")).isEqualTo("a * / b c");
    assertThat(JavaLiteral.string((char) 0xd800 + "\\u0022")).isEqualTo("\"\\ud800\" + \"\\\\u0022\"");
  }
}
