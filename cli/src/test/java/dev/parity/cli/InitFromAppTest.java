package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.contract.SampleApps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity init --from-app} writes the spec's config keys from the app's own contract, and
 * {@code parity check} fails once the contract changes and the spec does not follow.
 */
class InitFromAppTest {

  private static final String SHOP_PROPERTIES = """
      package com.acme.shop;

      import java.time.Duration;
      import org.springframework.boot.context.properties.ConfigurationProperties;

      @ConfigurationProperties("shop")
      public class ShopProperties {
        private int poolSize = 10;
        private boolean audit = true;
        private Duration timeout = Duration.ofSeconds(30);
        private String apiToken;
      %s
        public int getPoolSize() { return poolSize; }
        public void setPoolSize(int v) { poolSize = v; }
        public boolean isAudit() { return audit; }
        public void setAudit(boolean v) { audit = v; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
        public String getApiToken() { return apiToken; }
        public void setApiToken(String v) { apiToken = v; }
      }
      """;

  private static final String REGION = """
        private String region;
        public String getRegion() { return region; }
        public void setRegion(String v) { region = v; }
      """;

  @TempDir
  Path project;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int parity(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path springApp(String extra) throws IOException {
    return SampleApps.compile(project.resolve("api"), Map.of("com/acme/shop/ShopProperties.java",
        SHOP_PROPERTIES.formatted(extra)), true);
  }

  @Test
  void aSpringBootAppsMetadataBecomesTheSpecsTypedKeysAndCheckFailsWhenAPropertyIsAddedLater() throws IOException {
    Path classes = springApp("");
    String spec = project.resolve("ApiSpec.java").toString();

    int init = parity("init", "--from-app", classes.toString(), "--image", "eclipse-temurin:17.0.9_9-jre", "--out", spec);

    assertThat(init).as(err.toString()).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("Wrote " + spec + " from the Spring Boot configuration metadata of 'api'"
        + " (api/target/classes): 4 config keys\n");
    assertThat(Files.readString(Path.of(spec))).contains("""
                .service(App.jvm("api", "eclipse-temurin:17.0.9_9-jre").source("api").jar("target/api.jar")
                    .uses("SHOP_APITOKEN", "SHOP_AUDIT", "SHOP_POOLSIZE", "SHOP_TIMEOUT")
                    .contract(Contract.springBoot("target/classes")))
                // shop.api-token, java.lang.String, required by the app
                .config(ConfigKey.secret("SHOP_APITOKEN"))
                // shop.audit, java.lang.Boolean, the app's default
                .config(ConfigKey.bool("SHOP_AUDIT").defaultValue("true"))
                // shop.pool-size, java.lang.Integer, the app's default
                .config(ConfigKey.integer("SHOP_POOLSIZE").defaultValue("10"))
                // shop.timeout, java.time.Duration, the app's default
                .config(ConfigKey.string("SHOP_TIMEOUT").defaultValue("30s"))
                .environment(Environment.local())
        """);
    assertThat(parity("generate", "--spec", spec)).as(err.toString()).isEqualTo(0);
    assertThat(parity("check", "--spec", spec)).as(out + err.toString()).isEqualTo(0);
    assertThat(Files.readString(project.resolve("deploy/ENVIRONMENTS.md"))).contains("""
        | Property | Type | `local` |
        | --- | --- | --- |
        | `shop.api-token` (SHOP\\_APITOKEN) | string | `SHOP_APITOKEN`: secret |
        | `shop.audit` (SHOP\\_AUDIT) | boolean | `SHOP_AUDIT` = true |
        | `shop.pool-size` (SHOP\\_POOLSIZE) | integer | `SHOP_POOLSIZE` = 10 |
        | `shop.timeout` (SHOP\\_TIMEOUT) | duration | `SHOP_TIMEOUT` = 30s |
        """);

    springApp(REGION);
    int check = parity("check", "--spec", spec);

    assertThat(check).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: Invalid spec 'api' (1 problem); nothing was written:\n"
        + "  - service 'api', key 'SHOP_REGION': has no value in environment 'local', but its Spring Boot configuration"
        + " metadata (api/target/classes) requires shop.region (read from SHOP_REGION); fix: declare"
        + " .config(ConfigKey.string(\"SHOP_REGION\")…) and add \"SHOP_REGION\" to .uses(…) of 'api'\n");
  }

  @Test
  void aDotenvExamplesKeysAreRequiredSoEachIsATodoShowingItsExampleAndSecretsBecomeSecretKeys() throws IOException {
    Files.createDirectories(project.resolve("web"));
    Files.writeString(project.resolve("web/.env.example"), "# every key is required (dotenv-safe)\nDB_HOST=localhost\n"
        + "DB_PASSWORD=change-me\n");
    String spec = project.resolve("WebSpec.java").toString();

    int init = parity("init", "--from-app", project.resolve("web").toString(), "--out", spec);

    assertThat(init).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("Wrote " + spec + " from the .env.example of 'web' (web/.env.example): 2 config"
        + " keys\nDecisions to make before the spec validates (2):\n"
        + "  WebSpec.java: service 'web': name its exact base image, e.g. --image node:20.11.0-alpine3.19, or edit App.node\n"
        + "  WebSpec.java: key 'DB_HOST': required by the app and without a default; give it .defaultValue(…) or each"
        + " environment .set(\"DB_HOST\", …) (the contract's example: 'localhost')\n");
    assertThat(Files.readString(Path.of(spec))).contains("""
                .service(App.node("web", "node:<version>").source("web")
                    .uses("DB_HOST", "DB_PASSWORD")
                    .contract(Contract.dotenvExample(".env.example")))
                // string, required by the app
                // TODO: key 'DB_HOST': required by the app and without a default; give it .defaultValue(…) or each environment .set("DB_HOST", …) (the contract's example: 'localhost')
                .config(ConfigKey.string("DB_HOST").perEnvironment())
                // string, required by the app
                .config(ConfigKey.secret("DB_PASSWORD"))
        """).doesNotContain("change-me");
  }

  /** The tree's record holds the contract: a property the app adds with its own default changes ENVIRONMENTS.md. */
  @Test
  void aContractChangeTheSpecNeedsNotFollowStillMakesTheRecordedTreeStale() throws IOException {
    springApp("");
    String spec = project.resolve("ApiSpec.java").toString();
    parity("init", "--from-app", project.resolve("api/target/classes").toString(), "--image",
        "eclipse-temurin:17.0.9_9-jre", "--out", spec);
    assertThat(parity("generate", "--spec", spec)).as(err.toString()).isEqualTo(0);
    assertThat(parity("check", "--spec", spec)).as(out.toString()).isEqualTo(0);

    springApp("  private int retries = 3;\n  public int getRetries() { return retries; }\n"
        + "  public void setRetries(int v) { retries = v; }\n");
    int check = parity("check", "--spec", spec);

    assertThat(check).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("ENVIRONMENTS.md");
    assertThat(parity("generate", "--spec", spec)).as(err.toString()).isEqualTo(0);
    assertThat(Files.readString(project.resolve("deploy/ENVIRONMENTS.md")))
        .contains("| `shop.retries` (SHOP\\_RETRIES) | integer | app default `3` |");
  }

  @Test
  void initNeedsExactlyOneSource() {
    assertThat(parity("init", "--out", project.resolve("XSpec.java").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("init needs exactly one of --from-compose <file> and --from-app <jar or folder>;"
        + " fix: name the compose file to import, or the app whose contract to write");
    assertThat(project.resolve("XSpec.java")).doesNotExist();
  }

  @Test
  void aMissingAppIsToldToBuildFirstAndNothingIsWritten() {
    Path missing = project.resolve("api/target/classes");

    assertThat(parity("init", "--from-app", missing.toString(), "--out", project.resolve("ApiSpec.java").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--from-app '" + missing + "' does not exist; fix: build the app first");
    assertThat(project.resolve("ApiSpec.java")).doesNotExist();
  }
}
