package dev.parity.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Parity's messages as a Maven user reads them: pom elements instead of options, failure or error by cause. */
class PomErrorsTest {

  @Test
  void anOptionBecomesThePomElementThatSetsIt() {
    assertThat(PomErrors.pomTerms("--registry-mirror: 'mirror:5000/x' is not host:port; fix --out first"))
        .isEqualTo("<configuration><registryMirror>: 'mirror:5000/x' is not host:port; fix <configuration><outputDirectory> first");
  }

  @Test
  void theClassPathIsTheProjectsOwn() {
    assertThat(PomErrors.pomTerms("spec class 'a.B' is not on the class path; pass the folder or jar that holds it with --classpath"))
        .isEqualTo("spec class 'a.B' is not on the class path; pass the folder or jar that holds it in the project's dependencies");
  }

  @Test
  void anUnknownOptionAndTextWithoutOptionsStayAsTheyAre() {
    assertThat(PomErrors.pomTerms("use --with-apps; a-b--c")).isEqualTo("use --with-apps; a-b--c");
  }

  @Test
  void badInputFailsTheBuildAndABrokenEngineIsABuildError() {
    assertThatThrownBy(() -> PomErrors.fail(new ParityException(ErrorCode.USAGE, "--env 'qa' is not declared")))
        .isInstanceOf(MojoFailureException.class).hasMessage("<configuration><environment> 'qa' is not declared");
    assertThatThrownBy(() -> PomErrors.fail(new ParityException(ErrorCode.UNHEALTHY, "db did not become healthy")))
        .isInstanceOf(MojoExecutionException.class).hasMessage("db did not become healthy");
  }

  @Test
  void aConfigurationMistakeNamesItsElementFirst() {
    assertThat(PomErrors.configuration("spec", "is not set").getMessage()).isEqualTo("<configuration><spec>: is not set");
  }
}
