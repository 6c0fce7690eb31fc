package dev.parity.pins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.core.ImageLock;
import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import dev.parity.generate.DeployTree;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

  private static final String NODE = "sha256:" + "1".repeat(64);
  private static final String PG = "sha256:" + "2".repeat(64);
  private static final String REDIS = "sha256:" + "3".repeat(64);

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path dir;

  private final Stack shop = Fixtures.shop().build();

  private ImageLock lock() {
    return ImageLock.of(Map.of(
        "node:20.11.0-alpine3.19", new ImageLock.Entry(NODE, List.of("web")),
        "postgres:14.9-alpine", new ImageLock.Entry(PG, List.of("db")),
        "redis:7.2.3-alpine", new ImageLock.Entry(REDIS, List.of("cache"))));
  }

  @Test
  void theSpecsThirdPartyImagesAreTheBaseDatabaseAndCacheImagesWithTheirServices() {
    assertThat(ImageLock.imagesOf(shop)).containsExactly(
        Map.entry("node:20.11.0-alpine3.19", List.of("web")),
        Map.entry("postgres:14.9-alpine", List.of("db")),
        Map.entry("redis:7.2.3-alpine", List.of("cache")));
    assertThat(ImageLock.imagesOf(Fixtures.builds().build())).containsKey("eclipse-temurin:17.0.13_11-jdk-jammy");
  }

  @Test
  void writesSortedReviewableJsonAndReadsItBack() throws IOException {
    Path file = dir.resolve(LockFile.NAME);
    LockFile.write(file, shop, lock());

    assertThat(Files.readString(file)).isEqualTo("""
        {
          "comment" : "Image lock of stack 'shop', written by `parity lock`: the registry manifest digest each \
        third-party image tag named when it was locked. Generated files pin these digests; review changes like code \
        and refresh with `parity lock --update [service]`.",
          "images" : {
            "node:20.11.0-alpine3.19" : {
              "digest" : "%s",
              "services" : [ "web" ]
            },
            "postgres:14.9-alpine" : {
              "digest" : "%s",
              "services" : [ "db" ]
            },
            "redis:7.2.3-alpine" : {
              "digest" : "%s",
              "services" : [ "cache" ]
            }
          }
        }
        """.formatted(NODE, PG, REDIS));
    assertThat(LockFile.read(file, shop)).contains(lock());
    assertThat(LockFile.read(dir.resolve("absent.json"), shop)).isEmpty();
  }

  @Test
  void everyImageReferenceOfEveryGeneratedFileCarriesTheLockedDigest() throws IOException {
    DeployTree tree = DeployTree.render(Fixtures.context(shop).withLock(lock()));
    List<String> references = new ArrayList<>();
    Pattern from = Pattern.compile("(?m)^FROM (\\S+)");
    for (GeneratedFile file : tree.files()) {
      if (file.path().endsWith("Dockerfile")) {
        Matcher m = from.matcher(file.content());
        while (m.find()) {
          references.add(m.group(1));
        }
      }
    }
    // Compose folds long scalars for yamllint's line length: read the values back as YAML.
    YAML.readTree(tree.file("local/docker-compose.yml").orElseThrow().content()).path("services")
        .forEach(service -> references.add(service.path("image").asText()));

    // The migrations image's Flyway base is pinned by its exact tag; the lock does not list it yet.
    assertThat(references).containsExactlyInAnyOrder("node:20.11.0-alpine3.19@" + NODE,
        "shop-web:local", dev.parity.generate.Images.FLYWAY, "ghcr.io/acme/shop-db-migrations:local", "postgres:14.9-alpine@" + PG, "redis:7.2.3-alpine@" + REDIS);
  }

  @Test
  void invalidLockFilesNameTheFileEveryProblemAndTheFix() throws IOException {
    Path bad = dir.resolve(LockFile.NAME);
    Files.writeString(bad, "{ \"images\": { \"postgres:14.9-alpine\": { \"digest\": \"sha256:abc\" ");
    assertThatThrownBy(() -> LockFile.read(bad, shop)).isInstanceOf(ParityException.class)
        .satisfies(e -> assertThat(((ParityException) e).code().exitCode()).isEqualTo(2))
        .hasMessageStartingWith(bad + ": is not valid JSON at line 1, column ")
        .hasMessageEndingWith("; fix: run `parity lock --update` to write it again from the registry");

    Files.writeString(bad, """
        { "images": {
            "postgres:14.9-alpine": { "digest": "sha256:ABC", "services": ["db"] },
            "redis:7.2.3-alpine": { "digest": "%s", "services": ["queue"] } } }
        """.formatted(REDIS));
    assertThatThrownBy(() -> LockFile.read(bad, shop)).hasMessage(
        bad + ": image 'postgres:14.9-alpine': digest 'sha256:ABC' is not sha256: followed by 64 lower-case hex"
            + " digits; fix: run `parity lock --update` for the services using it, or restore the line from version"
            + " control\n"
            + bad + ": image 'redis:7.2.3-alpine': service 'queue' is not declared in stack 'shop'; fix: run"
            + " `parity lock` to rewrite the lock from the spec");
  }

  @Test
  void checkNamesImagesTheLockMissesHoldsInExcessOrThatWereRePushed() {
    ImageLock partial = ImageLock.of(Map.of(
        "node:20.11.0-alpine3.19", new ImageLock.Entry(NODE, List.of("web")),
        "postgres:14.8-alpine", new ImageLock.Entry(PG, List.of("db"))));
    assertThat(LockCheck.against(shop, partial)).containsExactly(
        "image postgres:14.9-alpine (db) is not in the lock; run `parity lock` to add it",
        "image redis:7.2.3-alpine (cache) is not in the lock; run `parity lock` to add it",
        "image postgres:14.8-alpine is locked, but the spec does not use it; run `parity lock` to drop it");
    assertThat(LockCheck.against(shop, lock())).isEmpty();

    String moved = "sha256:" + "9".repeat(64);
    assertThat(LockCheck.againstRegistry(lock(), Map.of("postgres:14.9-alpine", moved, "redis:7.2.3-alpine", REDIS)))
        .containsExactly("image postgres:14.9-alpine is locked at " + PG + ", but its tag names " + moved
            + " at the registry now (re-pushed); review the new image, then `parity lock --update db`");
  }
}
