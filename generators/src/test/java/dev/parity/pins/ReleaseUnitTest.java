package dev.parity.pins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.Releases;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the release unit is the apps' images and each database's migrations image with the
 * migration version it applies; promotion moves all of it, and {@code check} holds the migrations
 * image to the same promotion order as the apps.
 */
class ReleaseUnitTest {

  private static final String APP = "sha256:" + "a".repeat(64);
  private static final String MIGRATIONS = "sha256:" + "c".repeat(64);
  private static final String OTHER = "sha256:" + "d".repeat(64);

  @TempDir
  Path tree;

  private final Stack shop = Fixtures.shop().build();
  private final App web = shop.apps().get(0);
  private final Service db = shop.migratedDatabases().get(0);

  private Releases stagingUnit() {
    Releases releases = Promotion.release(shop, Releases.none(), "staging", web, APP);
    return Promotion.releaseMigrations(shop, releases, "staging", db, MIGRATIONS, Optional.of("2"));
  }

  @Test
  void promoteCopiesTheMigrationsImageAndVersionUnchanged() {
    Releases promoted = Promotion.promote(shop, stagingUnit(), "staging", "production");
    Releases.Released migrations = promoted.released("production", "db-migrations").orElseThrow();
    assertThat(migrations.image()).isEqualTo("ghcr.io/acme/shop-db-migrations@" + MIGRATIONS);
    assertThat(migrations.migrationVersion()).contains("2");
    assertThat(promoted.image("production", "web")).contains("ghcr.io/acme/shop-web@" + APP);
    assertThat(Promotion.check(shop, promoted)).isEmpty();
  }

  @Test
  void aMigrationsImageStagingNeverRanFailsTheCheck() {
    Releases releases = Promotion.releaseMigrations(shop,
        Promotion.promote(shop, stagingUnit(), "staging", "production"), "production", db, OTHER, Optional.of("3"));
    assertThat(Promotion.check(shop, releases)).singleElement().asString()
        .contains("'production'", "'db-migrations'", OTHER, "'staging' never ran", "parity promote staging production");
  }

  @Test
  void theUnitRoundTripsThroughTheReleaseFileUnderMigrations() throws IOException {
    Releases releases = stagingUnit();
    ReleaseFiles.write(tree, shop, "staging", releases.environments().get("staging"));
    String json = Files.readString(ReleaseFiles.of(tree, "staging"));
    assertThat(json).contains("\"migrations\" : {", "\"db\" : {", "\"version\" : \"2\"");
    assertThat(ReleaseFiles.read(tree, shop)).isEqualTo(releases);
  }

  /** A release file written before migrations images existed reads as a unit of apps only. */
  @Test
  void aReleaseFileWithoutMigrationsStillReads() throws IOException {
    Files.createDirectories(tree.resolve("releases"));
    Files.writeString(ReleaseFiles.of(tree, "staging"), "{\"environment\":\"staging\",\"apps\":{\"web\":{\"image\":"
        + "\"ghcr.io/acme/shop-web@" + APP + "\",\"ran\":[\"" + APP + "\"]}}}");
    Releases releases = ReleaseFiles.read(tree, shop);
    assertThat(releases.image("staging", "web")).contains("ghcr.io/acme/shop-web@" + APP);
    assertThat(releases.released("staging", "db-migrations")).isEmpty();
  }
}
