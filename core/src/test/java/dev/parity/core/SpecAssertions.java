package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that a {@link ShopFixture} with one mistake fails with exactly one problem. */
final class SpecAssertions {

  private SpecAssertions() {
  }

  static InvalidSpecException failure(ShopFixture shop) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, shop::build);
    assertThat(e).as("the spec should be invalid").isNotNull();
    assertThat(e.code().exitCode()).isEqualTo(2);
    return e;
  }

  /** The spec fails with exactly {@code expected}, and its message never shows {@code hidden} values. */
  static void assertOnlyProblem(ShopFixture shop, String expected, String... hidden) {
    InvalidSpecException e = failure(shop);
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(expected);
    assertThat(e.getMessage()).isEqualTo("Invalid spec 'shop' (1 problem); nothing was written:\n  - " + expected);
    for (String value : hidden) {
      assertThat(e.getMessage()).doesNotContain(value);
    }
  }
}
