package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.core.App;
import dev.parity.core.Container;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeGeneratorTest {

  static List<GeneratedFile> generate(Stack stack) {
    return new ComposeGenerator().generate(Fixtures.context(stack));
  }

  static String file(List<GeneratedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
  }

  @Test
  void shopMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.shop().build());
    assertThat(files).extracting(GeneratedFile::path)
        .containsExactly("local/docker-compose.yml", "local/.env.example", "local/.gitignore");
    Golden.assertMatches("compose/shop/docker-compose.yml", file(files, "local/docker-compose.yml"));
    Golden.assertMatches("compose/shop/.env.example", file(files, "local/.env.example"));
    Golden.assertMatches("compose/shop/.gitignore", file(files, "local/.gitignore"));
  }

  @Test
  void ordersMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.orders().build());
    Golden.assertMatches("compose/orders/docker-compose.yml", file(files, "local/docker-compose.yml"));
    Golden.assertMatches("compose/orders/.env.example", file(files, "local/.env.example"));
  }

  @Test
  void realStackMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.realStack().build());
    Golden.assertMatches("compose/real/docker-compose.yml", file(files, "local/docker-compose.yml"));
    Golden.assertMatches("compose/real/.env.example", file(files, "local/.env.example"));
  }

  @Test
  void secretsAreReferencedNeverGiven() throws Exception {
    List<GeneratedFile> files = generate(Fixtures.shop().build());
    String compose = file(files, "local/docker-compose.yml");
    JsonNode services = new YAMLMapper().readTree(compose).at("/services");
    assertThat(services.at("/web/environment/DB_PASSWORD").asText())
        .isEqualTo("${DB_PASSWORD:?DB_PASSWORD is a secret: set it in local/.env}");
    assertThat(services.at("/db/environment/POSTGRES_PASSWORD").asText()).startsWith("${DB_PASSWORD:?");
    assertThat(compose.lines().filter(l -> l.contains("PASSWORD:")))
        .allSatisfy(l -> assertThat(l).contains("${DB_PASSWORD:?"));
    assertThat(file(files, "local/.env.example")).containsOnlyOnce("DB_PASSWORD=").contains("\nDB_PASSWORD=\n");
  }

  /** Regression: every app received every config key, secrets included (the React frontend got the DB password). */
  @Test
  void everyAppGotEveryKey() throws Exception {
    JsonNode services = services(Fixtures.realStack().build());
    assertThat(fieldNames(services.at("/frontend/environment"))).containsExactly("API_URL");
    assertThat(fieldNames(services.at("/web/environment"))).containsExactly("LOG_LEVEL", "REDIS_URL");
    assertThat(fieldNames(services.at("/api/environment"))).containsExactly("DB_PASSWORD", "MARIA_PASSWORD", "LOG_LEVEL");
    assertThat(services.at("/proxy/environment").isMissingNode()).isTrue();
  }

  /**
   * Regression: a database without a password silently became POSTGRES_HOST_AUTH_METHOD=trust (or an
   * empty root password). Now the spec is refused unless it opts in, and only the opt-in gives trust.
   */
  @Test
  void trustAuthAppliedSilently() throws Exception {
    assertThatThrownBy(() -> Stack.named("quiet").service(Postgres.of("pg", "16.4"))
        .service(MySql.mariadb("maria", "10.11.6")).environment(Environment.local()).build())
        .hasMessageContaining("trustLocalConnections()").hasMessageContaining("allowEmptyPassword()");

    JsonNode optedIn = services(Stack.named("quiet").service(Postgres.of("pg", "16.4").trustLocalConnections())
        .service(MySql.mariadb("maria", "10.11.6").allowEmptyPassword()).environment(Environment.local()).build());
    assertThat(optedIn.at("/pg/environment/POSTGRES_HOST_AUTH_METHOD").asText()).isEqualTo("trust");
    assertThat(optedIn.at("/maria/environment/MYSQL_ALLOW_EMPTY_PASSWORD").asText()).isEqualTo("yes");
    assertThat(optedIn.at("/maria/environment/MYSQL_RANDOM_ROOT_PASSWORD").isMissingNode()).isTrue();
  }

  /** A DSL gap found by the awesome-compose samples: an anonymous volume, as over node_modules. */
  @Test
  void anAnonymousVolumeIsOnlyItsTarget() throws Exception {
    Stack stack = Stack.named("anon").service(dev.parity.core.Container.of("box", "nginx:1.25.3-alpine")
            .options(o -> o.mount(dev.parity.core.Mount.anonymous("/var/cache/$nginx"))))
        .environment(Environment.local()).build();
    assertThat(services(stack).at("/box/volumes").toString()).isEqualTo("[\"/var/cache/$$nginx\"]");
  }

  /** A DSL gap found by the awesome-compose samples: a database's data volume could not keep its name. */
  @Test
  void aDeclaredDataVolumeReplacesTheDefaultOne() throws Exception {
    Stack stack = Stack.named("keep").service(Postgres.of("db", "16.4").password("DB_PASSWORD")
            .options(o -> o.mount(dev.parity.core.Mount.volume("db_data", "/var/lib/postgresql/data"))))
        .config(dev.parity.core.ConfigKey.secret("DB_PASSWORD")).environment(Environment.local()).build();
    JsonNode services = services(stack);
    assertThat(services.at("/db/volumes").toString()).isEqualTo("[\"db_data:/var/lib/postgresql/data\"]");
    String compose = new ComposeGenerator().generate(Fixtures.context(stack)).stream()
        .filter(f -> f.path().equals("local/docker-compose.yml")).findFirst().orElseThrow().content();
    assertThat(compose).doesNotContain("db-data");
  }

  /**
   * Regression: MariaDB got MARIADB_* variables, which images before tags 10.2.38, 10.3.29, 10.4.19
   * and 10.5.10 ignore; the MYSQL_* names work on every MariaDB and MySQL image.
   */
  @Test
  void mariadbVariablesIgnoredByOlderImages() throws Exception {
    JsonNode services = services(Stack.named("old").service(MySql.mariadb("maria", "10.3.28").password("DB_PASSWORD"))
        .config(dev.parity.core.ConfigKey.secret("DB_PASSWORD")).environment(Environment.local()).build());
    assertThat(fieldNames(services.at("/maria/environment"))).containsExactly("MYSQL_DATABASE", "MYSQL_USER",
        "MYSQL_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD");
  }

  /**
   * Regression: the MariaDB healthcheck ran healthcheck.sh, which images built before early 2022 lack;
   * ComposeUpIT runs the new one on images with only one of the two admin tools.
   */
  @Test
  void mariaDbHealthcheckMissingOnOlderImages() throws Exception {
    JsonNode test = services(Fixtures.orders().build()).at("/orders-db/healthcheck/test");
    assertThat(test.get(0).asText()).isEqualTo("CMD-SHELL");
    assertThat(test.get(1).asText())
        .isEqualTo("mariadb-admin ping -h 127.0.0.1 --silent || mysqladmin ping -h 127.0.0.1 --silent");
    assertThat(test.toString()).doesNotContain("healthcheck.sh");
  }

  @Test
  void appsWithAGeneratedImageGetTheirInitFromTheImageOthersFromCompose() throws Exception {
    JsonNode services = services(Stack.named("init")
        .service(App.node("on", "node:20.11.0-alpine3.19").source("on").hostPort(3001))
        .service(App.node("off", "node:20.11.0-alpine3.19").source("off").options(o -> o.init(false)))
        .service(Container.of("box", "nginx:1.25.3-alpine"))
        .service(App.dockerfile("own").source("own"))
        .environment(Environment.local()).build());
    // tini is the generated image's ENTRYPOINT; a second init in front of it would only warn
    assertThat(services.at("/on/init").isMissingNode()).isTrue();
    assertThat(services.at("/own/init").asBoolean()).isTrue();
    assertThat(services.at("/off/init").isMissingNode()).isTrue();
    assertThat(services.at("/box/init").isMissingNode()).isTrue();
  }

  /**
   * Issue 24: the JVM app's health check ran {@code curl … || wget …} in a JRE image that has neither,
   * so the app never became healthy. Each kind's probe uses what its image holds: the JVM image's
   * probe class, Node's fetch; an own Dockerfile keeps its HEALTHCHECK (validation requires one).
   */
  @Test
  void jvmHealthCheckNeedsOnlyTheJvmNotCurlOrWget() throws Exception {
    JsonNode services = services(Stack.named("probes")
        .service(App.jvm("jar", "eclipse-temurin:17.0.13_11-jre-jammy").source("jar").jar("app.jar").port(8081)
            .healthPath("/actuator/health"))
        .service(App.jvm("mvn", "eclipse-temurin:17.0.13_11-jre-jammy").mavenBuild("eclipse-temurin:17.0.13_11-jdk-jammy")
            .source("mvn").port(8082).healthPath("/health"))
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web").healthPath("/health"))
        .service(App.dockerfile("own").source("own").healthPath("/health"))
        .environment(Environment.local()).build());
    assertThat(services.at("/jar/healthcheck/test").toString()).isEqualTo(
        "[\"CMD\",\"java\",\"-cp\",\"/opt/parity\",\"ParityHealthCheck\",\"http://127.0.0.1:8081/actuator/health\"]");
    assertThat(services.at("/mvn/healthcheck/test").toString()).isEqualTo(
        "[\"CMD\",\"java\",\"-cp\",\"/opt/parity\",\"ParityHealthCheck\",\"http://127.0.0.1:8082/health\"]");
    assertThat(services.at("/web/healthcheck/test/1").asText()).isEqualTo("node");
    assertThat(services.at("/own/healthcheck").isMissingNode()).isTrue();
    assertThat(services.toString()).doesNotContain("curl", "wget");
  }

  @Test
  void gitignoreKeepsTheLocalSecretsOut() {
    String gitignore = file(generate(Fixtures.realStack().build()), "local/.gitignore");
    assertThat(gitignore.lines().filter(l -> !l.isEmpty() && !l.startsWith("#"))).containsExactly(".env", "secrets/");
    assertThat(gitignore).startsWith("# Generated by Parity from ShopSpec.java");
  }

  private static JsonNode services(Stack stack) throws Exception {
    return new YAMLMapper().readTree(file(generate(stack), "local/docker-compose.yml")).at("/services");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void noLocalEnvironmentNoFiles() {
    Stack remoteOnly = Stack.named("mail").service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025))
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small")
            .ami("ami-0c55b159cbfafe1f0")).build();
    assertThat(generate(remoteOnly)).isEmpty();
  }
}
