package dev.parity.generate;

import static dev.parity.core.ConfigValue.databaseOf;
import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.jdbcUrlOf;
import static dev.parity.core.ConfigValue.urlOf;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Healthcheck;
import dev.parity.core.Knob;
import dev.parity.core.Kubernetes;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.Network;
import dev.parity.core.Port;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Resources;
import dev.parity.core.Restart;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import java.time.Duration;

/** Small stacks for generator tests. */
public final class Fixtures {

  private Fixtures() {
  }

  /** The practice system: Node app, PostgreSQL 14.9, Redis 7.2.3, local, staging and production. */
  public static Stack.Builder shop() {
    return shop(remote("staging", 2), remote("production", 4));
  }

  /** The practice system with its two remote environments as given. */
  public static Stack.Builder shop(Environment staging, Environment production) {
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
        .environment(staging)
        .environment(production)
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

  /** A shop environment on Kubernetes only, in namespace {@code shop-<name>}. */
  public static Environment cluster(String name, int instances) {
    return Environment.remote(name).instances(instances).databaseClass("db.t3.medium").hostname(name + ".shop.example.com")
        .endpoint("db", "db." + name + ".internal").endpoint("cache", "cache." + name + ".internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/" + name + "/db-password"))
        .kubernetes(Kubernetes.namespace("shop-" + name).context(name + "-eu")
            .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi")));
  }

  /**
   * Three apps of every build kind on Kubernetes: web (Node.js, behind the Ingress) calls api (JVM,
   * reads a secret file) and the cache; worker (own Dockerfile, no health path) reads the database.
   * Staging runs two replicas; production autoscales, on instances too, with a Vault secret.
   */
  public static Stack.Builder platform() {
    return Stack.named("platform")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web").healthPath("/health")
            .imageRepository("registry.example.com/platform/web").dependsOn("api", "cache").uses("API_URL", "REDIS_URL", "LOG_LEVEL"))
        .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy").jar("target/api.jar").healthPath("/actuator/health")
            .dependsOn("db").uses("DB_HOST", "DB_PASSWORD", "SPRING_DATASOURCE_URL")
            .options(o -> o.env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75").secretFile("SIGNING_KEY", "SIGNING_KEY_FILE")))
        .service(App.dockerfile("worker").source("worker").port(9090).user("1001:1001").start("worker", "--queue", "default")
            .dependsOn("db").options(o -> o.secretEnv("WORKER_DB_PASSWORD", "DB_PASSWORD")))
        .service(Postgres.of("db", "16.4").password("DB_PASSWORD"))
        .service(Redis.of("cache", "7.2.5"))
        .config(ConfigKey.url("API_URL").defaultValue("http://api:8080"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment())
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
        .config(ConfigKey.url("SPRING_DATASOURCE_URL").value(jdbcUrlOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.secret("SIGNING_KEY").optional())
        .environment(Environment.local())
        .environment(Environment.remote("staging").instances(2).databaseClass("db.t3.small")
            .hostname("staging.platform.example.com").endpoint("db", "db.staging.internal")
            .endpoint("cache", "cache.staging.internal").set("LOG_LEVEL", "debug")
            .secret("DB_PASSWORD", SecretRef.awsSecretsManager("arn:aws:secretsmanager:eu-west-1:123456789012:secret:platform/staging/db"))
            .kubernetes(Kubernetes.namespace("platform-staging").ingressClass("nginx")
                .resources(Resources.requests("100m", "128Mi").limits("500m", "256Mi"))))
        .environment(Environment.remote("production").instances(3).instanceType("m6i.large").ami("ami-0c55b159cbfafe1f0")
            .databaseClass("db.m6g.large").hostname("platform.example.com").endpoint("db", "db.production.internal")
            .endpoint("cache", "cache.production.internal")
            .secret("DB_PASSWORD", SecretRef.vault("secret/data/platform/production#db_password"))
            .secret("SIGNING_KEY", SecretRef.vault("secret/data/platform/production#signing_key"))
            .onInstances()
            .kubernetes(Kubernetes.namespace("platform").context("prod-eu-west-1").ingressClass("nginx")
                .resources(Resources.requests("500m", "512Mi").limits("2", "1Gi")).autoscale(3, 10, 70)
                .ingressNamespace("ingress-system").secretStore(SecretRef.Store.VAULT, "vault-production")));
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

  /**
   * Every build kind with scoped config: a JVM app built from source with Maven, a Node.js app
   * with a development stage, two local replicas of an app from its own Dockerfile (target stage,
   * build args) behind an nginx proxy with a bind-mounted config, PostgreSQL with an extra volume,
   * two networks; each app uses its own keys and secrets.
   */
  public static Stack.Builder builds() {
    return Stack.named("builds")
        .network(Network.named("edge"))
        .network(Network.named("backend").internal())
        .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy").mavenBuild("eclipse-temurin:17.0.13_11-jdk-jammy")
            .source("api").port(8080).healthPath("/actuator/health").dependsOn("db")
            .imageRepository("ghcr.io/acme/builds-api")
            .uses("DB_HOST", "DB_NAME", "DB_PASSWORD", "LOG_LEVEL")
            .options(o -> o.networks("backend", "edge")))
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web").port(3000)
            .start("node", "server.js").developmentCommand("npm", "run", "dev").dependsOn("api")
            .imageRepository("ghcr.io/acme/builds-web")
            .uses("API_URL", "SESSION_SECRET", "LOG_LEVEL")
            .options(o -> o.networks("edge")))
        .service(App.dockerfile("admin").source("admin").dockerfilePath("docker/Dockerfile").port(8081)
            .target("runtime").buildArg("NODE_ENV", "production").buildArg("GREETING", "it's $HOME")
            .localReplicas(2).imageRepository("ghcr.io/acme/builds-admin")
            .uses("API_URL", "ADMIN_TOKEN")
            .options(o -> o.networks("edge")))
        .service(Container.of("proxy", "nginx:1.25.3-alpine").port(80).hostPort(8088).dependsOn("admin")
            .options(o -> o.port(Port.published(8443, 443))
                .mount(Mount.bind("proxy/nginx.conf", "/etc/nginx/nginx.conf").readOnly())
                .networks("edge")))
        .service(Postgres.of("db", "16.1").variant("alpine").database("builds").user("builds")
            .password("DB_PASSWORD").migrations("db/migrations")
            .options(o -> o.mount(Mount.volume("db-backups", "/backups")).networks("backend")))
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
        .config(ConfigKey.string("DB_NAME").value(databaseOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("PostgreSQL password"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment())
        .config(ConfigKey.url("API_URL").value(urlOf("api")))
        .config(ConfigKey.secret("SESSION_SECRET").describedAs("Signs the web sessions"))
        .config(ConfigKey.secret("ADMIN_TOKEN"))
        .environment(Environment.local().set("LOG_LEVEL", "debug"))
        .environment(Environment.remote("staging").instances(2).instanceType("t3.medium").ami("ami-0c55b159cbfafe1f0")
            .databaseClass("db.t3.medium").endpoint("db", "db.staging.internal").endpoint("api", "api.staging.internal")
            .set("LOG_LEVEL", "warn")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/builds/staging/db-password"))
            .secret("SESSION_SECRET", SecretRef.awsSecretsManager(
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:builds/staging/session"))
            .secret("ADMIN_TOKEN", SecretRef.vault("secret/builds/staging/admin-token")))
        .deviation(Deviation.of("db").in("local").differs("runs the postgres:16.1-alpine container")
            .because("staging runs RDS for PostgreSQL 16.1"));
  }

  /**
   * Every option the local stack renders, as the stacks teams run use them: a git server with
   * several ports, a volume, a read-only config file, secret variable and file, command,
   * entrypoint, restart policy, host name, user, init, healthcheck and two networks; PostgreSQL
   * with server flags, an init folder and its password as a file; MariaDB with a root password;
   * Redis with flags; an app from its own Dockerfile (path, target, local target, build args); a
   * Node.js app in development mode; two replicas of an app behind an nginx proxy.
   */
  public static Stack.Builder realStack() {
    return Stack.named("real")
        .network(Network.named("front"))
        .network(Network.named("back").internal())
        .service(Container.of("git", "gitea/gitea:1.21.4").port(3000).hostPort(3000).dependsOn("pg")
            .options(o -> o.port(Port.published(2222, 22)).port(Port.internal(9090))
                .port(Port.published(5353, 53).udp())
                .mount(Mount.volume("git-data", "/data"))
                .mount(Mount.bind("git/app.ini", "/etc/gitea/app.ini").readOnly())
                .env("GITEA__database__DB_TYPE", "postgres")
                .env("GITEA__server__ROOT_URL", "http://localhost:3000/$HOME")
                .secretEnv("GITEA__database__PASSWD", "DB_PASSWORD")
                .secretFile("API_TOKEN", "GITEA__security__INTERNAL_TOKEN__FILE")
                .entrypoint("/usr/bin/entrypoint", "--")
                .command("/bin/s6-svscan", "/etc/s6")
                .restart(Restart.UNLESS_STOPPED).hostname("git.local").user("1000:1000").init(true)
                .healthcheck(Healthcheck.shell("curl -fsS http://127.0.0.1:3000/api/healthz || exit 1")
                    .interval(Duration.ofSeconds(30)).timeout(Duration.ofMillis(1500)).retries(3)
                    .startPeriod(Duration.ofSeconds(20)))
                .networks("front", "back")))
        .service(Postgres.of("pg", "16.4").variant("alpine").database("git").user("git").password("DB_PASSWORD")
            .options(o -> o.command("-c", "max_connections=200", "-c", "shared_buffers=256MB")
                .secretFile("DB_PASSWORD")
                .mount(Mount.bind("db/init", "/docker-entrypoint-initdb.d").readOnly())
                .networks("back")))
        .service(MySql.mariadb("maria", "10.11.6").database("shop").user("shop").password("MARIA_PASSWORD")
            .rootPassword("MARIA_ROOT_PASSWORD")
            .options(o -> o.command("--transaction-isolation=READ-COMMITTED", "--binlog-format=ROW")
                .restart(Restart.ALWAYS).networks("back")))
        .service(Redis.of("cache", "7.2.3").options(o -> o.command("--appendonly", "yes").networks("back")))
        .service(App.dockerfile("api").source("api").dockerfilePath("docker/Dockerfile").target("production")
            .localTarget("dev").buildArg("APP_VERSION", "1.2.3").buildArg("GREETING", "it's $HOME")
            .port(8080).healthPath("/health").dependsOn("pg", "maria", "cache")
            .uses("DB_PASSWORD", "MARIA_PASSWORD", "LOG_LEVEL")
            .options(o -> o.networks("front", "back")))
        .service(App.node("frontend", "node:20.11.0-alpine3.19").source("frontend").port(5173)
            .developmentCommand("npm", "run", "dev").uses("API_URL")
            .options(o -> o.networks("front")))
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web").localReplicas(2).healthPath("/health")
            .dependsOn("cache").uses("REDIS_URL", "LOG_LEVEL")
            .options(o -> o.restart(Restart.ON_FAILURE).networks("front", "back")))
        .service(Container.of("proxy", "nginx:1.25.3-alpine").port(80).hostPort(8000).dependsOn("web")
            .options(o -> o.mount(Mount.bind("proxy/nginx.conf", "/etc/nginx/nginx.conf").readOnly())
                .restart(Restart.UNLESS_STOPPED).networks("front")))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("PostgreSQL password"))
        .config(ConfigKey.secret("MARIA_PASSWORD").describedAs("MariaDB password of the app"))
        .config(ConfigKey.secret("MARIA_ROOT_PASSWORD").describedAs("MariaDB root password"))
        .config(ConfigKey.secret("API_TOKEN").describedAs("Internal token of the git server"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .config(ConfigKey.url("API_URL").defaultValue("http://localhost:8080"))
        .environment(Environment.local())
        .deviation(Deviation.of("pg").in("local").differs("runs postgres:16.4-alpine")
            .because("the smaller image; the server is the same"));
  }

  /** A context that renders with Parity's own templates, the spec one folder above the tree. */
  public static GenerationContext context(Stack stack) {
    return new GenerationContext(stack, "ShopSpec.java", "..", "deploy", Templates.builtIn());
  }
}
