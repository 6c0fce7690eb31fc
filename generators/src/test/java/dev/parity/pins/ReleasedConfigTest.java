package dev.parity.pins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.core.Environment;
import dev.parity.core.ParityException;
import dev.parity.core.Releases;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.generate.DeployTree;
import dev.parity.generate.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 3: the release records the digest of the config each environment is rendered with, and
 * {@code check} names what changed since.
 */
class ReleasedConfigTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String APP = "sha256:" + "a".repeat(64);

  @TempDir
  Path tree;

  private final Stack platform = Fixtures.platform().build();
  private final Environment staging = platform.environment("staging").orElseThrow();

  @Test
  void thePlainEntriesAreExactlyWhatEachAppsConfigMapHolds() throws IOException {
    DeployTree rendered = DeployTree.render(Fixtures.context(platform));
    ReleasedConfig config = ReleasedConfig.of(platform, staging);
    for (String app : config.entries().keySet()) {
      JsonNode data = YAML.readTree(rendered.file("k8s/overlays/staging/" + app + "/configmap.yaml").orElseThrow()
          .content()).path("data");
      Map<String, String> plain = new TreeMap<>();
      data.fields().forEachRemaining(f -> plain.put(f.getKey(), ReleasedConfig.sha256("value " + f.getValue().asText())));
      Map<String, String> recorded = new TreeMap<>(config.entries().get(app));
      // the secret references, which the ExternalSecrets hold instead, and the secret file's path variable,
      // which the Deployment sets beside its mount
      recorded.keySet().removeAll(java.util.Set.of("DB_PASSWORD", "WORKER_DB_PASSWORD", "file /run/secrets/signing_key",
          "SIGNING_KEY_FILE"));
      assertThat(recorded).as(app).isEqualTo(plain);
    }
  }

  @Test
  void secretsAreRecordedByTheirReferenceAndSecretFilesByPath() {
    Map<String, String> api = ReleasedConfig.of(platform, platform.environment("production").orElseThrow())
        .entries().get("api");
    assertThat(api).containsEntry("DB_PASSWORD",
        ReleasedConfig.sha256("secret " + SecretRef.vault("secret/data/platform/production#db_password").reference()));
    assertThat(api.keySet()).containsExactlyInAnyOrder("DB_HOST", "DB_PASSWORD", "SPRING_DATASOURCE_URL",
        "JAVA_TOOL_OPTIONS", "SIGNING_KEY_FILE", "file /run/secrets/signing_key");
  }

  @Test
  void aValueChangedInOneEnvironmentChangesOnlyItsDigestAndIsNamed() {
    Stack shop = Fixtures.shop().build();
    Stack warn = Fixtures.shop(Fixtures.remote("staging", 2), Fixtures.remote("production", 4).set("LOG_LEVEL", "warn"))
        .build();
    ReleasedConfig before = ReleasedConfig.of(shop, shop.environment("production").orElseThrow());
    ReleasedConfig now = ReleasedConfig.of(warn, warn.environment("production").orElseThrow());

    assertThat(now.digest()).isNotEqualTo(before.digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(before.changesTo(now)).containsExactly("app 'web': LOG_LEVEL changed");
    assertThat(ReleasedConfig.of(warn, warn.environment("staging").orElseThrow()))
        .isEqualTo(ReleasedConfig.of(shop, shop.environment("staging").orElseThrow()));
  }

  @Test
  void addedAndRemovedVariablesAndAppsAreNamed() {
    ReleasedConfig before = ReleasedConfig.fromEntries(Map.of("web", Map.of("A", APP, "B", APP), "old", Map.of()));
    ReleasedConfig now = ReleasedConfig.fromEntries(Map.of("web", Map.of("B", APP, "C", APP), "api", Map.of()));
    assertThat(before.changesTo(now)).containsExactly("app 'api' added", "app 'old' removed",
        "app 'web': A removed, C added");
  }

  @Test
  void checkNamesTheEnvironmentWhatChangedAndHowItIsRecorded() {
    Stack shop = Fixtures.shop().build();
    Stack warn = Fixtures.shop(Fixtures.remote("staging", 2), Fixtures.remote("production", 4).set("LOG_LEVEL", "warn"))
        .build();
    ReleasedConfig staged = ReleasedConfig.of(shop, shop.environment("staging").orElseThrow());
    ReleasedConfig released = ReleasedConfig.of(shop, shop.environment("production").orElseThrow());
    ReleasedConfig now = ReleasedConfig.of(warn, warn.environment("production").orElseThrow());

    assertThat(ReleasedConfig.unreleased(warn, Map.of("staging", staged, "production", released))).containsExactly(
        "production: released with config " + released.shortDigest() + ", the spec now renders " + now.shortDigest()
            + ": app 'web': LOG_LEVEL changed; the next deploy of production applies it and its release job records"
            + " it (a deploy made by hand: record it with `parity promote staging production`)");
    assertThat(ReleasedConfig.unreleased(warn, Map.of("staging", staged))).isEmpty();
    assertThat(ReleasedConfig.unreleased(shop, Map.of("staging", staged, "production", released))).isEmpty();
  }

  @Test
  void theConfigRoundTripsThroughTheReleaseFile() throws IOException {
    Stack shop = Fixtures.shop().build();
    Releases releases = Promotion.release(shop, Releases.none(), "staging", shop.apps().get(0), APP);
    ReleasedConfig config = ReleasedConfig.of(shop, shop.environment("staging").orElseThrow());
    ReleaseFiles.write(tree, shop, "staging", releases.environments().get("staging"), config);

    JsonNode json = new ObjectMapper().readTree(ReleaseFiles.of(tree, "staging").toFile());
    assertThat(json.at("/config/digest").asText()).isEqualTo(config.digest());
    assertThat(json.at("/config/apps/web/LOG_LEVEL").asText()).isEqualTo(ReleasedConfig.sha256("value info"));
    assertThat(ReleaseFiles.configs(tree)).containsExactly(Map.entry("staging", config));
    assertThat(ReleaseFiles.read(tree, shop)).isEqualTo(releases);
  }

  @Test
  void anEditedConfigDigestExitsTwoNamingTheFileAndTheFix() throws IOException {
    Stack shop = Fixtures.shop().build();
    ReleasedConfig config = ReleasedConfig.of(shop, shop.environment("staging").orElseThrow());
    ReleaseFiles.write(tree, shop, "staging", Map.of(), config);
    Path file = ReleaseFiles.of(tree, "staging");
    String other = "sha256:" + "0".repeat(64);
    Files.writeString(file, Files.readString(file).replace(config.digest(), other));

    assertThatThrownBy(() -> ReleaseFiles.configs(tree))
        .satisfies(e -> assertThat(((ParityException) e).code().exitCode()).isEqualTo(2))
        .hasMessage(file + ": config digest '" + other + "' is not the digest of its entries (" + config.digest()
            + "): the record was edited\n" + file + ": fix: restore the file from version control, or record the"
            + " environment again with `parity release` or `parity promote`");
  }

  @Test
  void aReleaseFileWithoutConfigRecordsNone() throws IOException {
    Files.createDirectories(tree.resolve("releases"));
    Files.writeString(ReleaseFiles.of(tree, "staging"), "{\"environment\":\"staging\",\"apps\":{}}");
    assertThat(ReleaseFiles.configs(tree)).isEmpty();
  }
}
