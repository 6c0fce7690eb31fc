package dev.parity.generate.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Releases;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import dev.parity.generate.RealTool;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformGeneratorTest {

  @TempDir
  Path dir;

  private static Map<String, String> generate(Stack stack) {
    return new TerraformGenerator().generate(Fixtures.context(stack)).stream()
        .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void shopMatchesGoldens() {
    Map<String, String> files = generate(Fixtures.shop().build());
    assertThat(files).containsOnlyKeys("terraform/variables.tf", "terraform/staging.tfvars", "terraform/production.tfvars",
        "terraform/services/variables.tf", "terraform/services/staging.tfvars", "terraform/services/production.tfvars");
    files.forEach((path, content) -> Golden.assertMatches(path.replace("terraform/", "terraform/shop/"), content));
  }

  @Test
  void ordersMatchesGoldens() {
    Map<String, String> files = generate(Fixtures.orders().build());
    assertThat(files).containsOnlyKeys("terraform/variables.tf", "terraform/production.tfvars",
        "terraform/services/variables.tf", "terraform/services/production.tfvars");
    files.forEach((path, content) -> Golden.assertMatches(path.replace("terraform/", "terraform/orders/"), content));
  }

  @Test
  void buildsMatchesGoldens() {
    Map<String, String> files = generate(Fixtures.builds().build());
    assertThat(files).containsOnlyKeys("terraform/variables.tf", "terraform/staging.tfvars",
        "terraform/services/variables.tf", "terraform/services/staging.tfvars");
    files.forEach((path, content) -> Golden.assertMatches(path.replace("terraform/", "terraform/builds/"), content));
  }

  @Test
  void eachAppReceivesOnlyTheKeysItUsesAsHclReadsThem() {
    RealTool.require("hcl-check");
    JsonNode staging = HclJson.parse(dir, generate(Fixtures.builds().build())).get("terraform/staging.tfvars");
    JsonNode environment = staging.get("app_environment");
    JsonNode secrets = staging.get("app_secrets");
    // the parser reads maps with sorted keys
    assertThat(environment.fieldNames()).toIterable().containsExactlyInAnyOrder("api", "web", "admin");
    assertThat(environment.get("api").fieldNames()).toIterable().containsExactlyInAnyOrder("DB_HOST", "DB_NAME", "LOG_LEVEL");
    assertThat(environment.get("web").fieldNames()).toIterable().containsExactlyInAnyOrder("LOG_LEVEL", "API_URL");
    assertThat(environment.get("admin").fieldNames()).toIterable().containsExactly("API_URL");
    assertThat(secrets.get("api").fieldNames()).toIterable().containsExactly("DB_PASSWORD");
    assertThat(secrets.get("web").fieldNames()).toIterable().containsExactly("SESSION_SECRET");
    assertThat(secrets.get("admin").fieldNames()).toIterable().containsExactly("ADMIN_TOKEN");
    assertThat(secrets.get("admin").get("ADMIN_TOKEN").asText()).isEqualTo("secret/builds/staging/admin-token");
  }

  @Test
  void optionVariablesJoinTheirAppsMapsWithTheReferenceOfTheirKey() {
    Stack stack = Stack.named("opts")
        .service(App.node("web", "node:20.11.0-alpine3.19").uses("DB_PASSWORD")
            .options(o -> o.env("NODE_OPTIONS", "--max-old-space-size=256").secretEnv("PGPASSWORD", "DB_PASSWORD")))
        .config(dev.parity.core.ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0")
            .secret("DB_PASSWORD", dev.parity.core.SecretRef.awsParameter("/opts/db")))
        .build();
    String staging = generate(stack).get("terraform/staging.tfvars");
    assertThat(staging).contains("""
        app_environment = {
          web = {
            NODE_OPTIONS = "--max-old-space-size=256"
          }
        }
        """, """
        app_secrets = {
          web = {
            DB_PASSWORD = "/opts/db"
            PGPASSWORD  = "/opts/db"
          }
        }
        """);
  }

  @Test
  void hclParserAcceptsEveryFileAndReadsTheValues() {
    RealTool.require("hcl-check");
    JsonNode parsed = HclJson.parse(dir, generate(Fixtures.shop().build()));

    JsonNode staging = parsed.get("terraform/staging.tfvars");
    assertThat(staging.get("environment").asText()).isEqualTo("staging");
    assertThat(staging.get("instance_count").asInt()).isEqualTo(2);
    assertThat(staging.get("db_engine_version").asText()).isEqualTo("14.9");
    assertThat(staging.get("web_port").asInt()).isEqualTo(3000);
    assertThat(staging.get("app_environment").get("web").get("DB_HOST").asText()).isEqualTo("db.staging.internal");
    assertThat(parsed.get("terraform/production.tfvars").get("instance_count").asInt()).isEqualTo(4);

    JsonNode variables = parsed.get("terraform/variables.tf").get("variable");
    assertThat(variables.get("instance_count").get(0).get("type").asText()).isEqualTo("${number}");
    assertThat(variables.get("app_secrets").get(0).get("type").asText()).isEqualTo("${map(map(string))}");
    assertThat(variables.get("ami").get(0).get("validation")).hasSize(1);
  }

  @Test
  void ordersFilesParseWithTheKnobAndItsDefault() {
    RealTool.require("hcl-check");
    JsonNode parsed = HclJson.parse(dir, generate(Fixtures.orders().build()));
    JsonNode knob = parsed.get("terraform/variables.tf").get("variable").get("min_healthy_percent").get(0);
    assertThat(knob.get("default").asInt()).isEqualTo(50);
    assertThat(parsed.get("terraform/production.tfvars").get("min_healthy_percent").asInt()).isEqualTo(100);
    assertThat(parsed.get("terraform/production.tfvars").get("orders_db_engine").asText()).isEqualTo("mariadb");
  }

  @Test
  void secretKeysCarryTheirReferenceAndNothingElse() {
    Map<String, String> files = generate(Fixtures.shop().build());
    String staging = files.get("terraform/staging.tfvars");
    List<String> passwordLines = staging.lines().filter(l -> l.contains("DB_PASSWORD")).toList();
    assertThat(passwordLines).containsExactly("    DB_PASSWORD = \"/shop/staging/db-password\"");
    assertThat(staging.substring(staging.indexOf("app_secrets = {"))).contains("DB_PASSWORD");
    assertThat(staging.substring(staging.indexOf("app_environment = {"), staging.indexOf("app_secrets = {")))
        .doesNotContain("DB_PASSWORD");
    assertThat(files.get("terraform/production.tfvars")).contains("\"/shop/production/db-password\"")
        .doesNotContain("/shop/staging/");
  }

  @Test
  void imageIsTheReleasedDigestAndUnsetBeforeTheFirstRelease() {
    String digest = "sha256:" + "0f".repeat(32);
    Releases releases = Releases.none().with("staging", "web",
        new Releases.Released("ghcr.io/acme/shop-web@" + digest, List.of(digest)));
    Map<String, String> files = new LinkedHashMap<>();
    new TerraformGenerator().generate(Fixtures.context(Fixtures.shop().build()).withReleases(releases))
        .forEach(f -> files.put(f.path(), f.content()));

    String declaration = files.get("terraform/variables.tf").split("variable \"web_image\"")[1].split("\n}\n")[0];
    assertThat(declaration).doesNotContain("default").contains("ghcr\\\\.io/acme/shop-web@sha256:[a-f0-9]{64}$");
    assertThat(files.get("terraform/staging.tfvars")).containsPattern("(?m)^web_image = \"ghcr.io/acme/shop-web@"
        + digest + "\"$").doesNotContain("_image_tag");
    assertThat(files.get("terraform/production.tfvars")).doesNotContainPattern("(?m)^web_image")
        .contains("# Not released to production yet: web_image; run `parity release --env production`.");
  }

  @Test
  void hostnameIsDeclaredOnlyWhenAnEnvironmentHasOneAndNullableWhenSomeLackIt() {
    assertThat(generate(Fixtures.orders().build()).get("terraform/variables.tf")).doesNotContain("\"hostname\"");

    Stack mixed = Stack.named("mixed")
        .service(App.node("web", "node:20.11.0-alpine3.19"))
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0"))
        .environment(Environment.remote("production").instances(2).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0")
            .hostname("shop.example.com"))
        .build();
    Map<String, String> files = generate(mixed);
    assertThat(files.get("terraform/variables.tf")).contains("  default     = null\n");
    assertThat(files.get("terraform/staging.tfvars")).doesNotContain("hostname");
    assertThat(files.get("terraform/production.tfvars")).contains("hostname       = \"shop.example.com\"");
    assertThat(files.get("terraform/variables.tf")).doesNotContain("db_instance_class");
  }

  @Test
  void aStackWithoutRemoteEnvironmentsHasNoTerraform() {
    Stack local = Stack.named("solo").service(App.node("web", "node:20.11.0-alpine3.19"))
        .environment(Environment.local()).build();
    assertThat(new TerraformGenerator().generate(Fixtures.context(local))).isEmpty();
  }
}
