package dev.parity.generate;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.urlOf;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Knob;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;

/** Small stacks for generator tests. */
public final class Fixtures {

  private Fixtures() {
  }

  /** The practice system: Node app, PostgreSQL 14.9, Redis 7.2.3, local, staging and production. */
  public static Stack.Builder shop() {
    return Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("app").port(3000)
            .start("node", "server.js").healthPath("/health").imageRepository("ghcr.io/acme/shop-web")
            .dependsOn("db", "cache")
            .uses("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "REDIS_URL", "PORT", "LOG_LEVEL"))
        .service(Postgres.of("db", "14.9").image("postgres:14.9-alpine").database("shop").user("shop")
            .password("DB_PASSWORD").migrations("db/migrations"))
        .service(Redis.of("cache", "7.2.3").image("redis:7.2.3-alpine"))
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")).describedAs("PostgreSQL host"))
        .config(ConfigKey.integer("DB_PORT").defaultValue("5432"))
        .config(ConfigKey.string("DB_NAME").defaultValue("shop"))
        .config(ConfigKey.string("DB_USER").defaultValue("shop"))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("PostgreSQL password"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .config(ConfigKey.integer("PORT").defaultValue("3000"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment())
        .environment(Environment.local().set("LOG_LEVEL", "debug"))
        .environment(remote("staging", 2))
        .environment(remote("production", 4))
        .deviation(Deviation.of("db").in("local").differs("runs the postgres:14.9-alpine container")
            .because("remote environments run RDS for PostgreSQL 14.9"))
        .deviation(Deviation.of("cache").in("local").differs("runs the redis:7.2.3-alpine container")
            .because("remote environments run ElastiCache for Redis 7.2.3"));
  }

  /** A remote environment with every built-in knob the shop needs. */
  public static Environment remote(String name, int instances) {
    return Environment.remote(name).instances(instances).instanceType("t3.medium")
        .ami("ami-0c55b159cbfafe1f0").databaseClass("db.t3.medium").hostname(name + ".shop.example.com")
        .endpoint("db", "db." + name + ".internal").endpoint("cache", "cache." + name + ".internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/" + name + "/db-password"));
  }

  /** A JVM app with MariaDB and a declared knob. */
  public static Stack.Builder orders() {
    return Stack.named("orders")
        .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy").jar("target/api.jar").port(8080)
            .dependsOn("orders-db").uses("DB_HOST", "DB_PASSWORD"))
        .service(MySql.mariadb("orders-db", "10.11.6").database("orders").user("orders")
            .password("DB_PASSWORD").migrations("db/migrations"))
        .config(ConfigKey.string("DB_HOST").value(hostOf("orders-db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .knob(Knob.number("min_healthy_percent", "Share of instances kept during a deploy").defaultValue(50))
        .environment(Environment.local())
        .environment(Environment.remote("production").instances(3).instanceType("m6i.large")
            .ami("ami-0a1b2c3d4e5f67890").databaseClass("db.m6g.large").endpoint("orders-db", "orders.internal")
            .knob("min_healthy_percent", 100)
            .secret("DB_PASSWORD", SecretRef.awsSecretsManager(
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:orders/db")));
  }

  /** A context that renders with Parity's own templates, the spec one folder above the tree. */
  public static GenerationContext context(Stack stack) {
    return new GenerationContext(stack, "ShopSpec.java", "..", "deploy", Templates.builtIn());
  }
}
