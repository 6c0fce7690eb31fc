package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.parity.core.SpecAssertions.assertOnlyProblem;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ServiceOptions}, for every kind of service: each test starts from the valid
 * {@link ShopFixture}, makes exactly one mistake and asserts the whole text of the one problem.
 */
class InvalidOptionsTest {

  private static final String VARIABLE_FIX = "fix: use a name without '=', blanks or control characters, such as"
      + " \"discovery.type\" or \"LOG_LEVEL\"";

  private static Container mail(UnaryOperator<ServiceOptions> options) {
    return Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).options(options);
  }

  private static ShopFixture withMail(UnaryOperator<ServiceOptions> options) {
    return new ShopFixture().service(mail(options));
  }

  // ---- ports ----

  @Test
  void furtherPortOutOfRange() {
    assertOnlyProblem(withMail(o -> o.port(Port.internal(0))),
        "service 'mail': port 0 is out of range; fix: use a port between 1 and 65535");
  }

  @Test
  void furtherHostPortOutOfRange() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(70000, 1025))),
        "service 'mail': host port 70000 is out of range; fix: use a port between 1 and 65535, or"
            + " Port.publishedOnAnyPort(1025) to let Docker pick one");
  }

  @Test
  void portProtocolIsNeitherTcpNorUdp() {
    assertOnlyProblem(withMail(o -> o.port(new Port(1025, null, "sctp"))),
        "service 'mail': port 1025 has protocol 'sctp', not tcp or udp;"
            + " fix: declare Port.published(…) or Port.internal(…), and add .udp() for UDP");
  }

  @Test
  void furtherPortClashesWithAnotherServicesHostPort() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.cache().options(o -> o.port(Port.published(5432, 16379)))),
        "services 'db', 'cache': both publish host port 5432 in the local stack;"
            + " fix: give one of them another port, e.g. Port.published(5433, 16379) on 'cache'");
  }

  @Test
  void udpHostPortClashIsNamedWithItsProtocol() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(5353, 53).udp()))
            .service(ShopFixture.cache().options(o -> o.port(Port.published(5353, 5353).udp()))),
        "services 'cache', 'mail': both publish host port 5353/udp in the local stack;"
            + " fix: give one of them another port, e.g. Port.published(5354, 53).udp() on 'mail'");
  }

  @Test
  void oneServicePublishesTheSameHostPortTwice() {
    assertOnlyProblem(new ShopFixture().service(mail(o -> o.port(Port.published(8025, 1025))).hostPort(8025)),
        "service 'mail': publishes host port 8025 more than once; fix: publish each port once, e.g. Port.published(8026, 1025)");
  }

  @Test
  void furtherPortRepeatsTheMainPort() {
    assertOnlyProblem(withMail(o -> o.port(Port.published(18025, 8025))),
        "service 'mail': declares container port 8025/tcp more than once;"
            + " fix: remove it from the options: it is the service's main port (publish that one with .hostPort(…))");
  }

  @Test
  void furtherPortDeclaredTwice() {
    assertOnlyProblem(withMail(o -> o.port(Port.internal(1025)).port(Port.published(1025, 1025))),
        "service 'mail': declares container port 1025/tcp more than once; fix: declare each container port once");
  }

  // ---- mounts ----

  @Test
  void mountTargetIsRelative() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.volume("mail-data", "data"))),
        "service 'mail': mount target 'data' is not an absolute container path (it must start with '/' and hold no '..',"
            + " ':' or control characters); fix: mount at a path such as \"/data\"");
  }

  @Test
  void mountTargetWithAColonWouldBreakComposeShortSyntax() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.volume("mail-data", "/data:rw"))),
        "service 'mail': mount target '/data:rw' is not an absolute container path (it must start with '/' and hold no '..',"
            + " ':' or control characters); fix: mount at a path such as \"/data\"");
  }

  @Test
  void mountTargetClimbsOut() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.volume("mail-data", "/data/../etc"))),
        "service 'mail': mount target '/data/../etc' is not an absolute container path (it must start with '/' and hold no"
            + " '..', ':' or control characters); fix: mount at a path such as \"/data\"");
  }

  @Test
  void bindSourceOutsideTheSpecFolder() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.bind("../nginx.conf", "/etc/nginx/nginx.conf").readOnly())),
        "service 'mail': bind mount source '../nginx.conf' must be a relative path inside the spec's folder;"
            + " fix: Mount.bind(\"config/nginx.conf\", \"/etc/nginx/nginx.conf\") with the file beside the spec");
  }

  @Test
  void invalidVolumeName() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.volume("_mail data", "/data"))),
        "service 'mail': volume name '_mail data' is not valid (letters, digits, '_', '.', '-', starting with a letter or"
            + " digit); fix: Mount.volume(\"mail-data\", \"/data\")");
  }

  @Test
  void twoMountsOnOneTarget() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.volume("mail-data", "/data")).mount(Mount.bind("mail", "/data/"))),
        "service 'mail': mounts two things at '/data' ('mail-data' and 'mail'); fix: keep one mount per target");
  }

  /** A stack moving to Parity keeps its data: the volume declared at the data path is the data volume. */
  @Test
  void aVolumeAtTheDataPathNamesTheDataVolume() {
    Stack stack = new ShopFixture().service(ShopFixture.db().options(o -> o.mount(Mount.volume("db_data",
        "/var/lib/postgresql/data")))).build();
    Postgres db = (Postgres) stack.service("db").orElseThrow();
    assertThat(db.dataMount()).isEqualTo(Mount.volume("db_data", "/var/lib/postgresql/data"));
    assertThat(db.declaresDataMount()).isTrue();
    assertThat(ShopFixture.cache().dataMount()).isEqualTo(Mount.volume("cache-data", "/data"));
    assertThat(ShopFixture.cache().declaresDataMount()).isFalse();
  }

  @Test
  void anAnonymousVolumeAndABindMountOnOneTarget() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.anonymous("/data")).mount(Mount.bind("mail", "/data"))),
        "service 'mail': mounts two things at '/data' (an anonymous volume and 'mail'); fix: keep one mount per target");
  }

  @Test
  void aReadOnlyMountAtTheDataPath() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.cache().options(o -> o.mount(Mount.volume("redis", "/data")
            .readOnly()))),
        "service 'cache': mounts 'redis' read-only at '/data', where the database writes its data;"
            + " fix: drop .readOnly() from this mount");
  }

  // ---- environment and secrets ----

  /** Regression: options.env overrode a key the app receives locally while Terraform kept the config's value. */
  @Test
  void envOverridesAConfigKeyTheAppUses() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().options(o -> o.env("LOG_LEVEL", "debug"))),
        "service 'web': sets 'LOG_LEVEL' in its options, which Parity already sets for it; fix: the app receives it"
            + " from the config schema: give the key its value there, or rename the variable");
  }

  @Test
  void envOverridesADatabaseSetting() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().options(o -> o.env("POSTGRES_USER", "admin"))),
        "service 'db': sets 'POSTGRES_USER' in its options, which Parity already sets for it; fix: declare it with"
            + " .database(…), .user(…), .password(…) or .trustLocalConnections()");
  }

  /** Regression: a password file read through another variable left the database without a password. */
  @Test
  void passwordFileThroughAVariableTheImageDoesNotRead() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().options(o -> o.secretFile("DB_PASSWORD", "DB_PASS_FILE"))),
        "service 'db': reads its password from the secret file 'db_password' through 'DB_PASS_FILE', which the image"
            + " does not read; fix: .secretFile(\"DB_PASSWORD\") (Parity sets POSTGRES_PASSWORD_FILE)");
  }

  @Test
  void invalidVariableNameOnADatabase() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().options(o -> o.env("PG=TZ", "UTC"))),
        "service 'db': environment variable name 'PG=TZ' is not valid; " + VARIABLE_FIX);
  }

  @Test
  void secretLookingLiteralOnADatabaseIsRefusedWithoutShowingIt() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().options(o -> o.env("POSTGRES_PASSWORD", "hunter2"))),
        "service 'db': sets 'POSTGRES_PASSWORD', which looks like a secret, to a literal value (not shown);"
            + " fix: keep secrets out of the spec: declare .config(ConfigKey.secret(\"POSTGRES_PASSWORD\"))"
            + " and use options: .secretEnv(\"POSTGRES_PASSWORD\", \"POSTGRES_PASSWORD\")", "hunter2");
  }

  @Test
  void secretEnvFromAnUndeclaredKey() {
    assertOnlyProblem(withMail(o -> o.secretEnv("MP_SMTP_AUTH_PASSWORD", "SMTP_PASS")),
        "service 'mail': sets 'MP_SMTP_AUTH_PASSWORD' from 'SMTP_PASS', which is not a config key;"
            + " fix: declare .config(ConfigKey.secret(\"SMTP_PASS\"))");
  }

  @Test
  void secretEnvFromAKeyThatIsNotSecret() {
    assertOnlyProblem(withMail(o -> o.secretEnv("MP_DATABASE", "DB_NAME")),
        "service 'mail': sets 'MP_DATABASE' from 'DB_NAME', which is not secret; fix: declare it with ConfigKey.secret(\"DB_NAME\")");
  }

  @Test
  void secretEnvWithAnInvalidVariable() {
    assertOnlyProblem(withMail(o -> o.secretEnv("mp password", "DB_PASSWORD")),
        "service 'mail': environment variable name 'mp password' is not valid; " + VARIABLE_FIX);
  }

  @Test
  void variableSetAsLiteralAndFromASecret() {
    assertOnlyProblem(withMail(o -> o.env("MP_DATABASE", "mail").secretEnv("MP_DATABASE", "DB_PASSWORD")),
        "service 'mail': sets 'MP_DATABASE' both as a literal and from a secret; fix: remove .env(\"MP_DATABASE\", …)");
  }

  @Test
  void secretFileOfAnUndeclaredKey() {
    assertOnlyProblem(withMail(o -> o.secretFile("SMTP_PASSWORD")),
        "service 'mail': mounts a secret file of 'SMTP_PASSWORD', which is not a config key;"
            + " fix: declare .config(ConfigKey.secret(\"SMTP_PASSWORD\"))");
  }

  @Test
  void secretFileOfAKeyThatIsNotSecret() {
    assertOnlyProblem(withMail(o -> o.secretFile("DB_NAME")),
        "service 'mail': mounts a secret file of 'DB_NAME', which is not secret; fix: declare it with ConfigKey.secret(\"DB_NAME\")");
  }

  @Test
  void twoSecretFilesOfTheSameName() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().options(o -> o.secretFile("DB_PASSWORD")
            .secretFile("DB_PASSWORD", "POSTGRES_PASSWORD_FILE"))),
        "service 'db': mounts the secret file '/run/secrets/db_password' more than once;"
            + " fix: declare .secretFile(\"DB_PASSWORD\") once");
  }

  @Test
  void secretFileVariableNotValid() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().options(o -> o.secretFile("DB_PASSWORD", "PASSWORD FILE"))),
        "service 'db': secret file variable name 'PASSWORD FILE' is not valid; " + VARIABLE_FIX);
  }

  // ---- command, entrypoint, user, host name ----

  @Test
  void emptyCommand() {
    assertOnlyProblem(withMail(o -> o.command(new String[0])),
        "service 'mail': declares an empty command; fix: leave it out to keep the image's own,"
            + " or options: .command(\"--flag=value\") with one non-blank argument per item");
  }

  @Test
  void blankServerFlag() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.cache().options(o -> o.command("--appendonly", " "))),
        "service 'cache': has a blank command argument;"
            + " fix: options: .command(\"--flag=value\") with one non-blank argument per item");
  }

  @Test
  void blankEntrypointArgument() {
    assertOnlyProblem(withMail(o -> o.entrypoint("")),
        "service 'mail': has a blank entrypoint argument;"
            + " fix: options: .entrypoint(\"/usr/local/bin/run\") with one non-blank argument per item");
  }

  @Test
  void containerRunningAsRoot() {
    assertOnlyProblem(withMail(o -> o.user("root")),
        "service 'mail': runs as root (user 'root'); fix: a non-root user, e.g. options: .user(\"10001:10001\")");
  }

  @Test
  void hostnameNotRfc1123() {
    assertOnlyProblem(withMail(o -> o.hostname("mail_server")),
        "service 'mail': host name 'mail_server' is not a valid RFC 1123 host name (dot-separated labels of letters,"
            + " digits and inner hyphens, each at most 63 characters); fix: options: .hostname(\"mail-server\")");
  }

  @Test
  void aFullyQualifiedHostnameIsValid() {
    assertThat(withMail(o -> o.hostname("git.example.com")).build().service("mail")).isPresent();
  }

  // ---- health check ----

  @Test
  void healthcheckWithoutCommand() {
    assertOnlyProblem(withMail(o -> o.healthcheck(Healthcheck.command())),
        "service 'mail': has a health check with an empty command or argument;"
            + " fix: Healthcheck.command(\"wget\", \"-qO-\", \"http://127.0.0.1:8080/health\") or Healthcheck.shell(\"…\")");
  }

  @Test
  void healthcheckIntervalZero() {
    assertOnlyProblem(withMail(o -> o.healthcheck(Healthcheck.shell("true").interval(Duration.ZERO))),
        "service 'mail': has a health check interval of 0 ms, which is not positive;"
            + " fix: .interval(Duration.ofSeconds(10))");
  }

  @Test
  void healthcheckNegativeStartPeriod() {
    assertOnlyProblem(withMail(o -> o.healthcheck(Healthcheck.shell("true").startPeriod(Duration.ofMillis(-500)))),
        "service 'mail': has a health check startPeriod of -500 ms, which is not zero or more;"
            + " fix: .startPeriod(Duration.ofSeconds(10))");
  }

  @Test
  void healthcheckWithoutRetries() {
    assertOnlyProblem(withMail(o -> o.healthcheck(Healthcheck.shell("true").retries(0))),
        "service 'mail': has a health check with 0 retries; fix: .retries(1) or more");
  }

  // ---- networks ----

  @Test
  void serviceJoinsAnUndeclaredNetwork() {
    ShopFixture shop = withMail(o -> o.networks("front"));
    shop.networks.add(Network.named("backend"));
    assertOnlyProblem(shop, "service 'mail': joins network 'front', which is not declared;"
        + " fix: declare it with .network(Network.named(\"front\")) or join one of: backend");
  }

  @Test
  void networkDeclaredTwice() {
    ShopFixture shop = new ShopFixture();
    shop.networks.add(Network.named("backend"));
    shop.networks.add(Network.named("backend").internal());
    assertOnlyProblem(shop, "network 'backend': is declared more than once;"
        + " fix: declare each network once with .network(Network.named(…))");
  }

  @Test
  void invalidNetworkName() {
    ShopFixture shop = new ShopFixture();
    shop.networks.add(Network.named("Back_End"));
    assertOnlyProblem(shop, "network 'Back_End': name 'Back_End' is not valid: use lower-case letters, digits and single"
        + " hyphens, starting with a letter, at most 40 characters; fix: rename it: Network.named(\"back-end\")");
  }
}
