package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.generate.AdversarialStrings;
import dev.parity.generate.DeployTree;
import dev.parity.generate.Fixtures;
import dev.parity.generate.YamllintLineLength;
import dev.parity.generate.dockerfile.DockerfileGenerator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any string a user can put into the spec comes out of the compose file, the Dockerfile and
 * {@code .env.example} so that each still parses and holds exactly that string.
 */
class EscapingPropertyTest {

  /** Where Python's {@code splitlines}, and so a {@code .env} reader, starts a new line. */
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]");
  private static final Pattern ENV_LINE = Pattern.compile("|#.*|[A-Z][A-Z0-9_]*=");
  private static final Pattern SECRET_REFERENCE = Pattern.compile("(?<!\\$)\\$\\{[A-Z][A-Z0-9_]*:\\?[^$}]*}");

  private static final int TRIES = 500;
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anyConfigValueReachesComposeExactly() {
    qt().withExamples(TRIES).forAll(nasty()).checkAssert(value -> unchecked(() -> configValueReachesCompose(value)));
  }

  @Test
  void anyLongValueIsFoldedWithinEightyColumnsAndReadsBackExactly() {
    qt().withExamples(TRIES).forAll(nasty(), nasty(), integers().between(1, 12),
        strings().basicLatinAlphabet().ofLengthBetween(0, 200))
        .checkAssert((a, b, times, run) -> unchecked(() -> longValueIsFolded((a + b).repeat(times) + run)));
  }

  @Test
  void anyStartArgumentReachesTheDockerfileExactly() {
    qt().withExamples(TRIES).forAll(nasty()).checkAssert(arg -> unchecked(() -> startArgumentReachesDockerfile(arg)));
  }

  @Test
  void envExampleHoldsOnlyCommentsAndEmptySlots() {
    qt().withExamples(TRIES).forAll(nasty(), nasty())
        .checkAssert((value, description) -> unchecked(() -> envExampleHoldsOnlySlots(value, description)));
  }

  private void configValueReachesCompose(String value) throws Exception {
    String compose = file(stack(value, "x", List.of("node", "server.js")), "local/docker-compose.yml");
    JsonNode environment = YAML.readTree(compose).at("/services/web/environment");
    assertThat(unescapeCompose(environment.get("LOG_LEVEL").asText())).isEqualTo(value);
    assertThat(SECRET_REFERENCE.matcher(compose).replaceAll("")).doesNotContainPattern("(?<!\\$)\\$(\\$\\$)*(?!\\$)");
  }

  private void longValueIsFolded(String value) throws Exception {
    String compose = file(stack(value, "x", List.of("node", "server.js")), "local/docker-compose.yml");
    // yamllint counts code points; a UTF-16 length is never smaller. A line of one word may be
    // longer (yamllint's default allow-non-breakable-words).
    assertThat(compose.split("\n")).allSatisfy(l -> assertThat(YamllintLineLength.accepts(l)).as(l).isTrue());
    JsonNode environment = YAML.readTree(compose).at("/services/web/environment");
    assertThat(unescapeCompose(environment.get("LOG_LEVEL").asText())).isEqualTo(value);
    assertThat(SECRET_REFERENCE.matcher(compose).replaceAll("")).doesNotContainPattern("(?<!\\$)\\$(\\$\\$)*(?!\\$)");
  }

  private void startArgumentReachesDockerfile(String argument) throws Exception {
    List<String> command = List.of("node", argument.isBlank() ? "x" + argument : argument, "--flag=" + argument + "x");
    String dockerfile = file(stack("info", "x", command), "web/Dockerfile");
    List<String> cmd = dockerfile.lines().filter(l -> l.startsWith("CMD ")).toList();
    assertThat(cmd).hasSize(1);
    assertThat(JSON.readValue(cmd.get(0).substring(4), String[].class)).containsExactlyElementsOf(command);
    // Docker reads a Dockerfile line by line, lines ending in \n (or \r\n).
    assertThat(dockerfile).doesNotContain("\r");
    assertThat(dockerfile.split("\n", -1)).allSatisfy(l -> assertThat(l).satisfiesAnyOf(
        x -> assertThat(x).isEmpty(), x -> assertThat(x).startsWith("#"), x -> assertThat(x).matches("(?s)[A-Z]+ .*[^\\\\]|HEALTHCHECK .*\\\\|  CMD .*")));
  }

  private void envExampleHoldsOnlySlots(String value, String description) throws Exception {
    String envExample = file(stack(value, description, List.of("node", "server.js")), "local/.env.example");
    String[] lines = LINE_BREAK.split(envExample, -1);
    assertThat(lines).allSatisfy(l -> assertThat(l).matches(ENV_LINE));
    java.util.Optional<String> line = List.of(lines).stream().filter(l -> l.startsWith("# LOG_LEVEL=")).findFirst();
    if (value.matches("(?s).*[\\x00-\\x06\\x0e-\\x1f\\x7f\\x85\\u2028\\u2029].*")) {
      assertThat(line).isEmpty();
      assertThat(lines).contains("# LOG_LEVEL holds a character no .env line can carry; its value is in docker-compose.yml");
      return;
    }
    String shown = line.orElseThrow().substring("# LOG_LEVEL=".length());
    assertThat(dotEnv(shown)).isEqualTo(value);
  }

  /** A reference value as an .env reader decodes it: double-quoted escapes, then the unset variable's {@code $}. */
  private static String dotEnv(String shown) {
    String text = shown;
    if (shown.startsWith("\"")) {
      assertThat(shown).endsWith("\"");
      StringBuilder s = new StringBuilder();
      String inner = shown.substring(1, shown.length() - 1);
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c != '\\') {
          assertThat(c).as("an unescaped quote inside %s", shown).isNotEqualTo('"');
          s.append(c);
          continue;
        }
        char next = inner.charAt(++i);
        s.append(switch (next) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'a' -> (char) 7;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'v' -> (char) 11;
          default -> next;
        });
      }
      text = s.toString();
    }
    return text.replace("${PARITY_NO_SUCH_VARIABLE:-$}", "$");
  }

  /** Compose reads {@code $$} as one {@code $}; the generator doubles every {@code $}. */
  static String unescapeCompose(String value) {
    return value.replace("$$", "$");
  }

  private static Stack stack(String logLevel, String description, List<String> command) {
    return Stack.named("nasty")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("app").start(command.toArray(String[]::new))
            .healthPath("/health").dependsOn("db").uses("DB_PASSWORD", "LOG_LEVEL"))
        .service(Postgres.of("db", "14.9").password("DB_PASSWORD"))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs(description))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment().describedAs(description))
        .environment(Environment.local().set("LOG_LEVEL", logLevel))
        .build();
  }

  private static String file(Stack stack, String path) {
    return DeployTree.render(Fixtures.context(stack), List.of(new DockerfileGenerator(), new ComposeGenerator()))
        .file(path).orElseThrow().content();
  }

  /** Fragments compose is known to mangle, Parity's adversarial strings and arbitrary Unicode, mixed. */
  private static Gen<String> nasty() {
    Gen<String> fragments = Generate.pick(ComposeRealToolTest.NASTY);
    // Unpaired surrogates are not text: no UTF-8 file can hold them.
    Gen<String> anyText = strings().allPossible().ofLengthBetween(0, 20)
        .assuming(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    return AdversarialStrings.any().mix(fragments, 30).mix(anyText, 30);
  }

  private interface Check {
    void run() throws Exception;
  }

  private static void unchecked(Check check) {
    try {
      check.run();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
