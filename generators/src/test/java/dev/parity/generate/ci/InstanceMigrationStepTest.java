package dev.parity.generate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment on instances migrates with this run's migrations image ({@code docker run} on the runner), not
 * with a Flyway command line downloaded at deploy time: the step's script is run as written with a {@code docker}
 * stand-in that records what it was asked to run (the real image runs in the cli module's pipeline rehearsal).
 */
class InstanceMigrationStepTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path dir;

  @Test
  void noFlywayIsInstalledAndNoChecksumVariableIsAsked() throws IOException {
    String workflow = workflow();
    assertThat(workflow).doesNotContain("FLYWAY_SHA256", "FLYWAY_MIRROR", "red-gate", "Install flyway", "db/deploy.sh");
    JsonNode production = YAML.readTree(workflow).path("jobs").path("deploy-production");
    List<String> names = new ArrayList<>();
    production.path("steps").forEach(s -> names.add(s.path("name").asText()));
    assertThat(names.indexOf("Migrate the databases of production before the apps start"))
        .isNotNegative().isLessThan(names.indexOf("Deploy production"));
    // the migrations image is pulled from ghcr.io with the workflow's token: read, nothing more
    assertThat(production.path("permissions").path("packages").asText()).isEqualTo("read");
  }

  @Test
  void theMigrationRunsThisRunsMigrationsImageAgainstTheEnvironmentsDatabase() throws IOException {
    RealTool.Result run = migrate("", 0);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(Files.readString(dir.resolve("docker.log"))).isEqualTo(String.join("\n",
        "run --rm --network host -e FLYWAY_URL -e FLYWAY_USER=shop -e FLYWAY_PASSWORD"
            + " ghcr.io/acme/shop-db-migrations@sha256:" + "a".repeat(64) + " migrate",
        "FLYWAY_URL=jdbc:postgresql://db.production.internal:5432/shop",
        "FLYWAY_PASSWORD=s3cret", ""));
  }

  @Test
  void theJdbcUrlSecretOverridesTheDeclaredEndpoint() throws IOException {
    RealTool.Result run = migrate("jdbc:postgresql://127.0.0.1:15432/shop", 0);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(Files.readString(dir.resolve("docker.log"))).contains("FLYWAY_URL=jdbc:postgresql://127.0.0.1:15432/shop\n");
  }

  @Test
  void aFailedMigrationStopsTheJobBeforeTerraformWithAnErrorLine() throws IOException {
    RealTool.Result run = migrate("", 1);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("::error title=Migration failed::db did not migrate in production;"
        + " terraform was not applied");
  }

  private RealTool.Result migrate(String jdbcUrl, int dockerExit) throws IOException {
    RealTool.require("bash");
    JsonNode production = YAML.readTree(workflow()).path("jobs").path("deploy-production");
    String script = null;
    for (JsonNode step : production.path("steps")) {
      if (step.path("name").asText().equals("Migrate the databases of production before the apps start")) {
        script = step.path("run").asText();
      }
    }
    assertThat(script).isNotNull();
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("docker"), "#!/usr/bin/env bash\n"
        + "{ echo \"$*\"; echo \"FLYWAY_URL=$FLYWAY_URL\"; echo \"FLYWAY_PASSWORD=$FLYWAY_PASSWORD\"; } > \"$DOCKER_LOG\"\n"
        + "exit " + dockerExit + "\n");
    bin.resolve("docker").toFile().setExecutable(true);
    Files.writeString(dir.resolve("migrate.sh"), script);
    return RealTool.run(dir, "env", "-i", "PATH=" + bin + ":/usr/bin:/bin", "DOCKER_LOG=" + dir.resolve("docker.log"),
        "DB_MIGRATIONS=ghcr.io/acme/shop-db-migrations@sha256:" + "a".repeat(64), "DB_PASSWORD=s3cret",
        "DB_JDBC_URL=" + jdbcUrl, "bash", "-e", dir.resolve("migrate.sh").toString());
  }

  private static String workflow() {
    return new CiGateGenerator().generate(Fixtures.context(Fixtures.shop().build())).stream()
        .filter(f -> f.path().equals("ci/github/parity.yml")).map(GeneratedFile::content).findFirst().orElseThrow();
  }
}
