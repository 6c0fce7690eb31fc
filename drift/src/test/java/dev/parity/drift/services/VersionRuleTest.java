package dev.parity.drift.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionRuleTest {

  @Test
  void theNumberIsTheLeadingDigitsAndDotsOfWhatTheServerReports() {
    assertThat(VersionRule.number("15.18 (Debian 15.18-1.pgdg120+1)")).contains("15.18");
    assertThat(VersionRule.number("10.11.6-MariaDB-1:10.11.6+maria~ubu2204-log")).contains("10.11.6");
    assertThat(VersionRule.number("5.5.5-10.11.6-MariaDB")).contains("10.11.6");
    assertThat(VersionRule.number("8.0.36-0ubuntu0.22.04.1")).contains("8.0.36");
    assertThat(VersionRule.number("7.2.3")).contains("7.2.3");
    assertThat(VersionRule.number("unknown")).isEmpty();
  }

  @Test
  void aMajorMatchesEveryMinorOfIt() {
    assertThat(VersionRule.matches("14", "14.9 (Debian)")).isTrue();
    assertThat(VersionRule.matches("14", "14.12")).isTrue();
    assertThat(VersionRule.matches("14", "13.9")).isFalse();
    assertThat(VersionRule.matches("14", "140.1")).isFalse();
  }

  @Test
  void anExactVersionMatchesOnlyItself() {
    assertThat(VersionRule.matches("14.9", "14.9 (Debian 14.9-1.pgdg120+1)")).isTrue();
    assertThat(VersionRule.matches("14.9", "14.10")).isFalse();
    assertThat(VersionRule.matches("14.9", "14.8")).isFalse();
    assertThat(VersionRule.matches("14.9", "14")).isFalse();
    assertThat(VersionRule.matches("10.11.6", "10.11.6-MariaDB-1:10.11.6+maria~ubu2204")).isTrue();
    assertThat(VersionRule.matches("10.11.6", "10.11.7-MariaDB")).isFalse();
    assertThat(VersionRule.matches("7.2.3", "7.2.4")).isFalse();
  }

  @Test
  void aMariaDbDeclaredWhereMySqlRunsIsAnotherEngine() {
    LiveService maria = new LiveService("db", "mariadb", "10.11.6", "jdbc:mariadb://h/shop", null, null);
    assertThat(ServiceVersions.finding(maria, "8.0.36").orElseThrow().message()).isEqualTo(
        "MariaDB 10.11.6 declared, but the server is MySQL 8.0.36; run the declared engine, or declare"
            + " MySql.mysql(\"db\", \"8.0.36\")");
    assertThat(ServiceVersions.finding(maria, "10.11.6-MariaDB-log")).isEmpty();
  }
}
