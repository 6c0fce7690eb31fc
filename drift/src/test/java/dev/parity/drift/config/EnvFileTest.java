package dev.parity.drift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The env-file rules of Docker Compose (compose-go's dotenv), value by value. */
class EnvFileTest {

  private static Map<String, String> parse(String text) {
    return EnvFile.parse(text, Map.of());
  }

  private static String value(String text) {
    return parse(text).get("V");
  }

  @Test
  void double_quotes_decode_their_escapes_and_keep_hash_signs() {
    assertThat(value("V=\"a \\\"quoted\\\" #hash\\nsecond line\"")).isEqualTo("a \"quoted\" #hash\nsecond line");
    assertThat(value("V=\"tab\\there\\\\ back\\r\"")).isEqualTo("tab\there\\ back\r");
    assertThat(value("V=\"bell\\a \\c \\x41 \\0101 \\012\"")).isEqualTo("bell\u0007 \\c \\x41 A \\012");
  }

  @Test
  void single_quotes_are_literal_except_an_escaped_quote() {
    assertThat(value("V='a \\n \"b\" $HOME ${X} #c'")).isEqualTo("a \\n \"b\" $HOME ${X} #c");
    assertThat(value("V='it\\'s'")).isEqualTo("it's");
  }

  @Test
  void quoted_values_may_span_lines_and_what_follows_the_quote_is_a_comment() {
    assertThat(parse("A=\"one\ntwo\" # note\nB='x\n\ny' \nC=3")).containsExactly(Map.entry("A", "one\ntwo"),
        Map.entry("B", "x\n\ny"), Map.entry("C", "3"));
  }

  @Test
  void unquoted_values_end_at_a_hash_after_a_space_and_lose_trailing_whitespace() {
    assertThat(parse("A=x # comment\nB=a#b\nC=  spaced  \nD=\nE=a\t#tab is not a space\n")).containsExactly(
        Map.entry("A", "x"), Map.entry("B", "a#b"), Map.entry("C", "spaced"), Map.entry("D", ""),
        Map.entry("E", "a\t#tab is not a space"));
  }

  @Test
  void export_prefixes_crlf_line_ends_a_byte_order_mark_and_yaml_style_colons_are_accepted() {
    assertThat(parse("\uFEFFexport A=1\r\n# c\r\nB: two\r\n  export\tC = \"3\"\r\nexported=4\r\n")).containsExactly(
        Map.entry("A", "1"), Map.entry("B", "two"), Map.entry("C", "3"), Map.entry("exported", "4"));
  }

  @Test
  void variables_are_interpolated_as_compose_does() {
    Map<String, String> environment = Map.of("HOST", "db", "EMPTY", "");
    assertThat(EnvFile.parse("""
        A=${HOST}:$HOST
        B=${MISSING:-fallback}/${EMPTY:-empty}/${EMPTY-set}
        C=${HOST:+yes}/${MISSING+no}
        D=$$HOST and $ alone and $1
        E="${A}/\\$HOST"
        F='${A}'
        G=${MISSING:-${HOST}-x}
        H=${MISSING}
        """, environment)).containsExactly(Map.entry("A", "db:db"), Map.entry("B", "fallback/empty/"),
        Map.entry("C", "yes/"), Map.entry("D", "$HOST and $ alone and $1"), Map.entry("E", "db:db/$HOST"),
        Map.entry("F", "${A}"), Map.entry("G", "db-x"), Map.entry("H", ""));
  }

  @Test
  void the_environment_wins_over_entries_above_and_a_bare_key_is_taken_from_it() {
    assertThat(EnvFile.parse("A=file\nB=${A}\nHOME_DIR\nUNSET\n", Map.of("A", "env", "HOME_DIR", "/root")))
        .containsExactly(Map.entry("A", "file"), Map.entry("B", "env"), Map.entry("HOME_DIR", "/root"));
  }

  @Test
  void what_compose_refuses_is_refused_with_the_line_and_never_the_value(@TempDir Path dir) throws IOException {
    assertError(dir, "A=1\nB=\"s3cret\n", "line 2: the quoted value is not closed; end it with \"");
    assertError(dir, "A=1\nB C=s3cret\n", "line 2: a variable name cannot contain a space");
    assertError(dir, "A=1\n\nB$=s3cret\n", "line 3: unexpected character '$' in a variable name");
    assertError(dir, "A=${B s3cret\n", "line 1: invalid interpolation: '${' is not closed by '}'; write $${ for a"
        + " literal ${");
    assertError(dir, "A=${1s3cret}\n", "line 1: invalid interpolation: '${1s3cret}' does not start with a variable"
        + " name; write $${ for a literal ${");
    assertError(dir, "A=${DB_PASSWORD:?set it}\n", "line 1: required variable DB_PASSWORD is missing a value: set it");
  }

  private static void assertError(Path dir, String text, String message) throws IOException {
    Path file = dir.resolve("app.env");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EnvFile.read(file, Map.of())).isInstanceOf(ParityException.class)
        .hasMessage("env file '" + file + "' " + message + "; Docker Compose would refuse it too");
  }
}
