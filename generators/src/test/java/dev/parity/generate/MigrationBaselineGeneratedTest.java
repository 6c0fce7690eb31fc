package dev.parity.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.MigrationBaseline;
import dev.parity.core.Mount;
import dev.parity.core.Postgres;
import dev.parity.core.Resources;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.generate.compose.ComposeGenerator;
import dev.parity.generate.flyway.FlywayGenerator;
import dev.parity.generate.k8s.KubernetesGenerator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 6: a database whose first tables come from the image's init scripts needs Flyway's baseline, and
 * the declared {@link MigrationBaseline} reaches every place that configures Flyway: {@code flyway.toml} (which
 * {@code db/deploy.sh} runs), the migrations image's {@code ENV}, the compose {@code db-migrate} service and the
 * Kubernetes Job (built with {@code kubectl kustomize}). Without a baseline none of it is written.
 */
class MigrationBaselineGeneratedTest {

  private static final TomlMapper TOML = new TomlMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, String> BASELINE_ENV = Map.of("FLYWAY_BASELINE_ON_MIGRATE", "true",
      "FLYWAY_BASELINE_VERSION", "1", "FLYWAY_BASELINE_DESCRIPTION", "tables of db/init");

  @TempDir
  Path dir;

  static Stack stack(MigrationBaseline baseline) {
    return Stack.named("legacy")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("app").port(3000).start("node", "server.js")
            .imageRepository("ghcr.io/acme/legacy-web").dependsOn("db").uses("DB_PASSWORD"))
        .service(Postgres.of("db", "15.4").database("legacy").user("legacy").password("DB_PASSWORD")
            .migrations("db/migrations").baseline(baseline)
            .options(o -> o.mount(Mount.bind("db/init", "/docker-entrypoint-initdb.d").readOnly())))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local())
        .environment(Environment.remote("staging").instances(1).databaseClass("db.t3.medium").endpoint("db", "db.staging.internal")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/legacy/staging/db-password"))
            .kubernetes(Kubernetes.namespace("legacy-staging").resources(Resources.requests("250m", "256Mi")
                .limits("1", "512Mi"))))
        .build();
  }

  private static Map<String, String> files(Generator generator, Stack stack) {
    return generator.generate(Fixtures.context(stack)).stream()
        .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a, LinkedHashMap::new));
  }

  private static final MigrationBaseline DECLARED = MigrationBaseline.atVersion("1").describedAs("tables of db/init");

  @Test
  void theTomlAndTheMigrationsImageMatchTheirGoldens() {
    Map<String, String> files = files(new FlywayGenerator(), stack(DECLARED));
    Golden.assertMatches("flyway/baseline/db/db/flyway.toml", files.get("db/db/flyway.toml"));
    Golden.assertMatches("flyway/baseline/db/db/Dockerfile", files.get("db/db/Dockerfile"));
  }

  @Test
  void theTomlReadsBackWithFlywaysBaselineSettings() throws Exception {
    JsonNode flyway = TOML.readTree(files(new FlywayGenerator(), stack(DECLARED)).get("db/db/flyway.toml")).get("flyway");
    assertThat(flyway.get("baselineOnMigrate").isBoolean()).isTrue();
    assertThat(flyway.get("baselineOnMigrate").asBoolean()).isTrue();
    assertThat(flyway.get("baselineVersion").asText()).isEqualTo("1");
    assertThat(flyway.get("baselineDescription").asText()).isEqualTo("tables of db/init");

    JsonNode plain = TOML.readTree(files(new FlywayGenerator(), stack(MigrationBaseline.none()))
        .get("db/db/flyway.toml")).get("flyway");
    assertThat(plain.has("baselineOnMigrate")).isFalse();
    assertThat(plain.has("baselineVersion")).isFalse();
  }

  @Test
  void theComposeMigrateServiceGetsFlywaysBaselineVariables() throws Exception {
    JsonNode env = YAML.readTree(files(new ComposeGenerator(), stack(DECLARED)).get("local/docker-compose.yml"))
        .at("/services/db-migrate/environment");
    BASELINE_ENV.forEach((name, value) -> assertThat(env.path(name).asText()).as(name).isEqualTo(value));

    JsonNode plain = YAML.readTree(files(new ComposeGenerator(), stack(MigrationBaseline.none()))
        .get("local/docker-compose.yml")).at("/services/db-migrate/environment");
    assertThat(plain.has("FLYWAY_BASELINE_ON_MIGRATE")).isFalse();
  }

  @Test
  void theKubernetesJobGetsFlywaysBaselineVariables() {
    KubernetesManifests.write(dir, new KubernetesGenerator().generate(Fixtures.context(stack(DECLARED))));
    List<JsonNode> objects = KubernetesManifests.build(dir.resolve("k8s/overlays/staging/migrate"));
    KubernetesManifests.assertSchemaValid(dir, objects);
    JsonNode job = objects.stream().filter(o -> o.path("kind").asText().equals("Job")).findFirst().orElseThrow();
    Map<String, String> env = new LinkedHashMap<>();
    job.at("/spec/template/spec/containers/0/env").forEach(e -> env.put(e.path("name").asText(),
        e.path("value").asText()));
    assertThat(env).containsAllEntriesOf(BASELINE_ENV);
  }
}
