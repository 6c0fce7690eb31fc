package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison fails on every element the generated file loses without a listed reason. */
class ElementComparisonTest {

  private static final List<String> ORIGINAL = List.of(
      "image db postgres tag=latest",
      "port backend 8080:8080",
      "restart db always",
      "service backend",
      "service db");

  @Test
  void anElementMissingFromTheGeneratedFileAndNotListedFailsTheComparison() {
    List<String> generated = List.of("image db postgres tag=16.2", "port backend 127.0.0.1:8080:8080",
        "service backend", "service db", "init backend");

    ElementComparison.Result result = ElementComparison.compare(ORIGINAL, generated,
        Map.of("port backend 8080:8080", "[127.0.0.1] published on the loopback address only"));

    assertThat(result.passes()).isFalse();
    assertThat(result.missing()).containsExactly("restart db always");
    assertThat(result.problems()).isEqualTo(
        "  missing from the generated file, and not listed: restart db always\n");
    assertThat(result.kept()).containsExactly("image db postgres tag=latest", "service backend", "service db");
    assertThat(result.notes()).containsExactly(Map.entry("image db postgres tag=latest", "pinned latest -> 16.2"));
  }

  @Test
  void everyLostElementListedWithItsReasonPasses() {
    List<String> generated = List.of("image db postgres tag=16.2", "service backend", "service db");

    ElementComparison.Result result = ElementComparison.compare(ORIGINAL, generated, Map.of(
        "port backend 8080:8080", "[127.0.0.1] published on the loopback address only",
        "restart db always", "[generator gap] restart is not rendered"));

    assertThat(result.passes()).isTrue();
    assertThat(result.count(ElementComparison.Category.DELIBERATE)).isEqualTo(1);
    assertThat(result.count(ElementComparison.Category.GENERATOR_GAP)).isEqualTo(1);
    assertThat(result.keptCounted()).isEqualTo(2);
    assertThat(result.originalCounted()).isEqualTo(4);
  }

  @Test
  void aListedElementThatIsKeptOrIsNoElementOfTheOriginalFailsTheComparison() {
    ElementComparison.Result result = ElementComparison.compare(ORIGINAL, ORIGINAL, Map.of(
        "restart db always", "[generator gap] restart is not rendered",
        "restart db unless-stopped", "[DSL gap] typo"));

    assertThat(result.passes()).isFalse();
    assertThat(result.problems()).isEqualTo(
        "  listed as a difference, but the generated file keeps it: restart db always\n"
            + "  listed as a difference, but not an element of the original: restart db unless-stopped\n");
  }

  @Test
  void anImageOfAnotherRepositoryIsNotKept() {
    ElementComparison.Result result = ElementComparison.compare(List.of("image redis redislabs/redismod tag=latest"),
        List.of("image redis redis tag=7.2.4"), Map.of());

    assertThat(result.missing()).containsExactly("image redis redislabs/redismod tag=latest");
  }

  @Test
  void differenceLinesNeedAReason() {
    assertThat(ElementComparison.parseDifferences(List.of("# comment", "", "restart db always | [DSL gap] why")))
        .containsExactly(Map.entry("restart db always", "[DSL gap] why"));
    assertThatThrownBy(() -> ElementComparison.parseDifferences(List.of("restart db always")))
        .hasMessage("'restart db always' is not '<element> | <reason>'");
  }
}
