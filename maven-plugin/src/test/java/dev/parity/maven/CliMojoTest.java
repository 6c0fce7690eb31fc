package dev.parity.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The argument file of {@code parity:cli}: each argument followed by NUL, as {@code printf '%s\0' "$@"} writes it. */
class CliMojoTest {

  @Test
  void eachArgumentEndsAtItsNulAndMayHoldSpacesQuotesAndNothing() throws MojoFailureException {
    assertThat(CliMojo.parse("check\0--spec\0Shop Spec.java\0it's\0\0", "args"))
        .containsExactly("check", "--spec", "Shop Spec.java", "it's", "");
  }

  @Test
  void anEmptyFileIsNoArgument() throws MojoFailureException {
    assertThat(CliMojo.parse("", "args")).isEmpty();
  }

  @Test
  void aFileWhoseLastArgumentHasNoNulIsRefusedNamingThePomElement() {
    assertThatThrownBy(() -> CliMojo.parse("check\0--spec", "target/args"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("<configuration><argsFile>: 'target/args' does not end with a NUL byte, so its last argument is"
            + " cut off; write each argument followed by NUL, e.g. printf '%s\\0' \"$@\" > FILE");
  }
}
