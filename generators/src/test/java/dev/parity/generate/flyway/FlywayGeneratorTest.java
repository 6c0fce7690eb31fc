package dev.parity.generate.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.ParityException;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayGeneratorTest {

  private static final TomlMapper TOML = new TomlMapper();

  @TempDir
  Path dir;

  private static Map<String, GeneratedFile> generate(Stack stack) {
    return new FlywayGenerator().generate(Fixtures.context(stack)).stream()
        .collect(Collectors.toMap(GeneratedFile::path, f -> f, (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void shopMatchesGoldens() {
    Map<String, GeneratedFile> files = generate(Fixtures.shop().build());
    assertThat(files).containsOnlyKeys("db/db/flyway.toml", "db/db/Dockerfile", "db/deploy.sh");
    files.forEach((path, file) -> Golden.assertMatches("flyway/shop/" + path, file.content()));
  }

  @Test
  void ordersMatchesGoldens() {
    Map<String, GeneratedFile> files = generate(Fixtures.orders().build());
    assertThat(files).containsOnlyKeys("db/orders-db/flyway.toml", "db/orders-db/Dockerfile", "db/deploy.sh");
    files.forEach((path, file) -> Golden.assertMatches("flyway/orders/" + path, file.content()));
  }

  @Test
  void postgresTomlReadsBackWithEveryEnvironment() throws IOException {
    JsonNode toml = TOML.readTree(generate(Fixtures.shop().build()).get("db/db/flyway.toml").content());

    JsonNode envs = toml.get("environments");
    assertThat(envs.fieldNames()).toIterable().containsExactly("local", "staging", "production");
    assertThat(envs.get("local").get("url").asText()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
    assertThat(envs.get("staging").get("url").asText()).isEqualTo("jdbc:postgresql://db.staging.internal:5432/shop");
    assertThat(envs.get("production").get("url").asText()).isEqualTo("jdbc:postgresql://db.production.internal:5432/shop");
    for (JsonNode env : List.of(envs.get("local"), envs.get("staging"), envs.get("production"))) {
      assertThat(env.get("user").asText()).isEqualTo("shop");
      assertThat(env.get("password").asText()).isEqualTo("${env.DB_PASSWORD}");
      assertThat(env.get("schemas").get(0).asText()).isEqualTo("public");
    }
    JsonNode flyway = toml.get("flyway");
    assertThat(flyway.get("locations").get(0).asText()).isEqualTo("filesystem:../../../db/migrations");
    assertThat(flyway.get("cleanDisabled").asBoolean()).isTrue();
    assertThat(flyway.get("validateMigrationNaming").asBoolean()).isTrue();
    assertThat(flyway.get("failOnMissingLocations").asBoolean()).isTrue();
  }

  @Test
  void migrationsAreAppliedAsWrittenUnlessTheSpecDeclaresPlaceholders() throws IOException {
    JsonNode plain = TOML.readTree(generate(Fixtures.shop().build()).get("db/db/flyway.toml").content());
    assertThat(plain.get("flyway").get("placeholderReplacement").asBoolean(true)).isFalse();
    assertThat(plain.get("flyway").has("placeholders")).isFalse();

    Stack stack = Stack.named("p")
        .service(Postgres.of("db", "14.9").password("DB_PASSWORD").migrations("db/migrations")
            .placeholders(dev.parity.core.MigrationPlaceholders.of("owner", "shop_owner").and("user.name", "a \"b\" ${c}")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local())
        .build();
    String text = generate(stack).get("db/db/flyway.toml").content();
    JsonNode flyway = TOML.readTree(text).get("flyway");
    assertThat(flyway.get("placeholderReplacement").asBoolean(false)).isTrue();
    assertThat(flyway.get("placeholders").get("owner").asText()).isEqualTo("shop_owner");
    assertThat(flyway.get("placeholders").get("user.name").asText()).isEqualTo("a \"b\" ${c}");
    assertThat(text).contains("[flyway.placeholders]\n");
  }

  @Test
  void locationIsTheSpecsMigrationsFolderSeenFromTheTomlsFolder() throws IOException {
    JsonNode toml = TOML.readTree(generate(Fixtures.shop().build()).get("db/db/flyway.toml").content());
    String location = toml.get("flyway").get("locations").get(0).asText().substring("filesystem:".length());
    // The fixture context puts the tree in <spec folder>/deploy.
    Path specFolder = Path.of("/spec");
    assertThat(specFolder.resolve("deploy/db/db").resolve(location).normalize()).isEqualTo(specFolder.resolve("db/migrations"));
  }

  @Test
  void mariadbTomlUsesTheMariadbDriverAndNoSchemas() throws IOException {
    JsonNode toml = TOML.readTree(generate(Fixtures.orders().build()).get("db/orders-db/flyway.toml").content());
    JsonNode production = toml.get("environments").get("production");
    assertThat(production.get("url").asText()).isEqualTo("jdbc:mariadb://orders.internal:3306/orders");
    assertThat(production.get("user").asText()).isEqualTo("orders");
    assertThat(production.get("password").asText()).isEqualTo("${env.DB_PASSWORD}");
    assertThat(production.has("schemas")).isFalse();
    assertThat(toml.get("environments").get("local").get("url").asText()).isEqualTo("jdbc:mariadb://localhost:3306/orders");
  }

  @Test
  void noSecretValueOrReferenceReachesTheToml() {
    String toml = generate(Fixtures.shop().build()).get("db/db/flyway.toml").content();
    assertThat(toml).doesNotContain("/shop/staging/db-password").doesNotContain("/shop/production/db-password");
    assertThat(toml.lines().filter(l -> l.startsWith("password"))).allMatch(l -> l.equals("password = '${env.DB_PASSWORD}'"));
  }

  @Test
  void deployScriptPassesShellcheck() throws IOException {
    RealTool.require("shellcheck");
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build())) {
      write(generate(stack).values());
      RealTool.assertAccepts(dir, "shellcheck", "--severity=style", "db/deploy.sh");
    }
  }

  @Test
  void deployScriptMigratesFromEachDatabaseFolderThenStartsTheApp() throws Exception {
    write(generate(Fixtures.shop().build()).values());
    Path bin = fakeFlyway(0);
    Run run = deploy(bin, Map.of("DB_PASSWORD", "x"), "staging", "--", "echo", "app started");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.output()).isEqualTo("flyway in " + dir.resolve("db/db").toRealPath()
        + ": -configFiles=flyway.toml -environment=staging migrate\napp started\n");
  }

  @Test
  void deployScriptStartsNothingWhenAMigrationFails() throws Exception {
    write(generate(Fixtures.shop().build()).values());
    Run run = deploy(fakeFlyway(1), Map.of("DB_PASSWORD", "x"), "production", "--", "echo", "app started");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).doesNotContain("app started");
  }

  @Test
  void deployScriptRejectsAnUnknownEnvironmentAMissingCommandAndAMissingPassword() throws Exception {
    write(generate(Fixtures.shop().build()).values());
    Path bin = fakeFlyway(0);

    Run unknown = deploy(bin, Map.of("DB_PASSWORD", "x"), "qa", "--", "true");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.output()).contains("unknown environment 'qa'").contains("environments: local, staging, production");

    assertThat(deploy(bin, Map.of("DB_PASSWORD", "x"), "staging").exitCode()).isEqualTo(2);
    assertThat(deploy(bin, Map.of()).exitCode()).isEqualTo(2);

    Run noPassword = deploy(bin, Map.of(), "staging", "--", "true");
    assertThat(noPassword.exitCode()).isEqualTo(2);
    assertThat(noPassword.output()).contains("DB_PASSWORD is not set").doesNotContain("flyway in");
  }

  @Test
  void databasesWithoutMigrationsAndRedisGetNoFlyway() {
    Stack stack = Stack.named("plain").service(App.node("web", "node:20.11.0-alpine3.19"))
        .service(Postgres.of("db", "14.9").trustLocalConnections()).environment(Environment.local()).build();
    assertThat(new FlywayGenerator().generate(Fixtures.context(stack))).isEmpty();
  }

  @Test
  void aRemoteEnvironmentWithoutTheDatabasesEndpointIsRejectedWithTheFix() {
    Stack stack = Stack.named("plain").service(Postgres.of("db", "14.9").migrations("db/migrations")
            .password("DB_PASSWORD"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0")
            .databaseClass("db.t3.small").secret("DB_PASSWORD", SecretRef.awsParameter("/plain/db")))
        .build();
    assertThatThrownBy(() -> new FlywayGenerator().generate(Fixtures.context(stack)))
        .isInstanceOf(ParityException.class)
        .hasMessage("environment 'staging' declares no endpoint for database 'db', so its migrations cannot run there:"
            + " add .endpoint(\"db\", \"<host>\") to Environment.remote(\"staging\")");
  }

  @Test
  void aLocalDatabaseThatTrustsLocalConnectionsMigratesWithoutAnyPassword() throws Exception {
    Stack stack = Stack.named("solo")
        .service(Postgres.of("db", "14.9").trustLocalConnections().migrations("db/migrations"))
        .service(MySql.mariadb("maria", "10.11.6").allowEmptyPassword().migrations("db/maria"))
        .environment(Environment.local()).build();
    Map<String, GeneratedFile> files = generate(stack);
    for (String toml : List.of("db/db/flyway.toml", "db/maria/flyway.toml")) {
      JsonNode local = TOML.readTree(files.get(toml).content()).get("environments").get("local");
      assertThat(local.has("password")).as(toml).isFalse();
      assertThat(files.get(toml).content()).doesNotContain("password");
    }
    write(files.values());
    Run run = deploy(fakeFlyway(0), Map.of(), "local", "--", "echo", "app started");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.output()).doesNotContain("is not set").endsWith("app started\n");
  }

  @Test
  void aRemoteDatabaseNeverGetsAnEmptyPassword() {
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build(), Fixtures.builds().build())) {
      for (GeneratedFile file : generate(stack).values()) {
        if (file.path().endsWith(".toml")) {
          assertThat(file.content().lines().filter(l -> l.startsWith("password")))
              .allMatch(l -> l.matches("password = '\\$\\{env\\.[A-Z][A-Z0-9_]*}'"));
          assertThat(file.content().lines().filter(l -> l.startsWith("[environments.")).count())
              .isEqualTo(file.content().lines().filter(l -> l.startsWith("password = ")).count());
        }
      }
    }
  }

  private void write(java.util.Collection<GeneratedFile> files) throws IOException {
    for (GeneratedFile file : files) {
      Path target = dir.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
      target.toFile().setExecutable(file.executable());
    }
  }

  /** A stand-in for the Flyway command line that reports where and how it ran, then exits with {@code exitCode}. */
  private Path fakeFlyway(int exitCode) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("fake-bin"));
    Path flyway = bin.resolve("flyway");
    Files.writeString(flyway, "#!/usr/bin/env bash\necho \"flyway in $(pwd -P): $*\"\nexit " + exitCode + "\n");
    flyway.toFile().setExecutable(true);
    return bin;
  }

  private record Run(int exitCode, String output) {
  }

  private Run deploy(Path bin, Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", dir.resolve("db/deploy.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().remove("DB_PASSWORD");
    builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }
}
