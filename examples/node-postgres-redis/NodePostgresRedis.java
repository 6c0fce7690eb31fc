import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Resources;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;

import static dev.parity.core.ConfigValue.databaseOf;
import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.urlOf;
import static dev.parity.core.ConfigValue.userOf;

/** A Node.js app with PostgreSQL and Redis, local on Docker Compose, staging and production on Kubernetes. */
public final class NodePostgresRedis implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19")
            .source("app")
            .port(3000)
            .start("node", "server.js")
            .healthPath("/health")
            .imageRepository("ghcr.io/acme/shop-web")
            .dependsOn("db", "cache")
            .uses("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "REDIS_URL", "PORT", "LOG_LEVEL"))
        .service(Postgres.of("db", "14.9")
            .variant("alpine")
            .database("shop")
            .user("shop")
            .password("DB_PASSWORD")
            .migrations("db/migrations"))
        .service(Redis.of("cache", "7.2.3").variant("alpine"))

        .config(ConfigKey.string("DB_HOST").value(hostOf("db")).describedAs("PostgreSQL host"))
        .config(ConfigKey.integer("DB_PORT").defaultValue("5432").describedAs("PostgreSQL port"))
        .config(ConfigKey.string("DB_NAME").value(databaseOf("db")).describedAs("PostgreSQL database"))
        .config(ConfigKey.string("DB_USER").value(userOf("db")).describedAs("PostgreSQL user"))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("PostgreSQL password"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")).describedAs("Redis connection URL"))
        .config(ConfigKey.integer("PORT").defaultValue("3000").describedAs("HTTP port the app listens on"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment().describedAs("Log verbosity"))

        .environment(Environment.local()
            .set("LOG_LEVEL", "debug"))
        .environment(Environment.remote("staging")
            .kubernetes(Kubernetes.namespace("shop-staging")
                .context("staging-eu-west-1")
                .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi")))
            .instances(2)
            .databaseClass("db.t3.medium")
            .hostname("staging.shop.example.com")
            .endpoint("db", "shop-staging.cluster-c9akciq32.eu-west-1.rds.amazonaws.com")
            .endpoint("cache", "shop-staging.x1y2z3.0001.euw1.cache.amazonaws.com")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")))
        .environment(Environment.remote("production")
            .kubernetes(Kubernetes.namespace("shop-production")
                .context("production-eu-west-1")
                .resources(Resources.requests("500m", "512Mi").limits("2", "1Gi"))
                .autoscale(4, 12))
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
            .because("staging and production run ElastiCache for Redis 7.2.3, the same engine version"))
        .build();
  }
}
