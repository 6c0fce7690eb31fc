package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.unit.DataSize;

/** ContractType accepts exactly what Spring Boot's binder converts (its ApplicationConversionService). */
class ContractTypeTest {

  private static final ConversionService SPRING = ApplicationConversionService.getSharedInstance();

  enum Mode { FAST_START, slow, Other_Mode }

  /** Text made of the pieces these formats are built from, so that both valid and near-miss values come up. */
  private static Gen<String> pieces() {
    Gen<String> piece = Generate.pick(List.of("0", "1", "7", "42", "-", "+", "0x", "#", "F", "P", "T", "S", "p", "t",
        "s", "ms", "MS", "us", "ns", "m", "h", "H", "d", "D", "B", "KB", "kb", "MB", "GB", "TB", "PB", " ", "\t", ".",
        "on", "off", "yes", "No", "TRUE", "false", "9999999999", "99999999999999999999", "M", "fast-start", "SLOW",
        "other_mode", "_", "e", "x"));
    return integers().between(1, 5).flatMap(n -> listOf(piece, n));
  }

  private static Gen<String> listOf(Gen<String> piece, int n) {
    Gen<String> g = piece;
    for (int i = 1; i < n; i++) {
      g = g.zip(piece, String::concat);
    }
    return g;
  }

  private static boolean springConverts(String value, Class<?> type) {
    try {
      return SPRING.convert(value, type) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void integersAsSpringBindsThem() {
    qt().withExamples(3000).forAll(pieces()).checkAssert(v ->
        assertThat(ContractType.INTEGER.accepts(v, List.of())).as("'%s'", v).isEqualTo(springConverts(v, Integer.class)));
    qt().forAll(integers().all()).checkAssert(n -> assertThat(ContractType.INTEGER.accepts(n.toString(), List.of())).isTrue());
  }

  @Test
  void longsAsSpringBindsThem() {
    qt().withExamples(3000).forAll(pieces()).checkAssert(v ->
        assertThat(ContractType.LONG.accepts(v, List.of())).as("'%s'", v).isEqualTo(springConverts(v, Long.class)));
    qt().forAll(longs().all()).checkAssert(n -> assertThat(ContractType.LONG.accepts(n.toString(), List.of())).isTrue());
  }

  @Test
  void booleansAsSpringBindsThem() {
    qt().withExamples(3000).forAll(pieces()).checkAssert(v ->
        assertThat(ContractType.BOOLEAN.accepts(v, List.of())).as("'%s'", v).isEqualTo(springConverts(v, Boolean.class)));
  }

  @Test
  void durationsAsSpringBindsThem() {
    qt().withExamples(5000).forAll(pieces()).checkAssert(v ->
        assertThat(ContractType.DURATION.accepts(v, List.of())).as("'%s'", v).isEqualTo(springConverts(v, Duration.class)));
  }

  @Test
  void dataSizesAsSpringBindsThem() {
    qt().withExamples(5000).forAll(pieces()).checkAssert(v ->
        assertThat(ContractType.DATA_SIZE.accepts(v, List.of())).as("'%s'", v).isEqualTo(springConverts(v, DataSize.class)));
  }

  @Test
  void enumsAsSpringBindsThemLeniently() {
    List<String> constants = List.of("FAST_START", "slow", "Other_Mode");
    qt().withExamples(3000).forAll(pieces()).checkAssert(v ->
        assertThat(ContractType.ENUM.accepts(v, constants)).as("'%s'", v).isEqualTo(springConverts(v, Mode.class)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10s", "PT10S", "500", "500ms", "2h", "1d", "-5m", "P2D", "10S", "3us", "7ns"})
  void durationFormatsOfSpringsDocumentationAreAccepted(String value) {
    assertThat(ContractType.DURATION.accepts(value, List.of())).isTrue();
    assertThat(springConverts(value, Duration.class)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10MB", "512KB", "1GB", "10", "1TB", "0B"})
  void dataSizeFormatsOfSpringsDocumentationAreAccepted(String value) {
    assertThat(ContractType.DATA_SIZE.accepts(value, List.of())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "10 seconds", "1.5s", "10mb", "1PB", ""})
  void refusedByBothDurationAndDataSize(String value) {
    assertThat(ContractType.DURATION.accepts(value, List.of())).isFalse();
    assertThat(ContractType.DATA_SIZE.accepts(value, List.of())).isFalse();
  }
}
