package dev.parity.core;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.portOf;
import static dev.parity.core.ConfigValue.urlOf;

/**
 * The two example specs (examples/node-postgres-redis and examples/java-service), declared again
 * here so that core's tests check that what the examples show stays valid.
 */
final class ExampleSpecs {

  private ExampleSpecs() {
  }

  static Stack.Builder nodePostgresRedis() {
    return Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19")
            .source("app")
            .port(3000)
            .start("node", "server.js")
            .healthPath("/health")
            .imageRepository("ghcr.io/acme/shop-web")
            .dependsOn("db", "cache"))
        .service(Postgres.of("db", "14.9")
            .image("postgres:14.9-alpine")
            .database("shop")
            .user("shop")
            .password("DB_PASSWORD")
            .migrations("db/migrations"))
        .service(Redis.of("cache", "7.2.3").image("redis:7.2.3-alpine"))

        .config(ConfigKey.string("DB_HOST").value(hostOf("db")).describedAs("PostgreSQL host"))
        .config(ConfigKey.integer("DB_PORT").defaultValue("5432").describedAs("PostgreSQL port"))
        .config(ConfigKey.string("DB_NAME").defaultValue("shop").describedAs("PostgreSQL database"))
        .config(ConfigKey.string("DB_USER").defaultValue("shop").describedAs("PostgreSQL user"))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("PostgreSQL password"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")).describedAs("Redis connection URL"))
        .config(ConfigKey.integer("PORT").defaultValue("3000").describedAs("HTTP port the app listens on"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment().describedAs("Log verbosity"))

        .environment(Environment.local()
            .set("LOG_LEVEL", "debug"))
        .environment(Environment.remote("staging")
            .instances(2)
            .instanceType("t3.medium")
            .ami("ami-0c55b159cbfafe1f0")
            .databaseClass("db.t3.medium")
            .hostname("staging.shop.example.com")
            .endpoint("db", "shop-staging.cluster-c9akciq32.eu-west-1.rds.amazonaws.com")
            .endpoint("cache", "shop-staging.x1y2z3.0001.euw1.cache.amazonaws.com")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")))
        .environment(Environment.remote("production")
            .instances(4)
            .instanceType("t3.medium")
            .ami("ami-0c55b159cbfafe1f0")
            .databaseClass("db.t3.medium")
            .hostname("shop.example.com")
            .endpoint("db", "shop-production.cluster-c9akciq32.eu-west-1.rds.amazonaws.com")
            .endpoint("cache", "shop-production.x1y2z3.0001.euw1.cache.amazonaws.com")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/production/db-password")))

        .deviation(Deviation.of("db").in("local")
            .differs("runs the postgres:14.9-alpine container")
            .because("staging and production run Amazon RDS for PostgreSQL 14.9, the same engine version"))
        .deviation(Deviation.of("cache").in("local")
            .differs("runs the redis:7.2.3-alpine container")
            .because("staging and production run ElastiCache for Redis 7.2.3, the same engine version"));
  }

  static Stack.Builder javaService() {
    return Stack.named("orders")
        .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy")
            .jar("target/orders-api.jar")
            .port(8080)
            .healthPath("/actuator/health")
            .imageRepository("ghcr.io/acme/orders-api")
            .dependsOn("orders-db", "cache"))
        .service(Postgres.of("orders-db", "16.4")
            .database("orders")
            .user("orders")
            .password("ORDERS_DB_PASSWORD")
            .migrations("db/migrations"))
        .service(Redis.of("cache", "7.2.5"))

        .config(ConfigKey.string("ORDERS_DB_HOST").value(hostOf("orders-db")))
        .config(ConfigKey.integer("ORDERS_DB_PORT").value(portOf("orders-db")))
        .config(ConfigKey.secret("ORDERS_DB_PASSWORD").describedAs("Password of the orders database user"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .config(ConfigKey.integer("SERVER_PORT").defaultValue("8080"))
        .config(ConfigKey.string("JAVA_TOOL_OPTIONS").defaultValue("-XX:MaxRAMPercentage=75").perEnvironment())
        .config(ConfigKey.bool("FEATURE_FAST_CHECKOUT").defaultValue("false").perEnvironment())

        .knob(Knob.number("min_healthy_percent", "Share of api instances kept running during a deploy")
            .defaultValue(50))

        .environment(Environment.local())
        .environment(Environment.remote("staging")
            .instances(1)
            .instanceType("t3.small")
            .ami("ami-0a1b2c3d4e5f67890")
            .databaseClass("db.t3.small")
            .endpoint("orders-db", "orders-staging.c9akciq32.eu-central-1.rds.amazonaws.com")
            .endpoint("cache", "orders-staging.abc123.cache.amazonaws.com")
            .set("FEATURE_FAST_CHECKOUT", "true")
            .secret("ORDERS_DB_PASSWORD", SecretRef.awsSecretsManager(
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:orders/staging/db")))
        .environment(Environment.remote("production")
            .instances(3)
            .instanceType("m6i.large")
            .ami("ami-0a1b2c3d4e5f67890")
            .databaseClass("db.m6g.large")
            .endpoint("orders-db", "orders-production.c9akciq32.eu-central-1.rds.amazonaws.com")
            .endpoint("cache", "orders-production.abc123.cache.amazonaws.com")
            .set("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=80")
            .knob("min_healthy_percent", 100)
            .secret("ORDERS_DB_PASSWORD", SecretRef.awsSecretsManager(
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:orders/production/db")));
  }
}
