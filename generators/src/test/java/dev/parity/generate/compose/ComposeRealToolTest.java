package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Healthcheck;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.RealTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated local stack as docker-compose 1.29 (PyYAML) and yamllint read it. */
class ComposeRealToolTest {

  /** Strings that YAML 1.1, compose interpolation or a comment would misread if written as they are. */
  static final List<String> NASTY = List.of(
      "$HOME", "${HOME}", "$${X}", "a$", "$", "${DB_PASSWORD:?boom}", "100%", "#not a comment", "a #b", "key: value",
      "- item", "\"quoted\"", "'single'", "back\\slash\\", "line1\nline2", "\ttab", " leading", "trailing ",
      "yes", "No", "on", "OFF", "y", "~", "null", "12:30", "1e5", "0x1F", "0o17", "017", "1_000", ".inf", "-.inf",
      "2001-12-14", "=", "<<", "&anchor", "*alias", "!tag", "@at", "`tick`", "{a: 1}", "[1, 2]", "|", ">", "?",
      "ünïcödé €", "emoji 🚀", "line\u2028sep", "nel\u0085x", "crlf\r\nx", "",
      // Longer than a line: folded, also where there is no space, and where spaces would start a line.
      "x".repeat(200), "jdbc:postgresql://db.internal.example.com:5432/shop?sslmode=verify-full&user=" + "a".repeat(40),
      " ".repeat(100) + "x", ("word $$ ${HOME} " + "\"q\" ").repeat(12), "🚀".repeat(60) + "\u00e9".repeat(30));

  @Test
  void shopIsAcceptedByDockerComposeAndYamllint(@TempDir Path root) {
    assertAccepted(root, Fixtures.shop().build());
  }

  @Test
  void ordersIsAcceptedByDockerComposeAndYamllint(@TempDir Path root) {
    assertAccepted(root, Fixtures.orders().build());
  }

  @Test
  void mysqlContainerAndJvmHealthcheckAreAccepted(@TempDir Path root) throws Exception {
    Stack stack = Stack.named("mixed")
        .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy").jar("target/api.jar").healthPath("/actuator/health")
            .dependsOn("mysql", "mail", "plain").uses("DB_PASSWORD"))
        .service(MySql.mysql("mysql", "8.0.36").database("app").password("DB_PASSWORD"))
        .service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).hostPort(8025)
            .options(o -> o.env("MP_UI", "a$b").healthcheck(Healthcheck.command("wget", "-qO-", "localhost:8025"))))
        .service(Container.of("plain", "nginx:1.25.3-alpine"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local()).build();
    assertAccepted(root, stack);
    JsonNode services = resolvedConfig(root, root.resolve("deploy/local/docker-compose.yml"),
        List.of("env", "DB_PASSWORD=s3cret")).at("/services");
    assertThat(services.at("/api/depends_on/mail/condition").asText()).isEqualTo("service_healthy");
    assertThat(services.at("/api/depends_on/plain/condition").asText()).isEqualTo("service_started");
    assertThat(services.at("/api/healthcheck/test").toString())
        .isEqualTo("[\"CMD\",\"java\",\"-cp\",\"/opt/parity\",\"ParityHealthCheck\",\"http://127.0.0.1:8080/actuator/health\"]");
    assertThat(services.at("/mysql/environment/MYSQL_PASSWORD").asText()).isEqualTo("s3cret");
    assertThat(services.at("/mail/environment/MP_UI").asText()).isEqualTo("a$$b");
    assertThat(services.at("/plain/ports").isMissingNode()).isTrue();
  }

  @Test
  void jdbcUrlOfEachEngineReadsBackFromDockerCompose(@TempDir Path root) throws Exception {
    RealTool.require("docker-compose");
    Stack stack = Stack.named("billing")
        .service(App.jvm("billing", "eclipse-temurin:17.0.13_11-jre-jammy").jar("target/billing.jar")
            .dependsOn("db", "maria", "my")
            .uses("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "DB_PASSWORD", "MARIA_URL", "MYSQL_URL"))
        .service(Postgres.of("db", "16.4").database("billing").password("DB_PASSWORD"))
        .service(MySql.mariadb("maria", "10.11.6").database("legacy").allowEmptyPassword())
        .service(MySql.mysql("my", "8.0.36").database("orders").hostPort(3307).allowEmptyPassword())
        .config(ConfigKey.url("SPRING_DATASOURCE_URL").value(dev.parity.core.ConfigValue.jdbcUrlOf("db")))
        .config(ConfigKey.string("SPRING_DATASOURCE_USERNAME").value(dev.parity.core.ConfigValue.userOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.url("MARIA_URL").value(dev.parity.core.ConfigValue.jdbcUrlOf("maria")))
        .config(ConfigKey.url("MYSQL_URL").value(dev.parity.core.ConfigValue.jdbcUrlOf("my")))
        .environment(Environment.local()).build();
    assertAccepted(root, stack);
    JsonNode billing = resolvedConfig(root, root.resolve("deploy/local/docker-compose.yml"),
        List.of("env", "DB_PASSWORD=s3cret")).at("/services/billing/environment");
    assertThat(billing.path("SPRING_DATASOURCE_URL").asText()).isEqualTo("jdbc:postgresql://db:5432/billing");
    assertThat(billing.path("SPRING_DATASOURCE_USERNAME").asText()).isEqualTo("db");
    assertThat(billing.path("MARIA_URL").asText()).isEqualTo("jdbc:mariadb://maria:3306/legacy");
    assertThat(billing.path("MYSQL_URL").asText()).isEqualTo("jdbc:mysql://my:3306/orders");
  }

  @Test
  void realStackReadsBackExactlyAsDeclared(@TempDir Path root) throws Exception {
    RealTool.require("docker-compose");
    Path compose = LocalProject.write(root, Fixtures.realStack().build());
    assertLinted(root, compose);
    JsonNode config = resolvedConfig(root, compose,
        List.of("env", "DB_PASSWORD=pg-secret", "MARIA_PASSWORD=maria-secret", "MARIA_ROOT_PASSWORD=root-secret"));
    JsonNode services = config.at("/services");
    String project = root.toRealPath().toString();

    JsonNode git = services.get("git");
    assertThat(texts(git.get("ports"))).containsExactly("127.0.0.1:3000:3000/tcp", "127.0.0.1:2222:22/tcp",
        "127.0.0.1:5353:53/udp");
    assertThat(texts(git.get("expose"))).containsExactly("9090");
    assertThat(texts(git.get("volumes"))).containsExactly("git-data:/data:rw",
        project + "/git/app.ini:/etc/gitea/app.ini:ro");
    assertThat(fields(git.get("networks"))).containsExactly("back", "front");
    assertThat(git.at("/secrets/0/source").asText()).isEqualTo("api_token");
    assertThat(texts(git.get("entrypoint"))).containsExactly("/usr/bin/entrypoint", "--");
    assertThat(texts(git.get("command"))).containsExactly("/bin/s6-svscan", "/etc/s6");
    assertThat(git.get("restart").asText()).isEqualTo("unless-stopped");
    assertThat(git.get("hostname").asText()).isEqualTo("git.local");
    assertThat(git.get("user").asText()).isEqualTo("1000:1000");
    assertThat(git.get("init").asText()).isEqualTo("true");
    assertThat(texts(git.at("/healthcheck/test"))).containsExactly("CMD-SHELL",
        "curl -fsS http://127.0.0.1:3000/api/healthz || exit 1");
    assertThat(git.at("/healthcheck/interval").asText()).isEqualTo("30s");
    assertThat(git.at("/healthcheck/timeout").asText()).isEqualTo("1500ms");
    assertThat(git.at("/healthcheck/retries").asText()).isEqualTo("3");
    assertThat(git.at("/healthcheck/start_period").asText()).isEqualTo("20s");
    // docker-compose 1.29 prints the resolved file re-escaped: a literal '$' comes out as '$$'.
    assertThat(git.at("/environment/GITEA__server__ROOT_URL").asText()).isEqualTo("http://localhost:3000/$$HOME");
    assertThat(git.at("/environment/GITEA__security__INTERNAL_TOKEN__FILE").asText()).isEqualTo("/run/secrets/api_token");

    JsonNode pg = services.get("pg");
    assertThat(texts(pg.get("command"))).containsExactly("-c", "max_connections=200", "-c", "shared_buffers=256MB");
    assertThat(pg.at("/environment/POSTGRES_PASSWORD_FILE").asText()).isEqualTo("/run/secrets/db_password");
    assertThat(pg.at("/secrets/0/source").asText()).isEqualTo("db_password");
    assertThat(texts(pg.get("volumes"))).containsExactly("pg-data:/var/lib/postgresql/data:rw",
        project + "/db/init:/docker-entrypoint-initdb.d:ro");
    assertThat(pg.has("init")).isFalse();
    assertThat(config.at("/secrets/db_password/file").asText()).isEqualTo(project + "/deploy/local/secrets/db_password");
    assertThat(config.at("/secrets/api_token/file").asText()).isEqualTo(project + "/deploy/local/secrets/api_token");

    JsonNode maria = services.get("maria");
    assertThat(texts(maria.get("command"))).containsExactly("--transaction-isolation=READ-COMMITTED", "--binlog-format=ROW");
    assertThat(maria.get("restart").asText()).isEqualTo("always");
    assertThat(maria.at("/environment/MYSQL_ROOT_PASSWORD").asText()).isEqualTo("root-secret");
    assertThat(maria.at("/environment/MYSQL_RANDOM_ROOT_PASSWORD").isMissingNode()).isTrue();
    assertThat(texts(services.at("/cache/command"))).containsExactly("--appendonly", "yes");

    JsonNode api = services.get("api");
    assertThat(api.at("/build/context").asText()).isEqualTo(project + "/api");
    assertThat(api.at("/build/dockerfile").asText()).isEqualTo("docker/Dockerfile");
    assertThat(api.at("/build/target").asText()).isEqualTo("dev");
    assertThat(api.at("/build/args/APP_VERSION").asText()).isEqualTo("1.2.3");
    assertThat(api.at("/build/args/GREETING").asText()).isEqualTo("it's $$HOME");

    JsonNode frontend = services.get("frontend");
    assertThat(frontend.at("/build/target").asText()).isEqualTo("development");
    assertThat(texts(frontend.get("command"))).containsExactly("npm", "run", "dev");
    assertThat(texts(frontend.get("volumes"))).containsExactly(project + "/frontend:/app:rw", "/app/node_modules");

    JsonNode web = services.get("web");
    assertThat(web.has("ports")).isFalse();
    assertThat(web.at("/deploy/replicas").asText()).isEqualTo("2");
    assertThat(web.has("scale")).isFalse();
    assertThat(web.get("restart").asText()).isEqualTo("on-failure");
    assertThat(texts(services.at("/proxy/volumes"))).containsExactly(project + "/proxy/nginx.conf:/etc/nginx/nginx.conf:ro");
    assertThat(texts(services.at("/proxy/ports"))).containsExactly("127.0.0.1:8000:80/tcp");

    assertThat(config.at("/networks/back/internal").asText()).isEqualTo("true");
    assertThat(config.at("/networks/front/internal").isMissingNode()).isTrue();
    assertThat(fields(config.get("volumes"))).containsExactly("cache-data", "git-data", "maria-data", "pg-data");

    // Each service receives exactly its own keys, and each secret only where it is used.
    assertThat(fields(git.get("environment"))).containsExactly("GITEA__database__DB_TYPE", "GITEA__database__PASSWD",
        "GITEA__security__INTERNAL_TOKEN__FILE", "GITEA__server__ROOT_URL");
    assertThat(fields(api.get("environment"))).containsExactly("DB_PASSWORD", "LOG_LEVEL", "MARIA_PASSWORD");
    assertThat(fields(frontend.get("environment"))).containsExactly("API_URL");
    assertThat(fields(web.get("environment"))).containsExactly("LOG_LEVEL", "REDIS_URL");
    assertThat(fields(pg.get("environment"))).containsExactly("POSTGRES_DB", "POSTGRES_PASSWORD_FILE", "POSTGRES_USER");
    assertThat(fields(maria.get("environment"))).containsExactly("MYSQL_DATABASE", "MYSQL_PASSWORD",
        "MYSQL_ROOT_PASSWORD", "MYSQL_USER");
    assertThat(services.at("/proxy/environment").isMissingNode()).isTrue();
    assertThat(servicesHolding(services, "pg-secret")).containsExactly("api", "git");
    assertThat(servicesHolding(services, "maria-secret")).containsExactly("api", "maria");
    assertThat(servicesHolding(services, "root-secret")).containsExactly("maria");
  }

  @Test
  void oddPathsTakeTheLongVolumeSyntax(@TempDir Path root) throws Exception {
    RealTool.require("docker-compose");
    Stack stack = Stack.named("odd")
        .service(Container.of("box", "nginx:1.25.3-alpine").options(o -> o
            .mount(Mount.bind("conf/a:b $x.conf", "/etc/a b.conf").readOnly())))
        .environment(Environment.local()).build();
    Path compose = LocalProject.write(root, stack);
    assertLinted(root, compose);
    JsonNode volumes = resolvedConfig(root, compose, List.of("env")).at("/services/box/volumes");
    assertThat(volumes.at("/0/type").asText()).isEqualTo("bind");
    assertThat(volumes.at("/0/source").asText().replace("$$", "$")).isEqualTo(root.toRealPath() + "/conf/a:b $x.conf");
    assertThat(volumes.at("/0/target").asText()).isEqualTo("/etc/a b.conf");
    assertThat(volumes.at("/0/read_only").asText()).isEqualTo("true");
  }

  @Test
  void missingSecretStopsComposeWithTheFix(@TempDir Path root) {
    RealTool.require("docker-compose");
    Path compose = LocalProject.write(root, Fixtures.shop().build());
    RealTool.Result result = RealTool.run(root, "env", "-u", "DB_PASSWORD", "docker-compose", "-f",
        root.relativize(compose).toString(), "config", "-q");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("DB_PASSWORD is a secret: set it in local/.env");
  }

  @Test
  void secretFromDotEnvBesideTheComposeFile(@TempDir Path root) throws Exception {
    RealTool.require("docker-compose");
    Path compose = LocalProject.write(root, Fixtures.shop().build());
    Files.writeString(compose.resolveSibling(".env"), "DB_PASSWORD=from-dot-env\n");
    JsonNode config = resolvedConfig(root, compose, List.of("env", "-u", "DB_PASSWORD"));
    assertThat(config.at("/services/web/environment/DB_PASSWORD").asText()).isEqualTo("from-dot-env");
    assertThat(config.at("/services/db/environment/POSTGRES_PASSWORD").asText()).isEqualTo("from-dot-env");
  }

  @Test
  void nastyValuesReachTheContainerExactly(@TempDir Path root) throws Exception {
    RealTool.require("docker-compose");
    List<String> keys = new java.util.ArrayList<>(List.of("DB_PASSWORD"));
    for (int i = 0; i < NASTY.size(); i++) {
      keys.add("SAMPLE_" + i);
    }
    Stack.Builder builder = Stack.named("nasty")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("app").dependsOn("db").uses(keys.toArray(String[]::new)))
        .service(Postgres.of("db", "14.9").password("DB_PASSWORD"))
        .config(ConfigKey.secret("DB_PASSWORD"));
    for (int i = 0; i < NASTY.size(); i++) {
      builder.config(ConfigKey.string("SAMPLE_" + i).defaultValue(NASTY.get(i)).describedAs(NASTY.get(i)));
    }
    Path compose = LocalProject.write(root, builder.environment(Environment.local()).build());
    assertLinted(root, compose);
    JsonNode environment = resolvedConfig(root, compose, List.of("env", "DB_PASSWORD=s3cret")).at("/services/web/environment");
    for (int i = 0; i < NASTY.size(); i++) {
      if (NASTY.get(i).contains("\u0085")) {
        // docker-compose prints U+0085 raw in a single-quoted scalar, which PyYAML itself reads back as a
        // space; how compose reads the file is checked below with PyYAML directly.
        continue;
      }
      // docker-compose 1.29 prints the resolved file re-escaped: a literal '$' comes out as '$$'.
      assertThat(environment.get("SAMPLE_" + i).asText().replace("$$", "$")).as("SAMPLE_%d", i).isEqualTo(NASTY.get(i));
    }
    assertThat(environment.get("DB_PASSWORD").asText()).isEqualTo("s3cret");
    JsonNode asPyYamlReadsIt = new ObjectMapper().readTree(RealTool.assertAccepts(root, "python3", "-c",
        "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), sys.stdout)",
        root.relativize(compose).toString())).at("/services/web/environment");
    for (int i = 0; i < NASTY.size(); i++) {
      assertThat(asPyYamlReadsIt.get("SAMPLE_" + i).asText().replace("$$", "$")).as("SAMPLE_%d", i).isEqualTo(NASTY.get(i));
    }
  }

  private static void assertAccepted(Path root, Stack stack) {
    RealTool.require("docker-compose");
    Path compose = LocalProject.write(root, stack);
    RealTool.assertAccepts(root, "env", "DB_PASSWORD=s3cret", "docker-compose", "-f", root.relativize(compose).toString(),
        "config", "-q");
    assertLinted(root, compose);
  }

  private static void assertLinted(Path root, Path compose) {
    RealTool.require("yamllint");
    RealTool.assertAccepts(root, "yamllint", "--strict", "-d", LocalProject.YAMLLINT_CONFIG, root.relativize(compose).toString());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new java.util.ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static List<String> fields(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The services whose environment holds {@code value} in some variable, sorted by name. */
  private static List<String> servicesHolding(JsonNode services, String value) {
    List<String> names = new java.util.ArrayList<>();
    services.fields().forEachRemaining(service -> {
      List<String> values = new java.util.ArrayList<>();
      service.getValue().path("environment").forEach(v -> values.add(v.asText()));
      if (values.contains(value)) {
        names.add(service.getKey());
      }
    });
    return names.stream().sorted().toList();
  }

  private static JsonNode resolvedConfig(Path root, Path compose, List<String> env) throws Exception {
    List<String> command = new java.util.ArrayList<>(env);
    command.addAll(List.of("docker-compose", "-f", root.relativize(compose).toString(), "config"));
    RealTool.Result result = RealTool.run(root, command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return ScalarText.readTree(result.output());
  }
}
