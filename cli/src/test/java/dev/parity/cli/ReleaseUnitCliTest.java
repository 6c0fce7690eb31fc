package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity release} and {@code promote} on the node-postgres-redis example: the migrations
 * image is recorded with the highest migration version, promoted unchanged, and pinned by digest
 * in the environment's migrate kustomization.
 */
class ReleaseUnitCliTest {

  private static final String APP = "sha256:" + "a".repeat(64);
  private static final String MIGRATIONS = "sha256:" + "c".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path project;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path example() throws IOException {
    Path example = Path.of("../examples/node-postgres-redis");
    Path spec = project.resolve("NodePostgresRedis.java");
    Files.copy(example.resolve("NodePostgresRedis.java"), spec);
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__create_users.sql"), "CREATE TABLE users (id int);\n");
    Files.writeString(project.resolve("db/migrations/V10__add_name.sql"), "ALTER TABLE users ADD name text;\n");
    Files.writeString(project.resolve("db/migrations/V9__add_mail.sql"), "ALTER TABLE users ADD mail text;\n");
    Files.createDirectories(project.resolve("app"));
    Files.writeString(project.resolve("app/package.json"), "{\"name\": \"web\", \"private\": true}\n");
    Files.writeString(project.resolve("app/package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": {}}\n");
    return spec;
  }

  @Test
  void theMigrationsImageAndVersionAreReleasedPromotedAndPinned() throws IOException {
    Path spec = example();
    assertThat(run("release", "--spec", spec.toString(), "--env", "staging", "--app", "web", "--digest", APP))
        .as(err.toString()).isZero();
    assertThat(run("release", "--spec", spec.toString(), "--env", "staging", "--app", "db-migrations",
        "--digest", MIGRATIONS)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("released ghcr.io/acme/shop-db-migrations@" + MIGRATIONS
        + " to staging (migrations up to version 10)");
    assertThat(run("promote", "--spec", spec.toString(), "staging", "production", "--skip-live-check"))
        .as(err.toString()).isZero();

    JsonNode production = JSON.readTree(project.resolve("deploy/releases/production.json").toFile());
    assertThat(production.at("/apps/web/image").asText()).isEqualTo("ghcr.io/acme/shop-web@" + APP);
    assertThat(production.at("/migrations/db/image").asText()).isEqualTo("ghcr.io/acme/shop-db-migrations@" + MIGRATIONS);
    assertThat(production.at("/migrations/db/version").asText()).isEqualTo("10");
    JsonNode images = YAML.readTree(project.resolve("deploy/k8s/overlays/production/migrate/kustomization.yaml")
        .toFile()).path("images");
    assertThat(images.path(0).path("name").asText()).isEqualTo("ghcr.io/acme/shop-db-migrations");
    assertThat(images.path(0).path("digest").asText()).isEqualTo(MIGRATIONS);
    assertThat(run("check", "--spec", spec.toString())).as(out + "\n" + err).isZero();
  }

  @Test
  void releaseAndPromoteRecordEachEnvironmentsConfigAndCheckNamesAChangeNotYetReleased() throws IOException {
    Path spec = example();
    assertThat(run("release", "--spec", spec.toString(), "--env", "staging", "--app", "web", "--digest", APP))
        .as(err.toString()).isZero();
    assertThat(run("promote", "--spec", spec.toString(), "staging", "production", "--skip-live-check"))
        .as(err.toString()).isZero();
    JsonNode staging = JSON.readTree(project.resolve("deploy/releases/staging.json").toFile());
    JsonNode production = JSON.readTree(project.resolve("deploy/releases/production.json").toFile());
    String recorded = production.at("/config/digest").asText();
    assertThat(recorded).matches("sha256:[0-9a-f]{64}").isNotEqualTo(staging.at("/config/digest").asText());
    assertThat(out.toString()).contains("  recorded config " + recorded.substring(0, 19)
        + " of production (8 variable(s) of 1 app(s))\n");
    assertThat(production.at("/config/apps/web").size()).isEqualTo(8);

    Files.writeString(spec, Files.readString(spec).replace(
        ".secret(\"DB_PASSWORD\", SecretRef.awsParameter(\"/shop/production/db-password\")))",
        ".secret(\"DB_PASSWORD\", SecretRef.awsParameter(\"/shop/production/db-password\")).set(\"LOG_LEVEL\", \"warn\"))"));
    assertThat(run("generate", "--spec", spec.toString())).as(err.toString()).isZero();
    out.getBuffer().setLength(0);

    assertThat(run("check", "--spec", spec.toString())).as(out + "\n" + err).isZero();
    assertThat(out.toString()).matches("(?s).* is up to date: \\d+ files, as spec NodePostgresRedis.java generates them\\.\n"
        + "Config not yet released \\(1 environment\\(s\\)\\), pending:\n"
        + "  production: released with config " + recorded.substring(0, 19) + ", the spec now renders sha256:[0-9a-f]{12}:"
        + " app 'web': LOG_LEVEL changed; the next deploy of production applies it and its release job records it"
        + " \\(a deploy made by hand: record it with `parity promote staging production`\\)\n");

    assertThat(run("promote", "--spec", spec.toString(), "staging", "production", "--skip-live-check"))
        .as(err.toString()).isZero();
    out.getBuffer().setLength(0);
    assertThat(run("check", "--spec", spec.toString())).isZero();
    assertThat(out.toString()).doesNotContain("Config not yet released");
  }

  @Test
  void promoteStopsWithExitTwoAndTheReasonWhenTheTargetsDatabaseCannotBeReached() throws IOException {
    Path spec = example();
    assertThat(run("release", "--spec", spec.toString(), "--env", "staging", "--app", "web", "--digest", APP))
        .as(err.toString()).isZero();
    err.getBuffer().setLength(0);

    assertThat(run("promote", "--spec", spec.toString(), "staging", "production", "--to-url",
        "db=jdbc:postgresql://127.0.0.1:1/shop?user=shop&password=secret")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: promote checks the live schema of 'db' in 'production' first, and"
        + " cannot: cannot connect to jdbc:postgresql://127.0.0.1:1/shop?user=shop&password=***: the server cannot be"
        + " reached (Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and that the"
        + " postmaster is accepting TCP/IP connections.); check the host and port, and that the database accepts"
        + " connections from here; nothing was written\n");
    assertThat(project.resolve("deploy/releases/production.json")).doesNotExist();
  }

  @Test
  void promoteRefusesAToUrlForAServiceThatIsNotAMigratedDatabase() throws IOException {
    Path spec = example();
    run("release", "--spec", spec.toString(), "--env", "staging", "--app", "web", "--digest", APP);
    err.getBuffer().setLength(0);

    assertThat(run("promote", "--spec", spec.toString(), "staging", "production", "--to-url",
        "cache=jdbc:postgresql://127.0.0.1:1/shop")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: --to-url cache=...: 'cache' is not a database with migrations of"
        + " stack 'shop'; databases: db\n");
    assertThat(project.resolve("deploy/releases/production.json")).doesNotExist();
  }
}
