package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Issue 24 item 6: a password inside a literal (URL, JDBC URL, DSN) is refused wherever a spec can write one. */
class LiteralCredentialsTest {

  private static final String FIX_DB_URL = "keep the password out of the literal: declare it with ConfigKey.secret(…)"
      + " (each remote environment a SecretRef), and give 'DB_URL' the address without it, e.g. ConfigValue.urlOf(…),"
      + " with the password read from the secret";

  private static Gen<String> word() {
    return strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 10);
  }

  private static Gen<String> scheme() {
    return Generate.pick(List.of("postgresql", "postgres", "mysql", "mariadb", "redis", "amqp", "https", "jdbc:postgresql",
        "jdbc:mariadb", "jdbc:mysql"));
  }

  /** Generated URLs: with user:password@ refused, with user@ or no user info accepted. */
  @Test
  void aUrlIsRefusedExactlyWhenItsUserInfoCarriesAPassword() {
    Gen<String> hostAndPort = integers().between(1, 65535).map(port -> "db:" + port);
    qt().withExamples(2000).forAll(scheme().zip(hostAndPort, (scheme, host) -> scheme + "|" + host), word(), word(),
            integers().between(0, 2))
        .checkAssert((schemeAndHost, user, password, form) -> {
          String scheme = schemeAndHost.substring(0, schemeAndHost.indexOf('|'));
          String host = schemeAndHost.substring(schemeAndHost.indexOf('|') + 1);
          String userInfo = switch (form) {
            case 0 -> user + ":" + password + "@";
            case 1 -> user + "@";
            default -> "";
          };
          String url = scheme + "://" + userInfo + host + "/" + user;
          assertThat(LiteralCredentials.find(url)).as(url)
              .isEqualTo(form == 0 ? java.util.Optional.of("a URL with a password in its user info") : java.util.Optional.empty());
        });
  }

  @Test
  void jdbcUrlsWithAPasswordParameterAreRefusedAndWithoutOneAccepted() {
    qt().withExamples(500).forAll(word(), word(), Generate.pick(List.of("password", "PASSWORD", "pwd")))
        .checkAssert((user, password, name) -> {
          assertThat(LiteralCredentials.find("jdbc:mysql://db:3306/shop?user=" + user + "&" + name + "=" + password))
              .contains("a URL whose query sets a password");
          assertThat(LiteralCredentials.find("jdbc:postgresql://db:5432/shop?user=" + user + "&ssl=true")).isEmpty();
        });
  }

  @Test
  void connectionStringsThatSetAPasswordAreRefused() {
    assertThat(LiteralCredentials.find("Server=db;Database=shop;User Id=shop;Password=hunter2;"))
        .contains("a connection string that sets a password");
    assertThat(LiteralCredentials.find("jdbc:sqlserver://db:1433;databaseName=shop;user=shop;password=hunter2"))
        .contains("a connection string that sets a password");
    assertThat(LiteralCredentials.find("host=db port=5432 dbname=shop user=shop password=hunter2"))
        .contains("a connection string that sets a password");
    assertThat(LiteralCredentials.find("host=db port=5432 dbname=shop user=shop")).isEmpty();
    assertThat(LiteralCredentials.find("Server=db;Database=shop;Password=;")).isEmpty();
    assertThat(LiteralCredentials.find("info")).isEmpty();
    assertThat(LiteralCredentials.find("a=b")).isEmpty();
  }

  private static InvalidSpecException failure(ShopFixture shop) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, shop::build);
    assertThat(e).as("the spec should be invalid").isNotNull();
    assertThat(e.code().exitCode()).isEqualTo(2);
    return e;
  }

  @Test
  void aPasswordInAKeysDefaultUrlIsRefusedAndNeverShown() {
    InvalidSpecException e = failure(new ShopFixture()
        .key(ConfigKey.url("DB_URL").defaultValue("postgresql://billing:hunter2@db:5432/billing")));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly("config key 'DB_URL': default value is a URL"
        + " with a password in its user info (not shown); fix: " + FIX_DB_URL);
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void aPasswordInAnEnvironmentsJdbcUrlIsRefusedAndNeverShown() {
    InvalidSpecException e = failure(new ShopFixture()
        .key(ConfigKey.string("DB_URL").defaultValue("jdbc:postgresql://db:5432/shop").perEnvironment())
        .environment("staging", env -> env.set("DB_URL", "jdbc:postgresql://db:5432/shop?user=shop&password=hunter2")));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly("environment 'staging', key 'DB_URL': is set"
        + " to a URL whose query sets a password (not shown); fix: " + FIX_DB_URL);
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void aDsnWithAPasswordInAnOptionsEnvIsRefusedAndNeverShown() {
    InvalidSpecException e = failure(new ShopFixture().service(Container.of("report", "axllent/mailpit:v1.14.0").port(8025)
        .options(o -> o.env("CONNECTION", "Server=db;Database=shop;User Id=shop;Password=hunter2"))));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly("service 'report': sets 'CONNECTION' to a"
        + " connection string that sets a password (not shown); fix: keep the password out of the spec: put the address"
        + " in a config key without it, and the password in .config(ConfigKey.secret(…)) read through options:"
        + " .secretEnv(…)");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void aUrlWithoutAPasswordStaysValid() {
    new ShopFixture().key(ConfigKey.url("DB_URL").defaultValue("postgresql://billing@db:5432/billing")).build();
  }
}
