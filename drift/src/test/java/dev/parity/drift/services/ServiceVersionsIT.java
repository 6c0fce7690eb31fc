package dev.parity.drift.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.drift.DriftReport;
import dev.parity.drift.ReportFormat;
import dev.parity.drift.TestImages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Service versions read from the real PostgreSQL, MariaDB and Redis stand-ins, against declared versions. */
class ServiceVersionsIT {

  private static final Map<String, String> LABEL = Map.of("dev.parity.test", "service-versions-it");

  static PostgreSQLContainer postgres;
  static MariaDBContainer mariadb;
  static GenericContainer<?> redis;

  @BeforeAll
  static void start() {
    postgres = new PostgreSQLContainer(DockerImageName.parse(TestImages.postgres()).asCompatibleSubstituteFor("postgres"));
    mariadb = new MariaDBContainer(DockerImageName.parse(TestImages.mariadb()).asCompatibleSubstituteFor("mariadb"));
    redis = new GenericContainer<>(DockerImageName.parse(TestImages.redis())).withExposedPorts(6379);
    List.of(postgres, mariadb, redis).forEach(c -> {
      c.withLabels(LABEL);
      c.start();
    });
  }

  @AfterAll
  static void stop() {
    for (GenericContainer<?> c : new GenericContainer<?>[] {postgres, mariadb, redis}) {
      if (c != null) {
        c.stop();
      }
    }
  }

  /** The version of a stand-in's tag: {@code 15.18} of {@code postgres:15.18-bookworm}. */
  static String version(String image) {
    return image.replaceAll("^[^:]+:([0-9.]+).*$", "$1");
  }

  static List<LiveService> declared(String pg, String maria, String cache) {
    return List.of(
        new LiveService("db", "postgres", pg, postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword()),
        new LiveService("orders-db", "mariadb", maria, mariadb.getJdbcUrl(), "root", mariadb.getPassword()),
        new LiveService("cache", "redis", cache, redis.getHost() + ":" + redis.getMappedPort(6379), null, null));
  }

  static DriftReport check(List<LiveService> services) {
    return ServiceVersions.report(services.stream()
        .map(s -> new ServiceVersions.Observed(s, ServerVersions.read(s))).toList(), "spec (staging)", "staging");
  }

  @Test
  void theDeclaredVersionsOfTheRunningServersAreNoDrift() {
    DriftReport report = check(declared(version(TestImages.postgres()), version(TestImages.mariadb()),
        version(TestImages.redis())));
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo("Services drift: spec (staging) (from) vs staging (to)\n"
        + "No drift.\n");
  }

  @Test
  void theMajorAloneMatchesTheRunningMinor() {
    String pg = version(TestImages.postgres());
    DriftReport report = check(declared(pg.substring(0, pg.indexOf('.')), version(TestImages.mariadb()),
        version(TestImages.redis())));
    assertThat(report.hasDrift()).isFalse();
  }

  @Test
  void declaredVersionsOtherThanTheRunningOnesAreDriftEachNamed() {
    String pg = version(TestImages.postgres());
    String maria = version(TestImages.mariadb());
    String cache = version(TestImages.redis());
    DriftReport report = check(declared("14.9", "10.6.16", "7.2.3"));
    assertThat(ReportFormat.TEXT.render(report)).isEqualTo(
        "Services drift: spec (staging) (from) vs staging (to)\n"
            + "3 differences in 3 objects:\n"
            + "service db\n"
            + "  PostgreSQL version: 14.9 declared, the server runs " + pg + "; move the managed engine to 14.9, or"
            + " declare the version it runs\n"
            + "service orders-db\n"
            + "  MariaDB version: 10.6.16 declared, the server runs " + maria + "; move the managed engine to 10.6.16,"
            + " or declare the version it runs\n"
            + "service cache\n"
            + "  Redis version: 7.2.3 declared, the server runs " + cache + "; move the managed engine to 7.2.3, or"
            + " declare the version it runs\n");
  }

  @Test
  void theServersOwnVersionStringsAreRead() throws Exception {
    List<LiveService> services = declared("x", "x", "x");
    assertThat(ServerVersions.read(services.get(0))).startsWith(version(TestImages.postgres()));
    assertThat(ServerVersions.read(services.get(1))).startsWith(version(TestImages.mariadb())).contains("MariaDB");
    assertThat(ServerVersions.read(services.get(2))).isEqualTo(version(TestImages.redis()));
  }

  @Test
  void aRedisThatDoesNotAnswerIsUnreachableNamingTheService() {
    LiveService gone = new LiveService("cache", "redis", "7.2.3", "127.0.0.1:1", null, null);
    assertThatThrownBy(() -> ServerVersions.read(gone)).isInstanceOf(ParityException.class)
        .hasMessageStartingWith("service 'cache' (Redis at 127.0.0.1:1): the server cannot be reached (")
        .satisfies(e -> assertThat(((ParityException) e).code()).isEqualTo(ErrorCode.UNREACHABLE));
  }
}
