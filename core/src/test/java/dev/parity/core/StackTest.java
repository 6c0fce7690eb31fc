package dev.parity.core;

import static dev.parity.core.ConfigValue.portOf;
import static dev.parity.core.ConfigValue.urlOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StackTest {

  /** Each entry as NAME=value, NAME=secret:<reference> or NAME=secret-from-.env. */
  private static Map<String, String> rendered(List<ConfigEntry> entries) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ConfigEntry e : entries) {
      if (e.isSecret()) {
        assertThat(e.plainValue()).as("a secret never has a value: " + e.name()).isEmpty();
        out.put(e.name(), e.secretReference().map(r -> "secret:" + r.reference()).orElse("secret-from-.env"));
      } else {
        assertThat(e.secretReference()).isEmpty();
        out.put(e.name(), e.plainValue().orElseThrow());
      }
    }
    return out;
  }

  private static Environment env(Stack stack, String name) {
    return stack.environment(name).orElseThrow();
  }

  @Nested
  class Examples {

    @Test
    void nodePostgresRedisBuildsWithoutProblems() {
      Stack shop = ExampleSpecs.nodePostgresRedis();
      assertThat(shop.name()).isEqualTo("shop");
      assertThat(shop.services()).extracting(Service::name).containsExactly("web", "db", "cache");
      assertThat(shop.apps()).extracting(App::name).containsExactly("web");
      assertThat(shop.localEnvironment()).map(Environment::name).contains("local");
      assertThat(shop.remoteEnvironments()).extracting(Environment::name).containsExactly("staging", "production");
      assertThat(shop.deviations()).extracting(Deviation::service).containsExactly("db", "cache");
    }

    @Test
    void javaServiceBuildsWithoutProblems() {
      Stack orders = ExampleSpecs.javaService();
      assertThat(orders.name()).isEqualTo("orders");
      assertThat(orders.services()).extracting(Service::name).containsExactly("api", "orders-db", "cache");
      assertThat(orders.apps()).singleElement().satisfies(api -> {
        assertThat(api.buildKind()).isEqualTo(BuildKind.JVM_JAR);
        assertThat(api.command()).containsExactly("java", "-jar", "/app/app.jar");
        assertThat(api.user()).contains("10001:10001");
      });
      assertThat(orders.knobs()).extracting(Knob::name).containsExactly("min_healthy_percent");
      assertThat(orders.deviations()).isEmpty();
    }
  }

  @Nested
  class ConfigResolution {

    private final Stack shop = ExampleSpecs.nodePostgresRedis();
    private final Stack orders = ExampleSpecs.javaService();

    /**
     * Regression: an app's config resolved every key of the schema and then kept the app's own, so
     * rendering a stack of many apps resolved keys apps times over (quadratic in the stack's size).
     */
    @Test
    void anAppsConfigResolvesOnlyTheKeysTheAppUses() {
      Stack stack = Stack.named("many")
          .service(Redis.of("cache", "7.2.3"))
          .service(App.node("a", "node:20.11.0-alpine3.19").source("a").port(3000).uses("A_URL"))
          .service(App.node("b", "node:20.11.0-alpine3.19").source("b").port(3001).uses("B_URL"))
          .config(ConfigKey.url("A_URL").value(ConfigValue.urlOf("cache")))
          .config(ConfigKey.url("B_URL").value(ConfigValue.urlOf("cache")))
          .environment(Environment.local())
          .build();
      java.util.concurrent.atomic.AtomicInteger resolved = new java.util.concurrent.atomic.AtomicInteger();
      Addresses counting = new Addresses() {
        @Override
        public String host(Service service) {
          resolved.incrementAndGet();
          return service.name();
        }

        @Override
        public int port(Service service) {
          return 6379;
        }
      };
      App a = (App) stack.service("a").orElseThrow();

      assertThat(rendered(stack.config(a, env(stack, "local"), counting))).containsExactly(entry("A_URL", "redis://cache:6379"));
      assertThat(resolved).hasValue(1);
    }

    @Test
    void localResolvesServicesByNameAndSecretsFromDotEnv() {
      assertThat(rendered(shop.config(env(shop, "local")))).containsExactly(
          entry("DB_HOST", "db"),
          entry("DB_PORT", "5432"),
          entry("DB_NAME", "shop"),
          entry("DB_USER", "shop"),
          entry("DB_PASSWORD", "secret-from-.env"),
          entry("REDIS_URL", "redis://cache:6379"),
          entry("PORT", "3000"),
          entry("LOG_LEVEL", "debug"));
    }

    @Test
    void remoteResolvesServicesAtTheirEndpointsAndSecretsByReference() {
      assertThat(rendered(shop.config(env(shop, "staging")))).containsExactly(
          entry("DB_HOST", "shop-staging.cluster-c9akciq32.eu-west-1.rds.amazonaws.com"),
          entry("DB_PORT", "5432"),
          entry("DB_NAME", "shop"),
          entry("DB_USER", "shop"),
          entry("DB_PASSWORD", "secret:/shop/staging/db-password"),
          entry("REDIS_URL", "redis://shop-staging.x1y2z3.0001.euw1.cache.amazonaws.com:6379"),
          entry("PORT", "3000"),
          entry("LOG_LEVEL", "info"));
    }

    @Test
    void secretEntryCarriesOnlyItsReferenceRemotely() {
      ConfigEntry password = shop.config(env(shop, "production")).stream()
          .filter(e -> e.name().equals("DB_PASSWORD")).findFirst().orElseThrow();
      assertThat(password.isSecret()).isTrue();
      assertThat(password.plainValue()).isEmpty();
      assertThat(password.secretReference()).contains(SecretRef.awsParameter("/shop/production/db-password"));
    }

    @Test
    void secretEntryCarriesNothingLocally() {
      ConfigEntry password = shop.config(env(shop, "local")).stream()
          .filter(e -> e.name().equals("DB_PASSWORD")).findFirst().orElseThrow();
      assertThat(password.isSecret()).isTrue();
      assertThat(password.plainValue()).isEmpty();
      assertThat(password.secretReference()).isEmpty();
    }

    @Test
    void perEnvironmentValuesOverrideTheDefault() {
      assertThat(rendered(orders.config(env(orders, "local"))))
          .contains(entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"), entry("FEATURE_FAST_CHECKOUT", "false"));
      assertThat(rendered(orders.config(env(orders, "staging"))))
          .contains(entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"), entry("FEATURE_FAST_CHECKOUT", "true"));
      assertThat(rendered(orders.config(env(orders, "production"))))
          .contains(entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=80"), entry("FEATURE_FAST_CHECKOUT", "false"));
    }

    @Test
    void portOfIsTheContainerPortEverywhere() {
      assertThat(rendered(orders.config(env(orders, "local")))).contains(
          entry("ORDERS_DB_HOST", "orders-db"), entry("ORDERS_DB_PORT", "5432"));
      assertThat(rendered(orders.config(env(orders, "production")))).contains(
          entry("ORDERS_DB_HOST", "orders-production.c9akciq32.eu-central-1.rds.amazonaws.com"),
          entry("ORDERS_DB_PORT", "5432"),
          entry("ORDERS_DB_PASSWORD", "secret:arn:aws:secretsmanager:eu-central-1:123456789012:secret:orders/production/db"));
    }

    @Test
    void urlOfUsesTheSchemeOfEachKind() {
      Stack stack = Stack.named("mixed")
          .service(App.node("web", "node:20.11.0-alpine3.19").hostPort(3001)
              .uses("PG_URL", "MARIA_URL", "REDIS_URL", "MAIL_URL", "WEB_URL", "PG_PORT"))
          .service(Postgres.of("pg", "16.4").database("app").hostPort(15432).trustLocalConnections())
          .service(MySql.mariadb("maria", "10.11.6").database("legacy").allowEmptyPassword())
          .service(Redis.of("cache", "7.2.3"))
          .service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025))
          .config(ConfigKey.url("PG_URL").value(urlOf("pg")))
          .config(ConfigKey.url("MARIA_URL").value(urlOf("maria")))
          .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
          .config(ConfigKey.url("MAIL_URL").value(urlOf("mail")))
          .config(ConfigKey.url("WEB_URL").value(urlOf("web")))
          .config(ConfigKey.integer("PG_PORT").value(portOf("pg")))
          .environment(Environment.local())
          .build();
      assertThat(rendered(stack.config(env(stack, "local")))).containsExactly(
          entry("PG_URL", "postgresql://pg:5432/app"),
          entry("MARIA_URL", "mariadb://maria:3306/legacy"),
          entry("REDIS_URL", "redis://cache:6379"),
          entry("MAIL_URL", "http://mail:8025"),
          entry("WEB_URL", "http://web:3000"),
          entry("PG_PORT", "5432"));
    }

    @Test
    void jdbcUrlOfUsesTheJdbcSchemeOfEachEngine() {
      Stack stack = Stack.named("jvm")
          .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy").jar("target/api.jar")
              .uses("PG_JDBC", "MARIA_JDBC", "MYSQL_JDBC"))
          .service(Postgres.of("pg", "16.4").database("app").hostPort(15432).trustLocalConnections())
          .service(MySql.mariadb("maria", "10.11.6").database("legacy").allowEmptyPassword())
          .service(MySql.mysql("my", "8.0.36").database("orders").hostPort(3307).allowEmptyPassword())
          .config(ConfigKey.url("PG_JDBC").value(ConfigValue.jdbcUrlOf("pg")))
          .config(ConfigKey.url("MARIA_JDBC").value(ConfigValue.jdbcUrlOf("maria")))
          .config(ConfigKey.string("MYSQL_JDBC").value(ConfigValue.jdbcUrlOf("my")))
          .environment(Environment.local())
          .build();
      assertThat(rendered(stack.config(env(stack, "local")))).containsExactly(
          entry("PG_JDBC", "jdbc:postgresql://pg:5432/app"),
          entry("MARIA_JDBC", "jdbc:mariadb://maria:3306/legacy"),
          entry("MYSQL_JDBC", "jdbc:mysql://my:3306/orders"));
      Addresses published = new Addresses() {
        @Override
        public String host(Service service) {
          return "127.0.0.1";
        }

        @Override
        public int port(Service service) {
          return 49000 + service.containerPort() % 1000;
        }
      };
      assertThat(rendered(stack.config(env(stack, "local"), published))).containsExactly(
          entry("PG_JDBC", "jdbc:postgresql://127.0.0.1:49432/app"),
          entry("MARIA_JDBC", "jdbc:mariadb://127.0.0.1:49306/legacy"),
          entry("MYSQL_JDBC", "jdbc:mysql://127.0.0.1:49306/orders"));
    }

    @Test
    void jdbcUrlOfIsTheEndpointRemotely() {
      Stack stack = new ShopFixture().key(ConfigKey.url("SPRING_DATASOURCE_URL").value(ConfigValue.jdbcUrlOf("db"))).build();
      assertThat(rendered(stack.config(env(stack, "local")))).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/shop");
      assertThat(rendered(stack.config(env(stack, "production")))).containsEntry("SPRING_DATASOURCE_URL",
          "jdbc:postgresql://" + stack.addresses(env(stack, "production")).host(stack.service("db").orElseThrow()) + ":5432/shop");
    }

    @Test
    void optionalKeysWithoutValueAreLeftOut() {
      Stack stack = new ShopFixture()
          .key(ConfigKey.string("SENTRY_DSN").optional().perEnvironment())
          .key(ConfigKey.secret("STRIPE_KEY").optional())
          .environment("production", e -> e.set("SENTRY_DSN", "https://abc@sentry.example.com/1")
              .secret("STRIPE_KEY", SecretRef.vault("secret/data/shop/prod#stripe")))
          .build();
      assertThat(rendered(stack.config(env(stack, "staging")))).doesNotContainKeys("SENTRY_DSN", "STRIPE_KEY");
      assertThat(rendered(stack.config(env(stack, "production")))).contains(
          entry("SENTRY_DSN", "https://abc@sentry.example.com/1"),
          entry("STRIPE_KEY", "secret:secret/data/shop/prod#stripe"));
      assertThat(rendered(stack.config(env(stack, "local"))))
          .doesNotContainKey("SENTRY_DSN")
          .as("the local stack reads every secret from .env, optional or not")
          .containsEntry("STRIPE_KEY", "secret-from-.env");
    }

    @Test
    void configThroughOtherAddresses() {
      Addresses mapped = new Addresses() {
        @Override
        public String host(Service service) {
          return "127.0.0.1";
        }

        @Override
        public int port(Service service) {
          return 40000 + service.containerPort() % 1000;
        }
      };
      assertThat(rendered(shop.config(env(shop, "local"), mapped)))
          .contains(entry("DB_HOST", "127.0.0.1"), entry("REDIS_URL", "redis://127.0.0.1:40379"));
    }

    @Test
    void addresses() {
      Service db = shop.service("db").orElseThrow();
      Addresses local = shop.addresses(env(shop, "local"));
      Addresses production = shop.addresses(env(shop, "production"));
      assertThat(local.host(db)).isEqualTo("db");
      assertThat(local.url(db)).isEqualTo("postgresql://db:5432/shop");
      assertThat(production.host(db)).isEqualTo("shop-production.cluster-c9akciq32.eu-west-1.rds.amazonaws.com");
      assertThat(production.port(db)).isEqualTo(5432);
    }

    @Test
    void knobValueIsTheEnvironmentsOwnElseTheDefault() {
      Knob minHealthy = orders.knobs().get(0);
      assertThat(orders.knobValue(env(orders, "production"), minHealthy)).contains(100);
      assertThat(orders.knobValue(env(orders, "staging"), minHealthy)).contains(50);
    }

    @Test
    void deviationsApplyWhereDeclared() {
      assertThat(shop.deviationsIn(env(shop, "local"))).extracting(Deviation::service).containsExactly("db", "cache");
      assertThat(shop.deviationsIn(env(shop, "production"))).isEmpty();
    }

    @Test
    void lookupsOfUndeclaredNamesAreEmpty() {
      assertThat(shop.service("queue")).isEmpty();
      assertThat(shop.environment("qa")).isEmpty();
      assertThat(Stack.named("x").service(Redis.of("cache", "7.2.3")).environment(Environment.remote("staging")
          .instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0").endpoint("cache", "cache.internal"))
          .build().localEnvironment()).isEqualTo(Optional.empty());
    }
  }

  @Nested
  class Immutability {

    @Test
    void stackCollectionsAreUnmodifiable() {
      Stack shop = ExampleSpecs.nodePostgresRedis();
      assertThatThrownBy(() -> shop.services().add(Redis.of("other", "7.2.3")))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> shop.config().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> shop.knobs().add(Knob.bool("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> shop.environments().remove(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> shop.deviations().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> shop.apps().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> shop.config(shop.environments().get(0)).clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void environmentCollectionsAreUnmodifiable() {
      Environment staging = ShopFixture.remote("staging", 2).set("LOG_LEVEL", "warn").knob("min_healthy_percent", 50);
      assertThatThrownBy(() -> staging.endpoints().put("web", "web.internal"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> staging.values().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> staging.secrets().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> staging.knobs().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
      Environment empty = Environment.remote("qa");
      assertThatThrownBy(() -> empty.endpoints().put("web", "web.internal"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void environmentWithersReturnCopies() {
      Environment base = Environment.remote("staging").instances(2).endpoint("db", "db.internal");
      Environment changed = base.instances(3).endpoint("cache", "cache.internal").set("LOG_LEVEL", "warn")
          .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db")).knob("x", 1).hostname("s.example.com");
      assertThat(base.instances()).contains(2);
      assertThat(base.endpoints()).containsOnlyKeys("db");
      assertThat(base.values()).isEmpty();
      assertThat(base.secrets()).isEmpty();
      assertThat(base.knobs()).isEmpty();
      assertThat(base.hostname()).isEmpty();
      assertThat(changed.instances()).contains(3);
      assertThat(changed.endpoints()).containsExactly(entry("db", "db.internal"), entry("cache", "cache.internal"));
    }

    @Test
    void serviceWithersReturnCopies() {
      App web = App.node("web", "node:20.11.0-alpine3.19");
      web.port(8080).user("app").dependsOn("db").source("web");
      assertThat(web.containerPort()).isEqualTo(3000);
      assertThat(web.user()).contains("node");
      assertThat(web.dependsOn()).isEmpty();
      assertThat(web.source()).isEqualTo(".");

      Postgres db = Postgres.of("db", "14.9");
      db.image("postgres:14.9-alpine").database("shop").password("DB_PASSWORD").hostPort(15432);
      assertThat(db.imageReference()).isEqualTo("postgres:14.9");
      assertThat(db.database()).isEqualTo("db");
      assertThat(db.passwordKey()).isEmpty();
      assertThat(db.hostPort()).contains(5432);

      MySql maria = MySql.mariadb("db", "10.11.6");
      maria.image("mariadb:10.11.6-jammy").user("app");
      assertThat(maria.imageReference()).isEqualTo("mariadb:10.11.6");
      assertThat(maria.user()).isEqualTo("db");

      Redis cache = Redis.of("cache", "7.2.3");
      cache.image("redis:7.2.3-alpine").hostPort(16379);
      assertThat(cache.imageReference()).isEqualTo("redis:7.2.3");
      assertThat(cache.hostPort()).contains(6379);

      Container mail = Container.of("mail", "axllent/mailpit:v1.14.0");
      Container withEnv = mail.options(o -> o.env("MP_MAX_MESSAGES", "500")).port(8025);
      assertThat(mail.options().env()).isEmpty();
      assertThat(mail.containerPort()).isEqualTo(80);
      assertThatThrownBy(() -> withEnv.options().env().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void schemaWithersReturnCopies() {
      ConfigKey key = ConfigKey.string("LOG_LEVEL");
      key.defaultValue("info").perEnvironment().optional().describedAs("verbosity");
      assertThat(key.value()).isEmpty();
      assertThat(key.isPerEnvironment()).isFalse();
      assertThat(key.required()).isTrue();
      assertThat(key.description()).isEmpty();

      Knob knob = Knob.number("min_healthy_percent", "share");
      knob.defaultValue(50);
      assertThat(knob.defaultValue()).isEmpty();

      Deviation deviation = Deviation.of("db");
      deviation.in("local").differs("alpine").because("size");
      assertThat(deviation.environments()).isEmpty();
      assertThat(deviation.difference()).isEmpty();
      assertThat(deviation.reason()).isEmpty();
    }

    @Test
    void varargsArraysAreCopied() {
      String[] command = {"node", "server.js"};
      String[] dependencies = {"db"};
      App web = App.node("web", "node:20.11.0-alpine3.19").start(command).dependsOn(dependencies);
      command[1] = "evil.js";
      dependencies[0] = "cache";
      assertThat(web.command()).containsExactly("node", "server.js");
      assertThat(web.dependsOn()).containsExactly("db");

      String[] envs = {"local"};
      Deviation deviation = Deviation.of("db").in(envs);
      envs[0] = "production";
      assertThat(deviation.environments()).containsExactly("local");
    }

    @Test
    void laterBuilderChangesDoNotLeakIntoABuiltStack() {
      Stack.Builder builder = new ShopFixture().builder();
      Stack built = builder.build();
      builder.service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025))
          .service(App.node("worker", "node:20.11.0-alpine3.19").hostPort(3001).uses("MAIL_PORT"))
          .config(ConfigKey.integer("MAIL_PORT").value(portOf("mail")))
          .knob(Knob.bool("multi_az", "two zones").defaultValue(false))
          .environment(ShopFixture.remote("qa", 1).endpoint("mail", "mail.qa.internal"))
          .deviation(Deviation.of("mail").in("local").differs("x").because("y"));
      assertThat(built.services()).extracting(Service::name).containsExactly("web", "db", "cache");
      assertThat(built.config()).extracting(ConfigKey::name).doesNotContain("MAIL_PORT");
      assertThat(built.knobs()).extracting(Knob::name).containsExactly("min_healthy_percent");
      assertThat(built.environments()).extracting(Environment::name).containsExactly("local", "staging", "production");
      assertThat(built.deviations()).hasSize(2);
      assertThat(builder.build().services()).extracting(Service::name).containsExactly("web", "db", "cache", "mail", "worker");
    }
  }
}
