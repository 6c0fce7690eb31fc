package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Healthcheck;
import dev.parity.core.Environment;
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
      "ünïcödé €", "emoji 🚀", "line\u2028sep", "nel\u0085x", "crlf\r\nx", "");

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
        .service(MySql.mysql("mysql", "8.0.36").password("DB_PASSWORD"))
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
    assertThat(services.at("/api/healthcheck/test/0").asText()).isEqualTo("CMD-SHELL");
    assertThat(services.at("/mysql/environment/MYSQL_PASSWORD").asText()).isEqualTo("s3cret");
    assertThat(services.at("/mail/environment/MP_UI").asText()).isEqualTo("a$$b");
    assertThat(services.at("/plain/ports").isMissingNode()).isTrue();
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

  private static JsonNode resolvedConfig(Path root, Path compose, List<String> env) throws Exception {
    List<String> command = new java.util.ArrayList<>(env);
    command.addAll(List.of("docker-compose", "-f", root.relativize(compose).toString(), "config"));
    RealTool.Result result = RealTool.run(root, command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return ScalarText.readTree(result.output());
  }
}
