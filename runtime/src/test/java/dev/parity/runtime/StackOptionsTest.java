package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ImageRef;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

  private static String mirrored(String image) {
    return StackOptions.defaults().registryMirror("127.0.0.1:5000").resolveImage(ImageRef.parse(image)).toString();
  }

  @Test
  void officialImagesGetTheLibraryPrefixAndKeepTheirTag() {
    assertThat(mirrored("postgres:15.18-bookworm")).isEqualTo("127.0.0.1:5000/library/postgres:15.18-bookworm");
  }

  @Test
  void digestsAreKept() {
    String digest = "sha256:" + "a".repeat(64);
    assertThat(mirrored("redis:7.2.3@" + digest)).isEqualTo("127.0.0.1:5000/library/redis:7.2.3@" + digest);
  }

  @Test
  void dockerHubImagesOfAnOrganisationKeepTheirPath() {
    assertThat(mirrored("axllent/mailpit:v1.14.0")).isEqualTo("127.0.0.1:5000/axllent/mailpit:v1.14.0");
  }

  @Test
  void aReferenceThatNamesARegistryKeepsItsPathOnTheMirror() {
    assertThat(mirrored("ghcr.io/acme/api:1.2.0")).isEqualTo("127.0.0.1:5000/acme/api:1.2.0");
    assertThat(mirrored("docker.io/library/node:20.11.0")).isEqualTo("127.0.0.1:5000/library/node:20.11.0");
  }

  @Test
  void withoutAMirrorTheDeclaredImageRuns() {
    assertThat(StackOptions.defaults().resolveImage(ImageRef.parse("postgres:16.4")).toString()).isEqualTo("postgres:16.4");
  }

  @Test
  void aMirrorThatIsNoHostIsRejectedWithAnExample() {
    assertThatThrownBy(() -> StackOptions.defaults().registryMirror("http://mirror/"))
        .hasMessage("registry mirror 'http://mirror/' is not HOST[:PORT]; pass something like 127.0.0.1:5000 or mirror.example.com");
  }

  @Test
  void optionsAreImmutable() {
    StackOptions defaults = StackOptions.defaults();
    defaults.withApps(true).environment("staging");
    assertThat(defaults.withApps()).isFalse();
    assertThat(defaults.environment()).isEqualTo("local");
  }

  @Test
  void progressLinesShowTimeServiceAndState() {
    assertThat(new ServiceProgress("db", ServiceProgress.Phase.HEALTHY, java.time.Duration.ofMillis(2430), "postgres:16.4").line())
        .isEqualTo("[  2.4s] db           healthy    postgres:16.4");
  }
}
