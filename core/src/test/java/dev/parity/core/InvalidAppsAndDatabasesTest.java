package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rules of apps built from their own Dockerfile or with Maven, local replicas, database
 * passwords and references to a database's name or user: one mistake, one exact problem.
 */
class InvalidAppsAndDatabasesTest {

  private static final String JDK = "eclipse-temurin:17.0.13_11-jdk-jammy";
  private static final String JRE = "eclipse-temurin:17.0.13_11-jre-jammy";

  private static ShopFixture withApp(App app) {
    return new ShopFixture().service(app.hostPort(8081));
  }

  /** The shop with only a local environment, so that its databases may run without a password. */
  private static ShopFixture localOnly() {
    ShopFixture shop = new ShopFixture();
    shop.environments.removeIf(e -> !e.isLocal());
    return shop;
  }

  // ---- options an app declares through its own methods ----

  @Test
  void appCommandGoesInStart() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().options(o -> o.command("node", "server.js"))),
        "service 'web': sets options.command(…), but an app's command is its start command;"
            + " fix: move the arguments to .start(…) on the app");
  }

  @Test
  void appUserGoesInUser() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().options(o -> o.user("node"))),
        "service 'web': sets options.user(\"node\"), but an app's user is its Dockerfile's USER; fix: use .user(\"node\") on the app");
  }

  @Test
  void healthPathAndHealthcheckTogether() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().options(o -> o.healthcheck(Healthcheck.shell("true")))),
        "service 'web': declares both .healthPath(\"/health\") and options.healthcheck(…), two health checks for one container;"
            + " fix: keep one: remove .healthPath(…) or the healthcheck option");
  }

  // ---- own Dockerfile ----

  @Test
  void buildArgNameNotValid() {
    assertOnlyProblem(withApp(App.dockerfile("admin").source("admin").buildArg("node-env", "production")),
        "service 'admin': build argument name 'node-env' is not valid;"
            + " fix: use letters, digits and underscores, not starting with a digit");
  }

  @Test
  void secretLookingBuildArgIsRefusedWithoutShowingIt() {
    assertOnlyProblem(withApp(App.dockerfile("admin").source("admin").buildArg("NPM_TOKEN", "npm_4242")),
        "service 'admin': build argument 'NPM_TOKEN' looks like a secret (value not shown), and build arguments stay"
            + " readable in the image's history; fix: remove .buildArg(\"NPM_TOKEN\", …) and give the app the secret at"
            + " run time: .config(ConfigKey.secret(\"NPM_TOKEN\")) and .uses(\"NPM_TOKEN\")", "npm_4242");
  }

  /** Regression: App.dockerfile(…).mavenBuild(…) passed validation, then generation failed on the missing base image. */
  @Test
  void mavenBuildOnAnAppThatIsNotAJvmApp() {
    assertOnlyProblem(withApp(App.dockerfile("admin").source("admin").mavenBuild(JDK)),
        "service 'admin': declares a Maven build, which only a JVM app declared with App.jvm(…) can have; fix: declare it as"
            + " App.jvm(\"admin\", \"eclipse-temurin:17.0.9_9-jre\").mavenBuild(…), or remove .mavenBuild(…)");
  }

  /** Regression: a target on a generated Dockerfile passed validation, then compose and parity up built a stage that does not exist. */
  @Test
  void targetOnADockerfileParityGenerates() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().target("prod")),
        "service 'web': chooses a build stage of the Dockerfile Parity generates, which picks its stages itself; fix:"
            + " remove .target(…)/.localTarget(…); a Node.js app runs its development stage locally with .developmentCommand(…)");
  }

  @Test
  void targetStageNameNotValid() {
    assertOnlyProblem(withApp(App.dockerfile("admin").source("admin").target("Production")),
        "service 'admin': build stage 'Production' is not a valid stage name (lower-case letters, digits, '-', '_', '.',"
            + " starting with a letter); fix: .target(\"production\"), naming a stage of the Dockerfile's FROM … AS <stage>");
  }

  @Test
  void localTargetStageNameNotValid() {
    assertOnlyProblem(withApp(App.dockerfile("admin").source("admin").target("production").localTarget("dev stage")),
        "service 'admin': build stage 'dev stage' is not a valid stage name (lower-case letters, digits, '-', '_', '.',"
            + " starting with a letter); fix: .localTarget(\"production\"), naming a stage of the Dockerfile's FROM … AS <stage>");
  }

  @Test
  void dockerfileOutsideTheSourceFolder() {
    assertOnlyProblem(withApp(App.dockerfile("admin").source("admin").dockerfilePath("../Dockerfile")),
        "service 'admin': Dockerfile '../Dockerfile' must be a relative path inside the spec's folder;"
            + " fix: .dockerfilePath(\"Dockerfile\")");
  }

  // ---- JVM builds ----

  @Test
  void mavenBuildImageNotPinned() {
    assertOnlyProblem(withApp(App.jvm("api", JRE).source("api").mavenBuild("eclipse-temurin:17-jdk")),
        "service 'api': image 'eclipse-temurin:17-jdk' has the floating tag '17-jdk', which moves to newer releases;"
            + " fix: pin an exact release, e.g. 'eclipse-temurin:17.<minor>.<patch>-jdk', or a digest 'eclipse-temurin@sha256:…'");
  }

  @Test
  void mavenBuildAndJarTogether() {
    assertOnlyProblem(withApp(App.jvm("api", JRE).source("api").jar("target/api.jar").mavenBuild(JDK)),
        "service 'api': declares the jar 'target/api.jar' and a Maven build, which produces the jar itself;"
            + " fix: remove .jar(…), or .mavenBuild(…) to run a prebuilt jar");
  }

  @Test
  void developmentCommandOnAJvmApp() {
    assertOnlyProblem(withApp(App.jvm("api", JRE).source("api").mavenBuild(JDK).developmentCommand("./mvnw", "spring-boot:run")),
        "service 'api': declares a development command, which only a Node.js app has (this is a JVM app (Maven));"
            + " fix: remove .developmentCommand(…); for your own Dockerfile use .localTarget(\"<stage>\")");
  }

  @Test
  void blankDevelopmentCommand() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().developmentCommand("npm", "")),
        "service 'web': has an empty development command or argument; fix: .developmentCommand(\"npm\", \"run\", \"dev\")");
  }

  // ---- local replicas ----

  @Test
  void noLocalReplicas() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().localReplicas(0)),
        "service 'web': runs 0 local replicas; fix: .localReplicas(1) or more");
  }

  @Test
  void replicasCannotShareOneHostPort() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().localReplicas(2).hostPort(3000)),
        "service 'web': runs 2 local replicas but publishes host port 3000, which only one container can hold;"
            + " fix: remove .hostPort(…) and publish the proxy in front of the replicas");
  }

  @Test
  void replicasCannotShareAFurtherHostPort() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().localReplicas(2).options(o -> o.port(Port.published(9229, 9229)))),
        "service 'web': runs 2 local replicas but publishes host port 9229, which only one container can hold;"
            + " fix: use Port.internal(9229) and publish the proxy in front of the replicas");
  }

  // ---- database variants and passwords ----

  @Test
  void variantDerivesAnImageWhoseTagStartsWithTheVersion() {
    Stack stack = new ShopFixture().service(ShopFixture.db().variant("alpine")).build();
    assertThat(((Postgres) stack.service("db").orElseThrow()).imageReference()).isEqualTo("postgres:14.9-alpine");
  }

  @Test
  void variantThatMakesAnInvalidTag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.cache().variant("Alpine 3.19")),
        "service 'cache': image 'redis:7.2.3-Alpine 3.19' is not a valid image reference;"
            + " fix: write it as [registry/]name:tag in lower case, e.g. 'node:20.11.0-alpine3.19'");
  }

  @Test
  void mysqlRootPasswordFromAnUndeclaredKey() {
    assertOnlyProblem(new ShopFixture().service(MySql.mariadb("orders", "10.11.6").hostPort(3306).password("DB_PASSWORD")
            .rootPassword("ORDERS_ROOT_PASSWORD")),
        "service 'orders': takes its root password from 'ORDERS_ROOT_PASSWORD', which is not a config key;"
            + " fix: declare .config(ConfigKey.secret(\"ORDERS_ROOT_PASSWORD\"))");
  }

  @Test
  void mysqlRootPasswordFromAKeyThatIsNotSecret() {
    assertOnlyProblem(new ShopFixture().service(MySql.mariadb("orders", "10.11.6").hostPort(3306).password("DB_PASSWORD")
            .rootPassword("DB_NAME")),
        "service 'orders': takes its root password from 'DB_NAME', which is not secret;"
            + " fix: declare it with ConfigKey.secret(\"DB_NAME\")");
  }

  @Test
  void databaseWithoutPasswordInAStackWithRemoteEnvironments() {
    assertOnlyProblem(new ShopFixture().service(MySql.mariadb("orders-db", "10.11.6").hostPort(3306)),
        "service 'orders-db': has no password, but runs in remote environments 'staging', 'production';"
            + " fix: .password(\"ORDERS_DB_PASSWORD\") with .config(ConfigKey.secret(\"ORDERS_DB_PASSWORD\"))");
  }

  @Test
  void trustedDatabaseInAStackWithRemoteEnvironments() {
    assertOnlyProblem(new ShopFixture().service(Postgres.of("db", "14.9").image("postgres:14.9-alpine").database("shop")
            .user("shop").migrations("db/migrations").trustLocalConnections()),
        "service 'db': has no password, but runs in remote environments 'staging', 'production';"
            + " fix: .password(\"DB_PASSWORD\") with .config(ConfigKey.secret(\"DB_PASSWORD\")),"
            + " and remove .trustLocalConnections() (it is for local-only stacks)");
  }

  @Test
  void localOnlyPostgresWithoutPasswordNamesTheOptIn() {
    assertOnlyProblem(localOnly().service(Postgres.of("db", "14.9").image("postgres:14.9-alpine").database("shop").user("shop")),
        "service 'db': has no password; fix: .password(\"DB_PASSWORD\") with .config(ConfigKey.secret(\"DB_PASSWORD\")),"
            + " or let this local-only database accept connections without one: .trustLocalConnections()");
  }

  @Test
  void localOnlyMariadbWithoutPasswordNamesTheOptIn() {
    assertOnlyProblem(localOnly().service(MySql.mariadb("orders", "10.11.6").hostPort(3306)),
        "service 'orders': has no password; fix: .password(\"ORDERS_PASSWORD\") with .config(ConfigKey.secret(\"ORDERS_PASSWORD\")),"
            + " or let this local-only database accept connections without one: .allowEmptyPassword()");
  }

  @Test
  void trustAndPasswordTogether() {
    assertOnlyProblem(localOnly().service(ShopFixture.db().trustLocalConnections()),
        "service 'db': declares a password and .trustLocalConnections(), which contradict each other;"
            + " fix: remove .trustLocalConnections(): with a password, connections need it");
  }

  @Test
  void emptyPasswordAndRootPasswordTogether() {
    assertOnlyProblem(localOnly().service(MySql.mariadb("orders", "10.11.6").hostPort(3306).rootPassword("DB_PASSWORD")
            .allowEmptyPassword()),
        "service 'orders': declares a password and .allowEmptyPassword(), which contradict each other;"
            + " fix: remove .allowEmptyPassword(): with a password, connections need it");
  }

  // ---- references to a database's name and user ----

  @Test
  void databaseOfRedis() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.string("DB_NAME").value(ConfigValue.databaseOf("cache"))),
        "config key 'DB_NAME': refers to databaseOf(\"cache\"), but service 'cache' (Redis) is not a PostgreSQL or"
            + " MySQL/MariaDB database; fix: refer to one of: db");
  }

  @Test
  void databaseOfNeedsNoEndpoint() {
    ShopFixture shop = new ShopFixture().key(ConfigKey.string("DB_NAME").value(ConfigValue.databaseOf("db")));
    shop.environments.replaceAll(e -> e.isLocal() ? e : ShopFixture.remoteWithout(e.name(), 2, "db-endpoint"));
    shop.config.removeIf(k -> k.name().equals("DB_HOST"));
    Stack stack = shop.build();
    assertThat(stack.config(stack.environment("staging").orElseThrow()))
        .anySatisfy(entry -> assertThat(entry.name() + "=" + entry.value()).isEqualTo("DB_NAME=shop"));
  }

  @Test
  void userOfAnApp() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.string("DB_USER").value(ConfigValue.userOf("web"))),
        "config key 'DB_USER': refers to userOf(\"web\"), but service 'web' (Node.js app) is not a PostgreSQL or"
            + " MySQL/MariaDB database; fix: refer to one of: db");
  }

  // ---- JDBC URLs ----

  @Test
  void jdbcUrlOfRedisIsRefusedNamingTheDatabases() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.url("CACHE_JDBC").value(ConfigValue.jdbcUrlOf("cache"))),
        "config key 'CACHE_JDBC': refers to jdbcUrlOf(\"cache\"), but service 'cache' (Redis) is not a PostgreSQL or"
            + " MySQL/MariaDB database; fix: refer to one of: db");
  }

  @Test
  void jdbcUrlOfAnUndeclaredService() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.url("SPRING_DATASOURCE_URL").value(ConfigValue.jdbcUrlOf("database"))),
        "config key 'SPRING_DATASOURCE_URL': refers to jdbcUrlOf(\"database\"), but no service 'database' is declared;"
            + " fix: refer to one of: web, db, cache");
  }

  @Test
  void jdbcUrlOfNeedsTheEndpointInRemoteEnvironments() {
    ShopFixture shop = new ShopFixture().key(ConfigKey.url("SPRING_DATASOURCE_URL").value(ConfigValue.jdbcUrlOf("db")));
    shop.environments.replaceAll(e -> e.name().equals("staging") ? ShopFixture.remoteWithout("staging", 2, "db-endpoint") : e);
    shop.config.removeIf(k -> k.name().equals("DB_HOST"));
    assertOnlyProblem(shop, "environment 'staging', key 'SPRING_DATASOURCE_URL': refers to jdbcUrlOf(\"db\"), but 'staging'"
        + " declares no endpoint for 'db'; fix: add .endpoint(\"db\", \"<host>\") to Environment.remote(\"staging\")");
  }

  @Test
  void jdbcUrlOfInAnIntegerKeyIsRefused() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.integer("DB_JDBC").value(ConfigValue.jdbcUrlOf("db"))),
        "config key 'DB_JDBC': jdbcUrlOf(\"db\") gives a url, but the key is an int; fix: declare the key as ConfigKey.url(\"DB_JDBC\")");
  }
}
