import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Knob;
import dev.parity.core.Kubernetes;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Resources;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.portOf;
import static dev.parity.core.ConfigValue.urlOf;

/** A JVM service on an exact JRE base image, with PostgreSQL and Redis: staging on Kubernetes, production on instances. */
public final class JavaService implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("orders")
        .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy")
            .jar("target/orders-api.jar")
            .port(8080)
            .healthPath("/actuator/health")
            .imageRepository("ghcr.io/acme/orders-api")
            .dependsOn("orders-db", "cache")
            .uses("ORDERS_DB_HOST", "ORDERS_DB_PORT", "ORDERS_DB_PASSWORD", "REDIS_URL", "SERVER_PORT",
                "JAVA_TOOL_OPTIONS", "FEATURE_FAST_CHECKOUT"))
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
            .kubernetes(Kubernetes.namespace("orders-staging")
                .resources(Resources.requests("500m", "768Mi").limits("1", "768Mi")))
            .instances(1)
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
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:orders/production/db")))
        .build();
  }
}
