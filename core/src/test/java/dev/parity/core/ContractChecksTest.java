package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each contract rule, on a stack built in memory, with its exact message. */
class ContractChecksTest {

  private static final AppContract DOTENV = new AppContract(Contract.Kind.DOTENV_EXAMPLE, "web/.env.example", List.of(
      required("DB_HOST", ContractType.STRING), required("DB_PASSWORD", ContractType.STRING)), List.of());

  private static ContractProperty required(String name, ContractType type) {
    return new ContractProperty(name, name, type, "string", Optional.empty(), true, List.of(), false);
  }

  private static Stack.Builder shop(App web) {
    return shop(web, "DB_HOST");
  }

  private static Stack.Builder shop(App web, String hostKey) {
    return Stack.named("shop")
        .service(web)
        .service(Postgres.of("db", "16.4").password("DB_PASSWORD"))
        .config(ConfigKey.string(hostKey).value(ConfigValue.hostOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local())
        .environment(Environment.remote("production").instances(2).instanceType("t3.small")
            .ami("ami-0c55b159cbfafe1f0").databaseClass("db.t3.small").endpoint("db", "db.internal")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/db")));
  }

  private static App web() {
    return App.node("web", "node:20.11.0-alpine3.19").source("web").dependsOn("db");
  }

  @Test
  void aRequiredKeyTheAppDoesNotUseIsReportedOnceForEveryEnvironment() {
    Stack stack = shop(web().uses("DB_HOST")).build();

    assertThat(ContractChecks.check(stack, Map.of("web", DOTENV))).extracting(Problem::toString).containsExactly(
        "service 'web', key 'DB_PASSWORD': has no value in environments 'local', 'production', but its .env.example"
            + " (web/.env.example) requires it; fix: add \"DB_PASSWORD\" to .uses(…) of 'web'");
  }

  @Test
  void aContractFullyGivenHasNoProblem() {
    Stack stack = shop(web().uses("DB_HOST", "DB_PASSWORD")).build();

    assertThat(ContractChecks.check(stack, Map.of("web", DOTENV))).isEmpty();
  }

  @Test
  void aKeyTheAppDoesNotReadSuggestsTheClosestName() {
    Stack stack = shop(web().uses("DB_HOTS", "DB_PASSWORD"), "DB_HOTS").build();

    assertThat(ContractChecks.check(stack, Map.of("web", DOTENV))).extracting(Problem::toString).containsExactly(
        "service 'web', key 'DB_HOST': has no value in environments 'local', 'production', but its .env.example"
            + " (web/.env.example) requires it; fix: declare .config(ConfigKey.string(\"DB_HOST\")…) and add \"DB_HOST\""
            + " to .uses(…) of 'web'",
        "service 'web', key 'DB_HOTS': is given to the app, but its .env.example (web/.env.example) reads no such key;"
            + " fix: did you mean 'DB_HOST'? rename \"DB_HOTS\" to \"DB_HOST\" in the spec");
  }

  @Test
  void aValueThatDoesNotConvertIsReportedInItsEnvironment() {
    AppContract spring = new AppContract(Contract.Kind.SPRING_BOOT, "api/target/classes", List.of(
        new ContractProperty("shop.pool-size", "SHOP_POOLSIZE", ContractType.INTEGER, "java.lang.Integer",
            Optional.of("10"), false, List.of(), false)), List.of("SPRING_"));
    Stack stack = Stack.named("shop")
        .service(App.jvm("api", "eclipse-temurin:17.0.9_9-jre").jar("app.jar").uses("SHOP_POOLSIZE"))
        .config(ConfigKey.string("SHOP_POOLSIZE").defaultValue("10").perEnvironment())
        .environment(Environment.local())
        .environment(Environment.remote("production").instances(2).instanceType("t3.small")
            .ami("ami-0c55b159cbfafe1f0").set("SHOP_POOLSIZE", "abc"))
        .build();

    assertThat(ContractChecks.check(stack, Map.of("api", spring))).extracting(Problem::toString).containsExactly(
        "service 'api', environment 'production', key 'SHOP_POOLSIZE': value 'abc' does not convert to shop.pool-size's"
            + " type integer (java.lang.Integer), as its Spring Boot configuration metadata (api/target/classes) declares;"
            + " fix: give environment 'production' .set(\"SHOP_POOLSIZE\", …) a number such as '10'");
  }

  @Test
  void aSecretPropertyGivenALiteralIsRefused() {
    AppContract spring = new AppContract(Contract.Kind.SPRING_BOOT, "api/target/classes", List.of(
        new ContractProperty("shop.api-key", "SHOP_APIKEY", ContractType.STRING, "java.lang.String",
            Optional.empty(), true, List.of(), false)), List.of("SPRING_"));
    Stack stack = Stack.named("shop")
        .service(App.jvm("api", "eclipse-temurin:17.0.9_9-jre").jar("app.jar").uses("SHOP_APIKEY", "SPRING_PROFILES_ACTIVE"))
        .config(ConfigKey.string("SHOP_APIKEY").defaultValue("k-123"))
        .config(ConfigKey.string("SPRING_PROFILES_ACTIVE").defaultValue("prod"))
        .environment(Environment.local())
        .build();

    assertThat(ContractChecks.check(stack, Map.of("api", spring))).extracting(Problem::toString).containsExactly(
        "service 'api', key 'SHOP_APIKEY': is given a literal value in environment 'local' (not shown), but shop.api-key"
            + " holds a secret by its name; fix: declare .config(ConfigKey.secret(\"SHOP_APIKEY\")) and give each remote"
            + " environment .secret(\"SHOP_APIKEY\", SecretRef…)");
  }

  @Test
  void closestNameCountsATranspositionAsOneEdit() {
    assertThat(ContractChecks.distance("DB_HOTS", "DB_HOST")).isEqualTo(1);
    assertThat(ContractChecks.closest("DB_HOTS", List.of("DB_PASSWORD", "DB_HOST"))).contains("DB_HOST");
    assertThat(ContractChecks.closest("CACHE_TTL", List.of("DB_PASSWORD", "DB_HOST"))).isEmpty();
  }
}
