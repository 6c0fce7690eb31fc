package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {

  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void officialImageWithTag() {
    ImageRef ref = ImageRef.parse("node:20.11.0-alpine3.19");
    assertThat(ref.registry()).isEmpty();
    assertThat(ref.repository()).isEqualTo("node");
    assertThat(ref.shortName()).isEqualTo("node");
    assertThat(ref.tag()).contains("20.11.0-alpine3.19");
    assertThat(ref.digest()).isEmpty();
    assertThat(ref.tagVersion()).contains("20.11.0");
  }

  @Test
  void registryWithIpAndPort() {
    ImageRef ref = ImageRef.parse("127.0.0.1:5000/library/postgres:15.18-bookworm");
    assertThat(ref.registry()).contains("127.0.0.1:5000");
    assertThat(ref.repository()).isEqualTo("library/postgres");
    assertThat(ref.shortName()).isEqualTo("postgres");
    assertThat(ref.tag()).contains("15.18-bookworm");
    assertThat(ref.tagVersion()).contains("15.18");
    assertThat(ref.isPinned()).isTrue();
  }

  @Test
  void localhostRegistryWithPort() {
    ImageRef ref = ImageRef.parse("localhost:5000/x:1.2.3");
    assertThat(ref.registry()).contains("localhost:5000");
    assertThat(ref.repository()).isEqualTo("x");
    assertThat(ref.tag()).contains("1.2.3");
    assertThat(ref.isPinned()).isTrue();
  }

  @Test
  void localhostRegistryWithoutPort() {
    ImageRef ref = ImageRef.parse("localhost/x:1.2.3");
    assertThat(ref.registry()).contains("localhost");
    assertThat(ref.repository()).isEqualTo("x");
  }

  @Test
  void registryWithDomain() {
    ImageRef ref = ImageRef.parse("ghcr.io/acme/app:1.2.3");
    assertThat(ref.registry()).contains("ghcr.io");
    assertThat(ref.repository()).isEqualTo("acme/app");
    assertThat(ref.shortName()).isEqualTo("app");
    assertThat(ref.tag()).contains("1.2.3");
  }

  @Test
  void firstPathElementWithoutDotOrPortIsNotARegistry() {
    ImageRef ref = ImageRef.parse("bitnami/postgresql:16.4.0");
    assertThat(ref.registry()).isEmpty();
    assertThat(ref.repository()).isEqualTo("bitnami/postgresql");
    assertThat(ref.shortName()).isEqualTo("postgresql");
  }

  @Test
  void digestOnly() {
    ImageRef ref = ImageRef.parse("postgres@" + DIGEST);
    assertThat(ref.repository()).isEqualTo("postgres");
    assertThat(ref.tag()).isEmpty();
    assertThat(ref.tagVersion()).isEmpty();
    assertThat(ref.digest()).contains(DIGEST);
    assertThat(ref.isPinned()).isTrue();
  }

  @Test
  void tagAndDigest() {
    ImageRef ref = ImageRef.parse("ghcr.io/acme/app:1.2.3@" + DIGEST);
    assertThat(ref.registry()).contains("ghcr.io");
    assertThat(ref.repository()).isEqualTo("acme/app");
    assertThat(ref.tag()).contains("1.2.3");
    assertThat(ref.digest()).contains(DIGEST);
  }

  @Test
  void tagWithVPrefix() {
    ImageRef ref = ImageRef.parse("axllent/mailpit:v1.14.0");
    assertThat(ref.tag()).contains("v1.14.0");
    assertThat(ref.tagVersion()).contains("1.14.0");
    assertThat(ref.isPinned()).isTrue();
  }

  @Test
  void temurinTagWithBuildNumber() {
    ImageRef ref = ImageRef.parse("eclipse-temurin:17.0.13_11-jre-jammy");
    assertThat(ref.repository()).isEqualTo("eclipse-temurin");
    assertThat(ref.tag()).contains("17.0.13_11-jre-jammy");
    assertThat(ref.tagVersion()).contains("17.0.13_11");
    assertThat(ref.isPinned()).isTrue();
  }

  @Test
  void tagWithoutLeadingVersionHasNoTagVersion() {
    assertThat(ImageRef.parse("debian:bookworm-slim").tagVersion()).isEmpty();
    assertThat(ImageRef.parse("node").tagVersion()).isEmpty();
  }

  @ParameterizedTest(name = "{0} pinned: {1}")
  @CsvSource({
      "node:20, false",
      "node:20.11, false",
      "node:20.11.0, true",
      "node:20.11.0-alpine3.19, true",
      "postgres:14, false",
      "postgres:14.9, true",
      "postgres:14.9-alpine, true",
      "postgres:9.6, false",
      "postgres:9.6.24, true",
      "redis:7.2, false",
      "redis:7.2.3-alpine, true",
      "debian:bookworm-slim, false",
      "node:latest, false",
      "node, false",
      "axllent/mailpit:v1, false",
      "axllent/mailpit:v1.14.0, true",
      "eclipse-temurin:17-jre, false",
      "eclipse-temurin:17.0.13_11-jre-jammy, true",
      "127.0.0.1:5000/library/postgres:15.18-bookworm, true",
  })
  void isPinned(String reference, boolean pinned) {
    assertThat(ImageRef.parse(reference).isPinned()).isEqualTo(pinned);
  }

  @Test
  void aDigestPinsEvenAFloatingTag() {
    assertThat(ImageRef.parse("x@" + DIGEST).isPinned()).isTrue();
    assertThat(ImageRef.parse("node:latest@" + DIGEST).isPinned()).isTrue();
  }

  @Test
  void withRegistryKeepsRepositoryTagAndDigest() {
    ImageRef moved = ImageRef.parse("postgres:14.9-alpine@" + DIGEST).withRegistry("127.0.0.1:5000");
    assertThat(moved.registry()).contains("127.0.0.1:5000");
    assertThat(moved.repository()).isEqualTo("postgres");
    assertThat(moved.tag()).contains("14.9-alpine");
    assertThat(moved.digest()).contains(DIGEST);
    assertThat(moved).hasToString("127.0.0.1:5000/postgres:14.9-alpine@" + DIGEST);
  }

  @Test
  void withRegistryReplacesTheRegistry() {
    ImageRef original = ImageRef.parse("ghcr.io/acme/app:1.2.3");
    assertThat(original.withRegistry("registry.example.com")).hasToString("registry.example.com/acme/app:1.2.3");
    assertThat(original).as("the original is unchanged").hasToString("ghcr.io/acme/app:1.2.3");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "node",
      "node:20.11.0-alpine3.19",
      "127.0.0.1:5000/library/postgres:15.18-bookworm",
      "localhost:5000/x:1.2.3",
      "ghcr.io/acme/app:1.2.3",
      "postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "ghcr.io/acme/app:1.2.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "axllent/mailpit:v1.14.0",
      "eclipse-temurin:17.0.13_11-jre-jammy",
      "my_org/my-app__x:1.0.0",
  })
  void toStringRoundTrips(String reference) {
    ImageRef ref = ImageRef.parse(reference);
    assertThat(ref).hasToString(reference);
    assertThat(ImageRef.parse(ref.toString())).isEqualTo(ref).hasSameHashCodeAs(ref);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "Node:20",
      "node:",
      "node::20",
      ":20",
      "node:20 ",
      " node:20",
      "node:-20",
      "/node:20",
      "node/:20",
      "node@sha256:abc",
      "node@sha256:" + "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
      "node:20@",
      "ghcr.io:/acme/app:1.2.3",
  })
  void invalidReferencesAreRejectedNamingTheValue(String reference) {
    assertThatThrownBy(() -> ImageRef.parse(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + reference + "' is not a valid image reference"
            + " (expected [registry/]name[:tag][@sha256:digest], lower-case name)");
  }

  @Test
  void tagOfMoreThan128CharactersIsRejected() {
    String reference = "node:" + "a".repeat(129);
    assertThatThrownBy(() -> ImageRef.parse(reference)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + reference + "' is not a valid image reference");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> ImageRef.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("reference");
  }

  @Test
  void equalReferencesAreEqual() {
    assertThat(ImageRef.parse("redis:7.2.3")).isEqualTo(ImageRef.parse("redis:7.2.3"))
        .isNotEqualTo(ImageRef.parse("redis:7.2.4"));
  }
}
