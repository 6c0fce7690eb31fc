package dev.parity.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choice {@code init --resolve-tags} makes from a listing of local images (no Docker). */
class LocalTagsTest {

  private static final String PG = "sha256:1111";
  private static final String PG_OLD = "sha256:2222";
  private static final String NGINX = "sha256:3333";

  private final List<LocalImage> images = List.of(
      new LocalImage(PG_OLD, List.of("postgres:14.11", "postgres:14"), List.of()),
      new LocalImage(PG, List.of("postgres:latest", "postgres:15.18-bookworm", "postgres:15.18", "postgres:15",
          "other/postgres:16.1"), List.of()),
      new LocalImage("sha256:4444", List.of("redis:7.2.4-alpine", "redis:7.4.1"), List.of()),
      new LocalImage(NGINX, List.of("nginx:latest"), List.of("nginx@sha256:abcd")));

  private LocalTags tags(Map<String, List<String>> registry) {
    return new LocalTags(images, repository -> registry.getOrDefault(repository, List.of()));
  }

  @Test
  void floatingTagTakesTheExactTagOfTheSameImageNotANewerOrOlderOne() {
    LocalTags tags = tags(Map.of());
    assertThat(tags.resolve("postgres:latest")).contains("postgres:15.18");
    assertThat(tags.resolve("docker.io/library/postgres")).contains("docker.io/library/postgres:15.18");
    assertThat(tags.pinned()).containsEntry("postgres:latest",
        "pinned postgres:latest -> postgres:15.18 (local image sha256:1111)");
  }

  @Test
  void floatingVersionTagTakesTheSameImagesExactTag() {
    assertThat(tags(Map.of()).resolve("postgres:14")).contains("postgres:14.11");
  }

  @Test
  void floatingTagNotLocalTakesAnExactTagOfTheRepositoryWithTheSameVariantAndVersionPrefix() {
    LocalTags tags = tags(Map.of());
    assertThat(tags.resolve("redis:7-alpine")).contains("redis:7.2.4-alpine");
    assertThat(tags.resolve("redis:7.4")).contains("redis:7.4.1");
    assertThat(tags.resolve("redis:6-alpine")).isEmpty();
    assertThat(tags.resolve("redis:7-bookworm")).isEmpty();
    assertThat(tags.pinned().get("redis:7-alpine")).isEqualTo("pinned redis:7-alpine -> redis:7.2.4-alpine"
        + " (local image sha256:4444; redis:7-alpine itself is not on this engine)");
  }

  @Test
  void anImageWithoutAnExactTagIsPinnedByItsRegistryDigestUnlessItIsADatabaseKind() {
    assertThat(tags(Map.of()).resolve("nginx")).contains("nginx@sha256:abcd");
    LocalTags onlyFloating = new LocalTags(List.of(new LocalImage(PG, List.of("postgres:latest"),
        List.of("postgres@sha256:abcd"))), r -> List.of());
    assertThat(onlyFloating.resolve("postgres:latest")).isEmpty();
  }

  @Test
  void nothingLocalIsNotGuessedAndTheRegistryTagsAreOnlyReportedWhenTheyFit() {
    LocalTags tags = tags(Map.of("traefik", List.of("latest", "v3.1", "3.1.2", "3.1.2-alpine", "2.11.0")));
    assertThat(tags.resolve("traefik:latest")).isEmpty();
    assertThat(tags.pinned()).isEmpty();
    assertThat(tags.candidates("traefik:latest")).containsExactly("traefik:3.1.2", "traefik:3.1.2-alpine",
        "traefik:2.11.0");
    assertThat(tags.candidates("traefik:3-alpine")).containsExactly("traefik:3.1.2-alpine");
  }

  @Test
  void pinsGivenFirstThenTheEngine() {
    TagResolver chain = TagResolver.of(Map.of("postgres:latest", "postgres:15.2")).or(tags(Map.of()));
    assertThat(chain.resolve("postgres:latest")).contains("postgres:15.2");
    assertThat(chain.resolve("postgres:14")).contains("postgres:14.11");
  }
}
