package dev.parity.adopt;


import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.generate.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec {@code parity init} writes for each public compose file, as a golden file
 * ({@code src/test/resources/golden/adopt/<fixture>.java}); secret values never in it.
 */
class ComposeImportTest {

  static Stream<ComposeFixtures.Fixture> fixtures() {
    return ComposeFixtures.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theImportedSpecIsTheGolden(ComposeFixtures.Fixture fixture) {
    ImportResult result = ComposeImporter.importFile(fixture.compose(), ComposeFixtures.variables(fixture),
        fixture.dir().resolve(fixture.specClass() + ".java"), TagResolver.NONE);

    Golden.assertMatches("adopt/" + fixture.folder() + ".java", result.source());
  }

  /**
   * No secret value is in the spec, unless the compose file itself writes it (a path that is also a variable's
   * value), or init said at the element that the DSL takes that variable's value as a literal. Values of 10
   * characters or more, so that a short one ({@code postgres}) is not found in a method's name.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void noSecretValueFoundIsInTheSpecUnlessInitSaysWhy(ComposeFixtures.Fixture fixture) throws IOException {
    Map<String, String> variables = ComposeFixtures.variables(fixture);
    ImportResult result = ComposeImporter.importFile(fixture.compose(), variables,
        fixture.dir().resolve(fixture.specClass() + ".java"), TagResolver.NONE);
    String composeText = Files.readString(fixture.compose());
    Set<String> said = new HashSet<>();
    result.decisions().stream().filter(d -> d.message().contains("so the value is written here"))
        .forEach(d -> variables.forEach((name, value) -> {
          if (d.message().contains("${" + name + "}")) {
            said.add(value);
          }
        }));

    result.secretValues().forEach((key, value) -> assertThat(value.length() < 10 || !result.source().contains(value)
        || composeText.contains(value) || said.contains(value))
        .as("the value of %s is in the spec of %s", key, fixture).isTrue());
  }
}
