package dev.parity.pins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.App;
import dev.parity.core.ParityException;
import dev.parity.core.Releases;
import dev.parity.core.Stack;
import dev.parity.generate.CheckReport;
import dev.parity.generate.DeployTree;
import dev.parity.generate.Fixtures;
import dev.parity.generate.TreeChecker;
import dev.parity.generate.TreeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionTest {

  private static final String BUILT = "sha256:" + "a".repeat(64);
  private static final String OTHER = "sha256:" + "b".repeat(64);

  @TempDir
  Path tree;

  private final Stack shop = Fixtures.shop().build();
  private final App web = shop.apps().get(0);

  @Test
  void promotionOrderIsTheRemoteEnvironmentsInDeclarationOrder() {
    assertThat(Promotion.order(shop)).containsExactly("staging", "production");
  }

  @Test
  void releaseThenPromoteCopiesTheExactDigestAndPassesCheck() {
    Releases released = Promotion.release(shop, Releases.none(), "staging", web, BUILT);
    Releases promoted = Promotion.promote(shop, released, "staging", "production");

    assertThat(promoted.image("production", "web")).contains("ghcr.io/acme/shop-web@" + BUILT);
    assertThat(promoted.released("production", "web").orElseThrow().history()).containsExactly(BUILT);
    assertThat(Promotion.check(shop, promoted)).isEmpty();
  }

  @Test
  void aDigestThePreviousEnvironmentNeverRanFailsNamingAppAndBothDigests() {
    Releases releases = Promotion.promote(shop, Promotion.release(shop, Releases.none(), "staging", web, BUILT),
        "staging", "production");
    Releases handEdited = releases.with("production", "web",
        new Releases.Released("ghcr.io/acme/shop-web@" + OTHER, List.of(BUILT, OTHER)));

    assertThat(Promotion.check(shop, handEdited)).containsExactly("environment 'production' runs app 'web' at " + OTHER
        + ", which 'staging' never ran ('staging' runs " + BUILT + "); promote with `parity promote staging production`");
  }

  @Test
  void aTagInsteadOfADigestFails() {
    Releases tagged = Releases.none().with("staging", "web",
        new Releases.Released("ghcr.io/acme/shop-web:1.4.2", List.of()));

    assertThat(Promotion.check(shop, tagged)).containsExactly("environment 'staging' runs app 'web' as"
        + " 'ghcr.io/acme/shop-web:1.4.2', a tag instead of a digest; run `parity release --env staging --app web"
        + " --tag <tag>` to record its digest");
  }

  @Test
  void rollingBackToADigestThePreviousEnvironmentRanBeforeIsAllowed() {
    Releases releases = Promotion.release(shop, Releases.none(), "staging", web, BUILT);
    releases = Promotion.promote(shop, releases, "staging", "production");
    releases = Promotion.release(shop, releases, "staging", web, OTHER);

    assertThat(Promotion.check(shop, releases)).isEmpty();
    assertThat(releases.released("staging", "web").orElseThrow().history()).containsExactly(BUILT, OTHER);
  }

  @Test
  void promotionSkippingAnEnvironmentOrGoingBackIsRefused() {
    Releases releases = Promotion.release(shop, Releases.none(), "staging", web, BUILT);
    assertThatThrownBy(() -> Promotion.promote(shop, releases, "production", "staging"))
        .isInstanceOf(ParityException.class)
        .hasMessage("cannot promote from 'production' to 'staging': the promotion order is staging -> production,"
            + " and 'production' is the last");
    assertThatThrownBy(() -> Promotion.promote(shop, releases, "local", "staging"))
        .hasMessage("'local' is not a remote environment of stack 'shop'; releases go to staging, production, in"
            + " that order");
    assertThatThrownBy(() -> Promotion.promote(shop, Releases.none(), "staging", "production"))
        .hasMessage("environment 'staging' has no release to promote; run `parity release --env staging --tag <tag>`"
            + " (or --digest) first");
    assertThatThrownBy(() -> Promotion.release(shop, Releases.none(), "staging", web, "sha256:12"))
        .hasMessageStartingWith("digest 'sha256:12' is not sha256: followed by 64 lower-case hex digits");
  }

  @Test
  void releaseFilesRoundTripAndAreNeitherExtraNorOverwrittenByTheTree() throws IOException {
    Releases releases = Promotion.release(shop, Releases.none(), "staging", web, BUILT);
    ReleaseFiles.write(tree, shop, "staging", releases.environments().get("staging"));
    assertThat(ReleaseFiles.read(tree, shop)).isEqualTo(releases);
    String recorded = Files.readString(tree.resolve("releases/staging.json"));
    assertThat(recorded).contains("\"image\" : \"ghcr.io/acme/shop-web@" + BUILT + "\"");

    DeployTree generated = DeployTree.render(Fixtures.context(shop).withReleases(releases));
    TreeWriter.write(tree, generated, false);
    CheckReport report = TreeChecker.check(tree, generated);

    assertThat(report.isClean()).as("%s", report.findings()).isTrue();
    assertThat(Files.readString(tree.resolve("releases/staging.json"))).isEqualTo(recorded);
    assertThat(Files.readString(tree.resolve("terraform/staging.tfvars")))
        .contains("web_image = \"ghcr.io/acme/shop-web@" + BUILT + "\"");
  }

  @Test
  void invalidReleaseFilesExitTwoNamingFileAndFix() throws IOException {
    Path file = tree.resolve("releases/qa.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"apps\": {\"worker\": {\"image\": \"x\"}}}");

    assertThatThrownBy(() -> ReleaseFiles.read(tree, shop))
        .satisfies(e -> assertThat(((ParityException) e).code().exitCode()).isEqualTo(2))
        .hasMessage(file + ": environment 'qa' is not a remote environment of stack 'shop' (remote: staging,"
            + " production); fix: rename the file after the environment it records, or delete it\n"
            + file + ": app 'worker' is not an app of stack 'shop'; fix: remove its entry");
  }
}
