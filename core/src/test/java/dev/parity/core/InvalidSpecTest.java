package dev.parity.core;

import static dev.parity.core.ConfigValue.hostOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Each test starts from the valid {@link ShopFixture} and makes exactly one mistake; the spec must
 * then fail with exactly one problem, whose whole text is asserted.
 */
class InvalidSpecTest {

  private static String pinNode(String tag) {
    return "pin an exact release, e.g. 'node:" + tag + "', or a digest 'node@sha256:…'";
  }

  private static InvalidSpecException failure(ShopFixture shop) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, shop::build);
    assertThat(e).as("the spec should be invalid").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SPEC);
    assertThat(e.code().exitCode()).isEqualTo(2);
    return e;
  }

  private static InvalidSpecException assertOnlyProblem(ShopFixture shop, String expected) {
    InvalidSpecException e = failure(shop);
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(expected);
    assertThat(e.getMessage()).isEqualTo("Invalid spec 'shop' (1 problem); nothing was written:\n  - " + expected);
    return e;
  }

  @Test
  void baselineIsValid() {
    Stack stack = new ShopFixture().build();
    assertThat(stack.services()).extracting(Service::name).containsExactly("web", "db", "cache");
  }

  // ---- images ----

  @Test
  void floatingNodeMajorTag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web("node:20")),
        "service 'web': image 'node:20' has the floating tag '20', which moves to newer releases; fix: "
            + pinNode("20.<minor>.<patch>"));
  }

  @Test
  void floatingNodeMinorTag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web("node:20.11-alpine")),
        "service 'web': image 'node:20.11-alpine' has the floating tag '20.11-alpine', which moves to newer releases; fix: "
            + pinNode("20.11.<patch>-alpine"));
  }

  @Test
  void floatingPostgresMajorTag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().image("postgres:14")),
        "service 'db': image 'postgres:14' has the floating tag '14', which moves to newer releases;"
            + " fix: pin an exact release, e.g. 'postgres:14.9', or a digest 'postgres@sha256:…'");
  }

  @Test
  void floatingRedisMinorTag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.cache().image("redis:7.2")),
        "service 'cache': image 'redis:7.2' has the floating tag '7.2', which moves to newer releases;"
            + " fix: pin an exact release, e.g. 'redis:7.2.3', or a digest 'redis@sha256:…'");
  }

  @Test
  void floatingTagOnRegistryImageKeepsTheRegistryInTheFix() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web("ghcr.io/acme/node:20")),
        "service 'web': image 'ghcr.io/acme/node:20' has the floating tag '20', which moves to newer releases;"
            + " fix: pin an exact release, e.g. 'ghcr.io/acme/node:20.<minor>.<patch>', or a digest 'ghcr.io/acme/node@sha256:…'");
  }

  @Test
  void imageWithoutTag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web("node")),
        "service 'web': image 'node' has no tag, which means 'latest'; fix: " + pinNode("<major>.<minor>.<patch>"));
  }

  @Test
  void latestTag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web("node:latest")),
        "service 'web': image 'node:latest' uses the floating tag 'latest'; fix: "
            + pinNode("<major>.<minor>.<patch>"));
  }

  @Test
  void malformedImageReference() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web("Node:20.11.0")),
        "service 'web': image 'Node:20.11.0' is not a valid image reference;"
            + " fix: write it as [registry/]name:tag in lower case, e.g. 'node:20.11.0-alpine3.19'");
  }

  @Test
  void floatingContainerImage() {
    assertOnlyProblem(new ShopFixture().service(Container.of("mail", "axllent/mailpit:v1").port(8025)),
        "service 'mail': image 'axllent/mailpit:v1' has the floating tag 'v1', which moves to newer releases;"
            + " fix: pin an exact release, e.g. 'axllent/mailpit:v1.<minor>.<patch>', or a digest 'axllent/mailpit@sha256:…'");
  }

  // ---- database versions ----

  @Test
  void databaseVersionNotExact() {
    assertOnlyProblem(new ShopFixture().service(Postgres.of("db", "14").image("postgres:14.9-alpine")
            .database("shop").user("shop").password("DB_PASSWORD")),
        "service 'db': version '14' is not an exact PostgreSQL release;"
            + " fix: declare the full version, e.g. Postgres.of(\"db\", \"14.9\")");
  }

  @Test
  void databaseVersionNotExactIsReportedOnceWithTheDefaultImage() {
    assertOnlyProblem(new ShopFixture().service(Redis.of("cache", "7.2")),
        "service 'cache': version '7.2' is not an exact Redis release;"
            + " fix: declare the full version, e.g. Redis.of(\"cache\", \"7.2.3\")");
  }

  @Test
  void mysqlVersionNotExact() {
    assertOnlyProblem(new ShopFixture().service(MySql.mysql("orders", "8.0").hostPort(3306).password("DB_PASSWORD")),
        "service 'orders': version '8.0' is not an exact MySQL release;"
            + " fix: declare the full version, e.g. MySql.mysql(\"orders\", \"8.0.36\")");
  }

  @Test
  void databaseImageRunsAnotherVersion() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().image("postgres:15.18-bookworm")),
        "service 'db': image 'postgres:15.18-bookworm' runs version 15.18, not the declared 14.9;"
            + " fix: use an image tagged 14.9 (e.g. 'postgres:14.9') or declare the version the image runs");
  }

  @Test
  void imageOfAnotherPatchReleaseIsNotMistakenForAVariant() {
    ShopFixture shop = new ShopFixture().service(Postgres.of("db", "14.1").image("postgres:14.10")
        .database("shop").user("shop").password("DB_PASSWORD"));
    shop.deviations.removeIf(d -> d.service().equals("db"));
    assertOnlyProblem(shop,
        "service 'db': image 'postgres:14.10' runs version 14.10, not the declared 14.1;"
            + " fix: use an image tagged 14.1 (e.g. 'postgres:14.1') or declare the version the image runs");
  }

  @Test
  void variantImageWithoutDeviation() {
    ShopFixture shop = new ShopFixture();
    shop.deviations.removeIf(d -> d.service().equals("db"));
    assertOnlyProblem(shop,
        "service 'db': runs 'postgres:14.9-alpine' locally, a variant of the official 'postgres:14.9',"
            + " without a declared deviation; fix: declare it: .deviation(Deviation.of(\"db\").in(\"local\")"
            + ".differs(\"runs postgres:14.9-alpine\").because(\"…\"))");
  }

  // ---- services ----

  @Test
  void duplicateService() {
    ShopFixture shop = new ShopFixture();
    shop.services.add(ShopFixture.cache());
    assertOnlyProblem(shop, "service 'cache': is declared more than once; fix: give each service its own name");
  }

  @Test
  void invalidServiceName() {
    assertOnlyProblem(new ShopFixture().service(Container.of("Mail_Hog", "axllent/mailpit:v1.14.0").port(8025)),
        "service 'Mail_Hog': name 'Mail_Hog' is not valid: use lower-case letters, digits and single hyphens,"
            + " starting with a letter, at most 63 characters; fix: rename it: \"mail-hog\"");
  }

  @Test
  void portOutOfRangeIsReportedOnce() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().port(70000)),
        "service 'web': port 70000 is out of range; fix: use a port between 1 and 65535");
  }

  @Test
  void hostPortOutOfRange() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.cache().hostPort(0)),
        "service 'cache': host port 0 is out of range; fix: use a port between 1 and 65535");
  }

  @Test
  void hostPortClash() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.cache().hostPort(5432)),
        "services 'db', 'cache': both publish host port 5432 in the local stack;"
            + " fix: give one of them another port, e.g. .hostPort(5433) on 'cache'");
  }

  @Test
  void unknownDependency() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().dependsOn("db", "cache", "queue")),
        "service 'web': depends on 'queue', which is not declared;"
            + " fix: declare a service 'queue' or depend on one of: db, cache");
  }

  @Test
  void dependencyCycle() {
    assertOnlyProblem(new ShopFixture()
            .service(ShopFixture.web().dependsOn("db", "cache", "mail"))
            .service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).dependsOn("web")),
        "services 'web' -> 'mail' -> 'web': depend on each other in a cycle, so none of them can start first;"
            + " fix: remove one of these dependsOn(…) links");
  }

  @Test
  void selfDependency() {
    assertOnlyProblem(new ShopFixture()
            .service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).dependsOn("mail")),
        "service 'mail': depends on itself; fix: remove \"mail\" from its dependsOn(…)");
  }

  @Test
  void jvmAppWithoutJar() {
    assertOnlyProblem(new ShopFixture()
            .service(App.jvm("worker", "eclipse-temurin:17.0.13_11-jre-jammy").source("worker").hostPort(8081)),
        "service 'worker': declares no jar to run; fix: .jar(\"target/worker.jar\")");
  }

  @Test
  void appRunningAsRoot() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().user("root")),
        "service 'web': runs as root (user 'root');"
            + " fix: .user(\"node\") or a numeric non-root user such as .user(\"10001:10001\")");
  }

  @Test
  void appRunningAsUidZero() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().user("0:0")),
        "service 'web': runs as root (user '0:0');"
            + " fix: .user(\"node\") or a numeric non-root user such as .user(\"10001:10001\")");
  }

  @Test
  void sourceFolderEscapesTheSpecFolder() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().source("../app")),
        "service 'web': source folder '../app' must be a relative path inside the spec's folder; fix: .source(\"app\")");
  }

  @Test
  void migrationsFolderIsAbsolute() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().migrations("/srv/db/migrations")),
        "service 'db': migrations folder '/srv/db/migrations' must be a relative path inside the spec's folder;"
            + " fix: .migrations(\"db/migrations\")");
  }

  @Test
  void passwordKeyUnknown() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().password("DB_PASS")),
        "service 'db': takes its password from 'DB_PASS', which is not a config key;"
            + " fix: declare .config(ConfigKey.secret(\"DB_PASS\"))");
  }

  @Test
  void passwordKeyNotSecret() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().password("DB_NAME")),
        "service 'db': takes its password from 'DB_NAME', which is not secret;"
            + " fix: declare it with ConfigKey.secret(\"DB_NAME\")");
  }

  @Test
  void containerEnvironmentHoldsASecret() {
    InvalidSpecException e = assertOnlyProblem(new ShopFixture()
            .service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).options(o -> o.env("MP_UI_AUTH_PASSWORD", "hunter2"))),
        "service 'mail': sets 'MP_UI_AUTH_PASSWORD', which looks like a secret, to a literal value (not shown);"
            + " fix: keep secrets out of the spec: declare .config(ConfigKey.secret(\"MP_UI_AUTH_PASSWORD\"))"
            + " and use options: .secretEnv(\"MP_UI_AUTH_PASSWORD\", \"MP_UI_AUTH_PASSWORD\")");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  // ---- environments ----

  @Test
  void duplicateEnvironment() {
    ShopFixture shop = new ShopFixture();
    shop.environments.add(ShopFixture.remote("staging", 2));
    assertOnlyProblem(shop, "environment 'staging': is declared more than once; fix: give each environment its own name");
  }

  @Test
  void invalidEnvironmentName() {
    assertOnlyProblem(new ShopFixture().environment(ShopFixture.remote("Prod_EU", 4)),
        "environment 'Prod_EU': name 'Prod_EU' is not valid: use lower-case letters, digits and single hyphens,"
            + " starting with a letter, at most 40 characters; fix: rename it: Environment.remote(\"prod-eu\")");
  }

  @Test
  void remoteEnvironmentNamedLocal() {
    ShopFixture shop = new ShopFixture();
    shop.environments.set(0, ShopFixture.remote("local", 1));
    assertOnlyProblem(shop, "environment 'local': uses the name 'local', which belongs to the local stack;"
        + " fix: use Environment.local() for the local stack, or another name such as 'dev'");
  }

  @Test
  void missingInstanceCount() {
    assertOnlyProblem(new ShopFixture().environment(ShopFixture.remoteWithout("production", 4, "instances")),
        "environment 'production': sets no instance count; fix: add .instances(2) to Environment.remote(\"production\")");
  }

  @Test
  void instanceCountNotPositive() {
    assertOnlyProblem(new ShopFixture().environment("staging", e -> e.instances(0)),
        "environment 'staging': instance count 0 is not positive; fix: use .instances(1) or more");
  }

  @Test
  void missingInstanceType() {
    assertOnlyProblem(new ShopFixture().environment(ShopFixture.remoteWithout("production", 4, "instanceType")),
        "environment 'production': sets no instance type;"
            + " fix: add .instanceType(\"t3.medium\") to Environment.remote(\"production\")");
  }

  @Test
  void missingAmi() {
    assertOnlyProblem(new ShopFixture().environment(ShopFixture.remoteWithout("staging", 2, "ami")),
        "environment 'staging': sets no AMI; fix: pin one: add .ami(\"ami-0c55b159cbfafe1f0\") to Environment.remote(\"staging\")");
  }

  @Test
  void badAmiId() {
    assertOnlyProblem(new ShopFixture().environment("production", e -> e.ami("ami-123")),
        "environment 'production': AMI 'ami-123' is not an AMI id; fix: pin an id such as 'ami-0c55b159cbfafe1f0'");
  }

  @Test
  void missingDatabaseClass() {
    assertOnlyProblem(new ShopFixture().environment(ShopFixture.remoteWithout("production", 4, "databaseClass")),
        "environment 'production': sets no database instance class;"
            + " fix: add .databaseClass(\"db.t3.medium\") to Environment.remote(\"production\")");
  }

  @Test
  void badDatabaseClass() {
    assertOnlyProblem(new ShopFixture().environment("production", e -> e.databaseClass("t3.medium")),
        "environment 'production': database instance class 't3.medium' is not an instance class;"
            + " fix: use a class such as 'db.t3.medium'");
  }

  @Test
  void localEnvironmentWithRemoteOnlyKnob() {
    assertOnlyProblem(new ShopFixture().environment("local", e -> e.instances(2)),
        "environment 'local': sets .instances(…), which only remote environments have;"
            + " fix: remove it from Environment.local(); the local stack runs one container per service on the compose network");
  }

  @Test
  void localEnvironmentWithSeveralRemoteOnlyKnobs() {
    assertOnlyProblem(new ShopFixture().environment("local", e -> e.ami("ami-0c55b159cbfafe1f0").endpoint("db", "db.local")),
        "environment 'local': sets .ami(…), .endpoint(…), which only remote environments have;"
            + " fix: remove them from Environment.local(); the local stack runs one container per service on the compose network");
  }

  @Test
  void endpointForUnknownService() {
    assertOnlyProblem(new ShopFixture().environment("staging", e -> e.endpoint("queue", "mq.staging.internal")),
        "environment 'staging': declares an endpoint for 'queue', which is not a service;"
            + " fix: declare endpoints only for: web, db, cache");
  }

  // ---- config ----

  @Test
  void unknownConfigKeySetInEnvironment() {
    assertOnlyProblem(new ShopFixture().environment("staging", e -> e.set("LOG_LEVLE", "warn")),
        "environment 'staging', key 'LOG_LEVLE': is not a config key;"
            + " fix: did you mean 'LOG_LEVEL'? declare it with .config(ConfigKey.string(\"LOG_LEVLE\").perEnvironment()) or set one of: LOG_LEVEL");
  }

  @Test
  void sharedConfigKeySetInEnvironment() {
    assertOnlyProblem(new ShopFixture().environment("staging", e -> e.set("DB_PORT", "5433")),
        "environment 'staging', key 'DB_PORT': is shared by every environment and cannot be set here;"
            + " fix: add .perEnvironment() to ConfigKey.integer(\"DB_PORT\") or remove this value");
  }

  @Test
  void secretGivenAsLiteralInRemoteEnvironment() {
    InvalidSpecException e = assertOnlyProblem(
        new ShopFixture().environment("production", x -> x.set("DB_PASSWORD", "hunter2-prod")),
        "environment 'production', key 'DB_PASSWORD': is secret, but is given a value (not shown);"
            + " fix: use .secret(\"DB_PASSWORD\", SecretRef.awsParameter(\"/shop/production/…\"))");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void secretGivenAsLiteralInLocalEnvironment() {
    InvalidSpecException e = assertOnlyProblem(
        new ShopFixture().environment("local", x -> x.set("DB_PASSWORD", "hunter2-local")),
        "environment 'local', key 'DB_PASSWORD': is secret, but is given a value (not shown);"
            + " fix: put the value in local/.env instead");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void secretReferenceInLocalEnvironment() {
    assertOnlyProblem(new ShopFixture().environment("local",
            e -> e.secret("DB_PASSWORD", SecretRef.awsParameter("/shop/local/db-password"))),
        "environment 'local', key 'DB_PASSWORD': is given a secret reference, but the local stack reads secrets from local/.env;"
            + " fix: remove .secret(\"DB_PASSWORD\", …) from Environment.local() and put the value in local/.env");
  }

  @Test
  void secretKeyWithDefault() {
    InvalidSpecException e = assertOnlyProblem(
        new ShopFixture().key(ConfigKey.secret("DB_PASSWORD").defaultValue("hunter2-default")),
        "config key 'DB_PASSWORD': is secret but has a value in the spec (not shown);"
            + " fix: remove the value and give each remote environment .secret(\"DB_PASSWORD\", SecretRef.awsParameter(\"/…\"))");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void secretLookingKeyWithLiteral() {
    InvalidSpecException e = assertOnlyProblem(
        new ShopFixture().key(ConfigKey.string("API_TOKEN").defaultValue("tok_live_4242")),
        "config key 'API_TOKEN': looks like a secret but is given a literal value (not shown);"
            + " fix: declare it with ConfigKey.secret(\"API_TOKEN\") and give each remote environment a SecretRef");
    assertThat(e.getMessage()).doesNotContain("tok_live_4242");
  }

  @Test
  void secretLookingPerEnvironmentKeyWithLiteralInEnvironment() {
    ShopFixture shop = new ShopFixture().key(ConfigKey.string("API_TOKEN").optional().perEnvironment())
        .environment("staging", e -> e.set("API_TOKEN", "tok_test_4242"));
    InvalidSpecException e = assertOnlyProblem(shop,
        "environment 'staging', key 'API_TOKEN': looks like a secret but is given a literal value (not shown);"
            + " fix: declare it with ConfigKey.secret(\"API_TOKEN\") and give a SecretRef");
    assertThat(e.getMessage()).doesNotContain("tok_test_4242");
  }

  @Test
  void requiredPerEnvironmentKeyWithoutValueInOneEnvironment() {
    ShopFixture shop = new ShopFixture().key(ConfigKey.string("PAYMENT_MODE").perEnvironment())
        .environment("local", e -> e.set("PAYMENT_MODE", "sandbox"))
        .environment("staging", e -> e.set("PAYMENT_MODE", "sandbox"));
    assertOnlyProblem(shop, "environment 'production', key 'PAYMENT_MODE': is required but has no value here;"
        + " fix: add .set(\"PAYMENT_MODE\", …) to Environment.remote(\"production\") or give the key a .defaultValue(…)");
  }

  @Test
  void requiredSharedKeyWithoutValue() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.string("REGION")),
        "config key 'REGION': is required but has no value, and environments may not set one;"
            + " fix: give it .defaultValue(…), mark it .perEnvironment(), or mark it .optional()");
  }

  @Test
  void requiredSecretWithoutReferenceInRemoteEnvironment() {
    assertOnlyProblem(new ShopFixture().environment(ShopFixture.remoteWithout("production", 4, "secret")),
        "environment 'production', key 'DB_PASSWORD': is a required secret but has no reference here;"
            + " fix: add .secret(\"DB_PASSWORD\", SecretRef.awsParameter(\"/shop/production/…\")) to Environment.remote(\"production\")");
  }

  @Test
  void malformedSecretReference() {
    assertOnlyProblem(new ShopFixture().environment("staging",
            e -> e.secret("DB_PASSWORD", SecretRef.awsParameter("shop/staging/db-password"))),
        "environment 'staging', key 'DB_PASSWORD': secret reference (not shown: it may hold the secret itself)"
            + " is not a valid AWS Parameter Store name; fix: give a parameter name such as /shop/production/db-password");
  }

  @Test
  void secretReferenceForNonSecretKey() {
    assertOnlyProblem(new ShopFixture().environment("staging",
            e -> e.secret("DB_NAME", SecretRef.awsParameter("/shop/staging/db-name"))),
        "environment 'staging', key 'DB_NAME': is given a secret reference but is not a secret key;"
            + " fix: declare it with ConfigKey.secret(\"DB_NAME\")");
  }

  @Test
  void intKeyWithNonNumericValue() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.integer("DB_PORT").defaultValue("abc")),
        "config key 'DB_PORT': value 'abc' is not an int; fix: give a whole number such as 5432");
  }

  @Test
  void boolKeyWithYes() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.bool("FEATURE_FAST_CHECKOUT").defaultValue("yes")),
        "config key 'FEATURE_FAST_CHECKOUT': value 'yes' is not a bool; fix: give true or false");
  }

  @Test
  void perEnvironmentValueOfWrongType() {
    ShopFixture shop = new ShopFixture().key(ConfigKey.integer("WORKERS").defaultValue("2").perEnvironment())
        .environment("production", e -> e.set("WORKERS", "four"));
    assertOnlyProblem(shop,
        "environment 'production', key 'WORKERS': value 'four' is not an int; fix: give a whole number such as 5432");
  }

  @Test
  void serviceReferenceOfWrongType() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.integer("DB_PORT").value(hostOf("db"))),
        "config key 'DB_PORT': hostOf(\"db\") gives a string, but the key is an int;"
            + " fix: declare the key as ConfigKey.string(\"DB_PORT\")");
  }

  @Test
  void hostOfUnknownService() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.string("DB_HOST").value(hostOf("database"))),
        "config key 'DB_HOST': refers to hostOf(\"database\"), but no service 'database' is declared;"
            + " fix: refer to one of: web, db, cache");
  }

  @Test
  void missingEndpointForHostOfInRemoteEnvironment() {
    assertOnlyProblem(new ShopFixture().environment(ShopFixture.remoteWithout("staging", 2, "db-endpoint")),
        "environment 'staging', key 'DB_HOST': refers to hostOf(\"db\"), but 'staging' declares no endpoint for 'db';"
            + " fix: add .endpoint(\"db\", \"<host>\") to Environment.remote(\"staging\")");
  }

  @Test
  void invalidConfigKeyName() {
    assertOnlyProblem(new ShopFixture().key(ConfigKey.string("log-format").defaultValue("json")),
        "config key 'log-format': is not a valid environment variable name;"
            + " fix: use upper-case letters, digits and underscores, starting with a letter, e.g. 'LOG_FORMAT'");
  }

  @Test
  void duplicateConfigKey() {
    ShopFixture shop = new ShopFixture();
    shop.config.add(ConfigKey.integer("DB_PORT").defaultValue("5433"));
    assertOnlyProblem(shop, "config key 'DB_PORT': is declared more than once; fix: declare each key once");
  }

  // ---- knobs ----

  @Test
  void undeclaredKnobSet() {
    assertOnlyProblem(new ShopFixture().environment("production", e -> e.knob("max_connections", 200)),
        "environment 'production', knob 'max_connections': is set but never declared;"
            + " fix: declare it once on the stack: .knob(Knob.number(\"max_connections\", \"<what it means>\"))");
  }

  @Test
  void declaredKnobWithoutValueInOneEnvironment() {
    ShopFixture shop = new ShopFixture().environment("staging", e -> e.knob("log_retention_days", 7));
    shop.knobs.add(Knob.number("log_retention_days", "How long logs are kept"));
    assertOnlyProblem(shop, "environment 'production', knob 'log_retention_days': has no value here and no default;"
        + " fix: add .knob(\"log_retention_days\", …) to Environment.remote(\"production\") or give the knob a .defaultValue(…)");
  }

  @Test
  void knobOfWrongType() {
    assertOnlyProblem(new ShopFixture().environment("production", e -> e.knob("min_healthy_percent", "fifty")),
        "environment 'production', knob 'min_healthy_percent': value 'fifty' is not a number;"
            + " fix: give a value of type number");
  }

  @Test
  void knobWithReservedName() {
    ShopFixture shop = new ShopFixture();
    shop.knobs.add(Knob.number("instance_count", "How many instances run").defaultValue(2));
    assertOnlyProblem(shop, "knob 'instance_count': has the name of a variable Parity declares itself;"
        + " fix: choose another name; built-in knobs are set with .instances(…), .instanceType(…), .ami(…),"
        + " .databaseClass(…), .hostname(…)");
  }

  @Test
  void knobWithTheNameOfAServiceVariable() {
    ShopFixture shop = new ShopFixture();
    shop.knobs.add(Knob.string("db_engine_version", "Engine version").defaultValue("14.9"));
    assertOnlyProblem(shop, "knob 'db_engine_version': has the name of a variable Parity declares itself;"
        + " fix: choose another name; built-in knobs are set with .instances(…), .instanceType(…), .ami(…),"
        + " .databaseClass(…), .hostname(…)");
  }

  @Test
  void knobDefaultOfWrongType() {
    ShopFixture shop = new ShopFixture();
    shop.knobs.add(Knob.bool("multi_az", "Run the database in two zones").defaultValue("yes"));
    assertOnlyProblem(shop, "knob 'multi_az': default 'yes' is not a bool; fix: give a default of type bool");
  }

  // ---- deviations ----

  @Test
  void deviationOfUnknownService() {
    ShopFixture shop = new ShopFixture();
    shop.deviations.add(Deviation.of("queue").in("local").differs("runs RabbitMQ").because("no managed queue"));
    assertOnlyProblem(shop, "deviation of 'queue': names a service that is not declared; fix: name one of: web, db, cache");
  }

  @Test
  void deviationInUnknownEnvironment() {
    ShopFixture shop = new ShopFixture();
    shop.deviations.add(Deviation.of("web").in("qa").differs("runs two workers").because("qa is small"));
    assertOnlyProblem(shop, "deviation of 'web': names environment 'qa', which is not declared;"
        + " fix: name one of: local, staging, production");
  }

  @Test
  void deviationWithoutReason() {
    ShopFixture shop = new ShopFixture();
    shop.deviations.set(0, Deviation.of("db").in("local").differs("runs the postgres:14.9-alpine container"));
    assertOnlyProblem(shop, "deviation of 'db': gives no reason; fix: add .because(\"…\"): every report shows it");
  }

  @Test
  void deviationWithoutEnvironment() {
    ShopFixture shop = new ShopFixture();
    shop.deviations.add(Deviation.of("web").differs("runs two workers").because("load"));
    assertOnlyProblem(shop, "deviation of 'web': names no environment;"
        + " fix: add .in(\"local\") or the environments where it applies");
  }

  // ---- several mistakes at once ----

  @Test
  void fiveMistakesAreReportedTogetherInDeclarationOrder() {
    ShopFixture shop = new ShopFixture()
        .service(ShopFixture.web("node:20"))
        .service(ShopFixture.cache().hostPort(5432))
        .key(ConfigKey.integer("DB_PORT").defaultValue("abc"))
        .environment(ShopFixture.remoteWithout("staging", 2, "ami"))
        .environment("production", e -> e.set("DB_PASSWORD", "hunter2-prod"));

    InvalidSpecException e = failure(shop);

    String web = "service 'web': image 'node:20' has the floating tag '20', which moves to newer releases; fix: "
            + pinNode("20.<minor>.<patch>");
    String ports = "services 'db', 'cache': both publish host port 5432 in the local stack;"
        + " fix: give one of them another port, e.g. .hostPort(5433) on 'cache'";
    String port = "config key 'DB_PORT': value 'abc' is not an int; fix: give a whole number such as 5432";
    String ami = "environment 'staging': sets no AMI;"
        + " fix: pin one: add .ami(\"ami-0c55b159cbfafe1f0\") to Environment.remote(\"staging\")";
    String secret = "environment 'production', key 'DB_PASSWORD': is secret, but is given a value (not shown);"
        + " fix: use .secret(\"DB_PASSWORD\", SecretRef.awsParameter(\"/shop/production/…\"))";
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(web, ports, port, ami, secret);
    assertThat(e.getMessage()).isEqualTo(String.join("\n",
        "Invalid spec 'shop' (5 problems); nothing was written:",
        "  - " + web,
        "  - " + ports,
        "  - " + port,
        "  - " + ami,
        "  - " + secret));
    assertThat(e.getMessage()).doesNotContain("hunter2");
    assertThat(e.code().exitCode()).isEqualTo(2);
  }

  @Test
  void problemsAreTheSameOnEveryBuild() {
    ShopFixture shop = new ShopFixture().service(ShopFixture.web("node:20")).service(ShopFixture.cache().hostPort(5432));
    assertThat(failure(shop).problems()).isEqualTo(failure(shop).problems());
  }
}
