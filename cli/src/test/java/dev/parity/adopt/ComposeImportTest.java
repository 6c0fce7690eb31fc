package dev.parity.adopt;


import dev.parity.generate.Golden;
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
}
