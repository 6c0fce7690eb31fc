package dev.parity.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.AppContract;
import dev.parity.core.ConfigKey;
import dev.parity.core.ConfigValue;
import dev.parity.core.Contract;
import dev.parity.core.ContractProperty;
import dev.parity.core.ContractType;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Problem;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contracts read from real builds and files, checked against a spec's environments. */
class AppContractsTest {

  @TempDir
  Path folder;

  private static final String SHOP_PROPERTIES = """
      package com.acme.shop;

      import java.time.Duration;
      import org.springframework.boot.context.properties.ConfigurationProperties;

      @ConfigurationProperties("shop")
      public class ShopProperties {
        public enum Mode { FAST, SAFE }

        /** Where the catalogue is. */
        private String apiUrl;
        private int poolSize = 10;
        private Duration timeout = Duration.ofSeconds(30);
        private Mode mode = Mode.FAST;
      %s
        public String getApiUrl() { return apiUrl; }
        public void setApiUrl(String v) { apiUrl = v; }
        public int getPoolSize() { return poolSize; }
        public void setPoolSize(int v) { poolSize = v; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
        public Mode getMode() { return mode; }
        public void setMode(Mode v) { mode = v; }
      }
      """;

  private static final String REGION = """
        private String region;
        public String getRegion() { return region; }
        public void setRegion(String v) { region = v; }
      """;

  private Path springApp(String extra) throws Exception {
    return SampleApps.compile(folder.resolve("api"), Map.of("com/acme/shop/ShopProperties.java",
        SHOP_PROPERTIES.formatted(extra)), true);
  }

  private static Stack shop(String poolSizeInProduction) {
    return Stack.named("shop")
        .service(App.jvm("api", "eclipse-temurin:17.0.9_9-jre").source("api").jar("target/api.jar")
            .uses("SHOP_APIURL", "SHOP_POOLSIZE", "SHOP_TIMEOUT")
            .contract(Contract.springBoot("target/classes")))
        .config(ConfigKey.url("SHOP_APIURL").defaultValue("http://catalogue:8080"))
        .config(ConfigKey.string("SHOP_POOLSIZE").defaultValue("10").perEnvironment())
        .config(ConfigKey.string("SHOP_TIMEOUT").defaultValue("PT30S"))
        .environment(Environment.local())
        .environment(Environment.remote("production").instances(2).instanceType("t3.small")
            .ami("ami-0c55b159cbfafe1f0").set("SHOP_POOLSIZE", poolSizeInProduction))
        .build();
  }

  @Test
  void springBootMetadataOfARealBuildGivesTypesDefaultsAndRequiredness() throws Exception {
    Path classes = springApp("");

    AppContract contract = AppContracts.read(Contract.springBoot("target/classes"), classes, "api/target/classes");

    assertThat(contract.properties()).extracting(ContractProperty::name, ContractProperty::variable,
            ContractProperty::type, ContractProperty::required)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("shop.api-url", "SHOP_APIURL", ContractType.STRING, true),
            org.assertj.core.groups.Tuple.tuple("shop.pool-size", "SHOP_POOLSIZE", ContractType.INTEGER, false),
            org.assertj.core.groups.Tuple.tuple("shop.timeout", "SHOP_TIMEOUT", ContractType.DURATION, false),
            org.assertj.core.groups.Tuple.tuple("shop.mode", "SHOP_MODE", ContractType.ENUM, false));
    assertThat(contract.propertyReading("SHOP_POOLSIZE").orElseThrow().defaultValue()).contains("10");
    assertThat(contract.propertyReading("SHOP_MODE").orElseThrow().enumValues()).containsExactly("FAST", "SAFE");
  }

  @Test
  void aSpringBootSpecThatFollowsItsContractHasNoProblem() throws Exception {
    springApp("");

    assertThat(AppContracts.check(shop("20"), folder)).isEmpty();
  }

  @Test
  void aPropertyAddedToTheSpringBootAppWithoutAValueIsReported() throws Exception {
    springApp(REGION);

    assertThat(AppContracts.check(shop("20"), folder)).extracting(Problem::toString).containsExactly(
        "service 'api', key 'SHOP_REGION': has no value in environments 'local', 'production', but its Spring Boot"
            + " configuration metadata (api/target/classes) requires shop.region (read from SHOP_REGION); fix: declare"
            + " .config(ConfigKey.string(\"SHOP_REGION\")…) and add \"SHOP_REGION\" to .uses(…) of 'api'");
  }

  @Test
  void anIntegerPropertyGivenTextInProductionIsReported() throws Exception {
    springApp("");

    assertThat(AppContracts.check(shop("abc"), folder)).extracting(Problem::toString).containsExactly(
        "service 'api', environment 'production', key 'SHOP_POOLSIZE': value 'abc' does not convert to shop.pool-size's"
            + " type integer (java.lang.Integer), as its Spring Boot configuration metadata (api/target/classes) declares;"
            + " fix: give environment 'production' .set(\"SHOP_POOLSIZE\", …) a number such as '10'");
  }

  @Test
  void anUnbuiltAppIsToldToBuildFirst() {
    assertThat(AppContracts.check(shop("20"), folder)).extracting(Problem::toString).containsExactly(
        "service 'api': Spring Boot configuration metadata 'api/target/classes' does not exist (looked for "
            + folder.toAbsolutePath().normalize().resolve("api/target/classes") + "); fix: build the app first (e.g."
            + " `./mvnw compile`), or point .contract(…) at its classes folder or jar");
  }

  @Test
  void microProfileConfigPropertiesAreReadFromCompiledClasses() throws Exception {
    Path classes = SampleApps.compile(folder.resolve("greeter"), Map.of("com/acme/Greeter.java", """
        package com.acme;

        import java.util.Optional;
        import org.eclipse.microprofile.config.inject.ConfigProperty;

        public class Greeter {
          @ConfigProperty(name = "greeting.message")
          String message;
          @ConfigProperty(name = "greeting.count", defaultValue = "3")
          int count;
          @ConfigProperty(name = "greeting.suffix")
          Optional<String> suffix;

          public Greeter(@ConfigProperty(name = "greeting.max-length") long maxLength) {
          }
        }
        """), false);

    AppContract contract = AppContracts.read(Contract.microProfile("target/classes"), classes, "greeter/target/classes");

    assertThat(contract.properties()).extracting(ContractProperty::name, ContractProperty::variable,
            ContractProperty::type, ContractProperty::required)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("greeting.message", "GREETING_MESSAGE", ContractType.STRING, true),
            org.assertj.core.groups.Tuple.tuple("greeting.count", "GREETING_COUNT", ContractType.INTEGER, false),
            org.assertj.core.groups.Tuple.tuple("greeting.suffix", "GREETING_SUFFIX", ContractType.STRING, false),
            org.assertj.core.groups.Tuple.tuple("greeting.max-length", "GREETING_MAX_LENGTH", ContractType.LONG, true));
    assertThat(contract.propertyReading("GREETING_COUNT").orElseThrow().defaultValue()).contains("3");
  }

  /** The practice app: its config.js refuses to start without DB_PASSWORD, which only the database "uses". */
  @Test
  void thePracticeAppsMissingDbPasswordIsReported() throws Exception {
    Files.createDirectories(folder.resolve("web"));
    Files.writeString(folder.resolve("web/.env.example"), """
        # copy to .env; every key is required (dotenv-safe)
        DB_HOST=localhost
        DB_PASSWORD=change-me
        export PORT=3000
        """);
    Stack stack = Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web").dependsOn("db")
            .uses("DB_HOST", "PORT").contract(Contract.dotenvExample(".env.example")))
        .service(Postgres.of("db", "16.4").password("DB_PASSWORD"))
        .config(ConfigKey.string("DB_HOST").value(ConfigValue.hostOf("db")))
        .config(ConfigKey.integer("PORT").defaultValue("3000"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local())
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small")
            .ami("ami-0c55b159cbfafe1f0").databaseClass("db.t3.small").endpoint("db", "db.staging.internal")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")))
        .build();

    assertThat(AppContracts.check(stack, folder)).extracting(Problem::toString).containsExactly(
        "service 'web', key 'DB_PASSWORD': has no value in environments 'local', 'staging', but its .env.example"
            + " (web/.env.example) requires it; fix: add \"DB_PASSWORD\" to .uses(…) of 'web'");
  }

  /** A Quarkus-style {@code @ConfigMapping}: nested groups, defaults, Optional, a renamed member. */
  @Test
  void quarkusConfigMappingsAreReadWithNestedGroupsDefaultsAndOptionals() throws Exception {
    Path classes = SampleApps.compile(folder.resolve("orders"), Map.of("com/acme/OrdersConfig.java", """
        package com.acme;

        import io.smallrye.config.ConfigMapping;
        import io.smallrye.config.WithDefault;
        import io.smallrye.config.WithName;
        import java.time.Duration;
        import java.util.Optional;

        @ConfigMapping(prefix = "orders")
        public interface OrdersConfig {
          String apiUrl();
          @WithDefault("8") int poolSize();
          Optional<String> banner();
          Store store();

          interface Store {
            @WithName("url") String jdbcUrl();
            @WithDefault("30s") Duration timeout();
            Retry retry();
          }

          interface Retry {
            @WithDefault("3") int attempts();
            boolean enabled();
          }
        }
        """), false);

    AppContract contract = AppContracts.read(Contract.microProfile("target/classes"), classes, "orders/target/classes");

    assertThat(contract.properties()).extracting(ContractProperty::name, ContractProperty::variable,
            ContractProperty::type, ContractProperty::required, ContractProperty::defaultValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("orders.api-url", "ORDERS_API_URL", ContractType.STRING, true,
                java.util.Optional.empty()),
            org.assertj.core.groups.Tuple.tuple("orders.pool-size", "ORDERS_POOL_SIZE", ContractType.INTEGER, false,
                java.util.Optional.of("8")),
            org.assertj.core.groups.Tuple.tuple("orders.banner", "ORDERS_BANNER", ContractType.STRING, false,
                java.util.Optional.empty()),
            org.assertj.core.groups.Tuple.tuple("orders.store.url", "ORDERS_STORE_URL", ContractType.STRING, true,
                java.util.Optional.empty()),
            org.assertj.core.groups.Tuple.tuple("orders.store.timeout", "ORDERS_STORE_TIMEOUT", ContractType.DURATION,
                false, java.util.Optional.of("30s")),
            org.assertj.core.groups.Tuple.tuple("orders.store.retry.attempts", "ORDERS_STORE_RETRY_ATTEMPTS",
                ContractType.INTEGER, false, java.util.Optional.of("3")),
            org.assertj.core.groups.Tuple.tuple("orders.store.retry.enabled", "ORDERS_STORE_RETRY_ENABLED",
                ContractType.BOOLEAN, true, java.util.Optional.empty()));
  }

  @Test
  void aNestedConfigMappingPropertyWithoutAValueIsReportedWithItsVariable() throws Exception {
    SampleApps.compile(folder.resolve("orders"), Map.of("com/acme/OrdersConfig.java", """
        package com.acme;

        import io.smallrye.config.ConfigMapping;
        import io.smallrye.config.WithDefault;

        @ConfigMapping(prefix = "orders")
        public interface OrdersConfig {
          Store store();

          interface Store {
            String url();
            @WithDefault("4") int poolSize();
          }
        }
        """), false);
    Stack stack = Stack.named("shop")
        .service(App.jvm("orders", "eclipse-temurin:17.0.9_9-jre").source("orders").jar("target/orders.jar")
            .uses("ORDERS_STORE_POOL_SIZE").contract(Contract.microProfile("target/classes")))
        .config(ConfigKey.string("ORDERS_STORE_POOL_SIZE").defaultValue("many"))
        .environment(Environment.local())
        .build();

    assertThat(AppContracts.check(stack, folder)).extracting(Problem::toString).containsExactly(
        "service 'orders', environment 'local', key 'ORDERS_STORE_POOL_SIZE': value 'many' does not convert to"
            + " orders.store.pool-size's type integer (int), as its MicroProfile Config properties"
            + " (orders/target/classes) declares; fix: give the key's default a number such as '10'",
        "service 'orders', key 'ORDERS_STORE_URL': has no value in environment 'local', but its MicroProfile Config"
            + " properties (orders/target/classes) requires orders.store.url (read from ORDERS_STORE_URL); fix: declare"
            + " .config(ConfigKey.string(\"ORDERS_STORE_URL\")…) and add \"ORDERS_STORE_URL\" to .uses(…) of 'orders'");
  }
}
