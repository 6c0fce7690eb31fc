package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity init --from-compose}: what it writes, what it refuses, and its exit codes. */
class InitCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int init(String... args) {
    List<String> all = new ArrayList<>(List.of("init"));
    all.addAll(List.of(args));
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
  }

  private Path compose(String yaml) throws IOException {
    return Files.writeString(dir.resolve("docker-compose.yml"), yaml);
  }

  @Test
  void aPinnedStackWithAnInlinePasswordGivesASpecThatValidatesAndKeepsThePasswordOutOfIt() throws IOException {
    Path compose = compose("""
        services:
          db:
            image: postgres:16.2-alpine
            environment:
              POSTGRES_USER: shop
              POSTGRES_PASSWORD: "s3cr3t-Value"
          cache:
            image: redis:7.2.4
          mail:
            image: axllent/mailpit:v1.14.0
            ports: ["8025:8025"]
            restart: unless-stopped
        """);
    Path spec = dir.resolve("ShopSpec.java");

    int code = init("--from-compose", compose.toString(), "--out", spec.toString());

    assertThat(code).as(err.toString()).isZero();
    String source = Files.readString(spec);
    assertThat(source).doesNotContain("s3cr3t-Value").contains(".password(\"DB_PASSWORD\")");
    assertThat(Files.readString(dir.resolve("deploy/local/.env"))).contains("DB_PASSWORD=s3cr3t-Value\n");
    assertThat(SpecLoader.load(spec.toString(), List.of(), dir).stack().services()).hasSize(3);
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec.toString()))
        .as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("deploy/local/.gitignore"))).contains(".env");
  }

  @Test
  void overrideFilesGivenWithDashFAreMergedInOrderAndAnchorsMergeKeysNeverReachTheSpec() throws IOException {
    Path compose = compose("""
        x-env: &env
          LOG_LEVEL: info
        x-common: &common
          image: axllent/mailpit:v1.14.0
          restart: unless-stopped
        services:
          mail:
            <<: *common
            environment:
              <<: *env
              MP_MAX_MESSAGES: "500"
            ports: ["8025:8025"]
        """);
    Path override = Files.writeString(dir.resolve("docker-compose.override.yml"), """
        services:
          mail:
            environment:
              LOG_LEVEL: debug
            ports: ["1025:1025"]
        """);
    Path spec = dir.resolve("MailSpec.java");

    int code = init("--from-compose", compose.toString(), "-f", override.toString(), "--out", spec.toString());

    assertThat(code).as(err.toString() + out).isZero();
    String source = Files.readString(spec);
    assertThat(source).doesNotContain("<<").contains("env(\"LOG_LEVEL\", \"debug\")").contains("MP_MAX_MESSAGES")
        .contains("Port.published(1025, 1025)").contains("port(8025)").contains("UNLESS_STOPPED");
  }

  @Test
  void aFloatingTagIsATodoAtItsLineAndInitExits1ListingIt() throws IOException {
    Path compose = compose("""
        services:
          cache:
            image: redis:7-alpine
        """);
    Path spec = dir.resolve("Cache.java");

    int code = init("--from-compose", compose.toString(), "--out", spec.toString());

    assertThat(code).isEqualTo(1);
    List<String> lines = Files.readAllLines(spec);
    String listed = out.toString().lines().filter(l -> l.contains("redis:7-alpine")).findFirst().orElseThrow();
    int specLine = Integer.parseInt(listed.replaceFirst("^  Cache\\.java:(\\d+) .*", "$1"));
    assertThat(lines.get(specLine - 1)).startsWith("        // TODO docker-compose.yml:3 service 'cache': image"
        + " 'redis:7-alpine' has the floating tag '7-alpine'");
    assertThat(listed).contains("(docker-compose.yml:3)");
    assertThat(out.toString()).contains("Decisions to make before the spec validates (1):");
  }

  @Test
  void aPinGivenOnTheCommandLineResolvesTheTodo() throws IOException {
    Path compose = compose("""
        services:
          cache:
            image: redis:7-alpine
        """);
    Path spec = dir.resolve("Cache.java");

    int code = init("--from-compose", compose.toString(), "--out", spec.toString(), "--pin",
        "redis:7-alpine=redis:7.2.4-alpine");

    assertThat(code).as(out.toString()).isZero();
    assertThat(Files.readString(spec)).contains("Redis.of(\"cache\", \"7.2.4\")").contains(".variant(\"alpine\")");
    assertThat(SpecLoader.load(spec.toString(), List.of(), dir).stack().services()).hasSize(1);
  }

  @Test
  void variablesAreInterpolatedAsComposeDoesWithTheEnvFile() throws IOException {
    Path compose = compose("""
        services:
          web:
            image: nginx:${NGINX:-1.25.4}
            environment:
              SET: ${SET}
              EMPTY_DEFAULT: ${EMPTY:-fallback}
              EMPTY_KEPT: ${EMPTY-unused}
              UNSET_DEFAULT: ${UNSET-fallback}
              PRICE: $$5
        """);
    Path env = Files.writeString(dir.resolve("vars.env"), "SET=from-file\nEMPTY=\n");
    Path spec = dir.resolve("Web.java");

    assertThat(init("--from-compose", compose.toString(), "--env-file", env.toString(), "--out", spec.toString()))
        .as(err.toString()).isZero();

    assertThat(Files.readString(spec)).contains("Container.of(\"web\", \"nginx:1.25.4\")",
        ".secretEnv(\"SET\", \"SET\")", ".env(\"EMPTY_DEFAULT\", \"fallback\")",
        ".secretEnv(\"EMPTY_KEPT\", \"EMPTY\")", ".env(\"UNSET_DEFAULT\", \"fallback\")",
        ".env(\"PRICE\", \"$5\")").doesNotContain("from-file");
    assertThat(Files.readAllLines(dir.resolve("deploy/local/.env"))).contains("SET=from-file", "EMPTY=");
  }

  @Test
  void anEmptyValueInDotEnvStaysAnEmptyOptionalSecretAndTheGeneratedStackStartsAsComposeDoes() throws IOException {
    dev.parity.generate.RealTool.require("docker-compose");
    Path compose = compose("""
        services:
          mail:
            image: axllent/mailpit:v1.14.0
            environment:
              MP_SMTP_AUTH: ${SMTP_AUTH}
              MP_UI_AUTH: ${UI_AUTH}
              MP_WEBROOT: ${WEBROOT}
        """);
    Files.writeString(dir.resolve(".env"), "SMTP_AUTH=\nUI_AUTH=\nWEBROOT=/mail\n");
    Path spec = dir.resolve("Mail.java");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).as("%s%s", out, err).isZero();
    String source = Files.readString(spec);
    assertThat(source).contains("ConfigKey.secret(\"SMTP_AUTH\").optional()", "ConfigKey.secret(\"UI_AUTH\").optional()",
        ".secretEnv(\"MP_SMTP_AUTH\", \"SMTP_AUTH\")", ".secretEnv(\"MP_UI_AUTH\", \"UI_AUTH\")")
        .doesNotContain("ConfigKey.secret(\"WEBROOT\").optional()");
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec.toString()))
        .as(err.toString()).isZero();
    Path local = dir.resolve("deploy/local");
    assertThat(Files.readString(local.resolve("docker-compose.yml"))).contains("MP_SMTP_AUTH: \"${SMTP_AUTH:-}\"");
    dev.parity.generate.RealTool.Result config = dev.parity.generate.RealTool.run(local,
        List.of("docker-compose", "-f", local.resolve("docker-compose.yml").toString(), "config"));
    assertThat(config.exitCode()).as(config.output()).isZero();
    assertThat(config.output()).contains("MP_SMTP_AUTH: ''", "MP_UI_AUTH: ''", "MP_WEBROOT: /mail");
  }

  @Test
  void initExits1WithGeneratesRefusalWhenTheWrittenSpecDoesNotGenerate() throws IOException {
    Path compose = compose("""
        services:
          cache:
            image: redis:7.2.4
        """);
    Path spec = dir.resolve("Stack.java");

    int code = init("--from-compose", compose.toString(), "--out", spec.toString());

    assertThat(code).as("%s%s", out, err).isEqualTo(1);
    assertThat(out.toString()).contains("The spec does not generate yet", "Stack.java");
    assertThat(ParityCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "generate",
        "--spec", spec.toString())).isEqualTo(2);
  }

  @Test
  void invalidYamlExits2NamingFileLineAndFixAndWritesNothing() throws IOException {
    Path compose = compose("services:\n  web:\n    image: nginx:1.25.4\n    ports: [80:80\n");

    assertThat(init("--from-compose", compose.toString(), "--out", dir.resolve("Web.java").toString())).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: 1 problem in the compose file; nothing was written:\n"
        + "  - docker-compose.yml:5: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got"
        + " <stream end>; fix: correct the YAML there (indentation, quotes, a missing ':' or bracket), then run init"
        + " again\n");
    assertThat(dir.resolve("Web.java")).doesNotExist();
  }

  @Test
  void unknownKeysAndAMissingBuildContextAreEachOneProblemWithTheirLines() throws IOException {
    Path compose = compose("""
        services:
          web:
            image: nginx:1.25.4
            prots: ["80:80"]
          api:
            build: ./missing
        extras: 1
        """);

    assertThat(init("--from-compose", compose.toString(), "--out", dir.resolve("Web.java").toString())).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: 3 problems in the compose file; nothing was written:\n"
        + "  - docker-compose.yml:7: top-level key 'extras' is not part of the Compose specification; fix: remove it"
        + " or correct its spelling (services, volumes, networks, secrets, configs, name)\n"
        + "  - docker-compose.yml:4: service 'web': key 'prots' is not part of the Compose specification; fix:"
        + " remove it or correct its spelling (image, build, ports, volumes, environment, depends_on, command,"
        + " healthcheck, …)\n"
        + "  - docker-compose.yml:6: service 'api': build context './missing' does not exist (" + dir.resolve("missing")
        + "); fix: run init where the compose file's build contexts are, or correct the path\n");
    assertThat(dir.resolve("Web.java")).doesNotExist();
  }

  @Test
  void aRequiredVariableWithoutValueExits2WithItsMessage() throws IOException {
    Path compose = compose("services:\n  web:\n    image: nginx:${TAG:?set TAG to the release}\n");

    assertThat(init("--from-compose", compose.toString(), "--out", dir.resolve("Web.java").toString())).isEqualTo(2);

    assertThat(err.toString()).contains("  - docker-compose.yml:3: required variable TAG is missing a value (set TAG"
        + " to the release); fix: set TAG in the --env-file or the environment\n");
  }

  @Test
  void aRegistryMirrorWithoutResolveTagsExits2AndWritesNothing() throws IOException {
    Path compose = compose("services:\n  web:\n    image: nginx\n");

    assertThat(init("--from-compose", compose.toString(), "--out", dir.resolve("Web.java").toString(),
        "--registry-mirror", "127.0.0.1:5000")).isEqualTo(2);

    assertThat(err.toString()).contains("--registry-mirror 127.0.0.1:5000 is only read with --resolve-tags; fix: add"
        + " --resolve-tags, or drop --registry-mirror");
    assertThat(dir.resolve("Web.java")).doesNotExist();
  }

  @Test
  void anExistingSpecIsNeverOverwrittenWithoutForce() throws IOException {
    Path compose = compose("services:\n  web:\n    image: nginx:1.25.4\n");
    Path spec = Files.writeString(dir.resolve("Web.java"), "// mine\n");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out '" + spec + "' exists; nothing was written; fix: choose another file,"
        + " or pass --force to overwrite it");
    assertThat(Files.readString(spec)).isEqualTo("// mine\n");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString(), "--force")).isZero();
    assertThat(Files.readString(spec)).contains("Container.of(\"web\", \"nginx:1.25.4\")");
  }

  @Test
  void whatTheDslCannotExpressIsListedAndKeptAsAComment() throws IOException {
    Path compose = compose("""
        services:
          web:
            image: nginx:1.25.4
            labels:
              traefik.enable: "true"
        """);
    Path spec = dir.resolve("Web.java");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).isZero();

    assertThat(out.toString()).contains("Not expressible in the DSL, left as comments in the spec (1):\n"
        + "  Web.java:");
    assertThat(out.toString()).contains("(docker-compose.yml:4) service 'web' labels: {\"traefik.enable\":\"true\"}:"
        + " the DSL has no labels; dropped");
    assertThat(Files.readString(spec)).contains("// Not expressible in the DSL: docker-compose.yml:4 service 'web'"
        + " labels:");
  }

  @Test
  void aSecretReadThroughAFileVariableAndListedUnderSecretsIsDeclaredOnceAndTheSpecGenerates() throws IOException {
    Files.writeString(dir.resolve("pw.txt"), "file-secret-value\n");
    Path compose = compose("""
        services:
          mail:
            image: axllent/mailpit:v1.14.0
            environment:
              MP_UI_AUTH_FILE: /run/secrets/ui-auth
            secrets:
              - ui-auth
        secrets:
          ui-auth:
            file: pw.txt
        """);
    Path spec = dir.resolve("Mail.java");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).as("%s%s", out, err).isZero();

    String source = Files.readString(spec);
    assertThat(source).contains(".options(o -> o.secretFile(\"UI_AUTH\", \"MP_UI_AUTH_FILE\")))")
        .doesNotContain("secretFile(\"UI_AUTH\")").doesNotContain("file-secret-value");
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec.toString()))
        .as("%s", err).isZero();
  }

  @Test
  void aMissingBindFolderIsATodoWithItsFixAndInitExits1() throws IOException {
    Path compose = compose("""
        services:
          web:
            image: nginx:1.25.4
            volumes:
              - ./export:/usr/share/nginx/html:ro
        """);
    Path spec = dir.resolve("Web.java");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).as("%s%s", out, err).isEqualTo(1);

    assertThat(out.toString()).contains("Decisions to make before the spec validates (1):\n  Web.java:",
        "(docker-compose.yml:5) service 'web' volume './export:/usr/share/nginx/html:ro': 'export' does not exist"
            + " (compose would create an empty folder); fix: create it beside the spec, or remove the mount");
    assertThat(Files.readString(spec)).contains(".options(o -> o.mount(Mount.bind(\"export\","
        + " \"/usr/share/nginx/html\").readOnly())))");
  }

  @Test
  void aFloatingFromInABuildContextsOwnDockerfileIsATodoAsGenerateWouldReportIt() throws IOException {
    Files.createDirectories(dir.resolve("web"));
    Files.writeString(dir.resolve("web/Dockerfile"), "FROM node:20-alpine AS build\nRUN true\nFROM nginx\n");
    Path compose = compose("""
        services:
          web:
            build: web
            image: nginx:1.25.4
        """);
    Path spec = dir.resolve("Web.java");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).as("%s%s", out, err).isEqualTo(1);

    assertThat(out.toString()).contains("Decisions to make before the spec validates (2):",
        "(docker-compose.yml:3) service 'web': web/Dockerfile line 1: image 'node:20-alpine'",
        "(docker-compose.yml:3) service 'web': web/Dockerfile line 3: image 'nginx'");
    assertThat(Files.readString(spec)).contains("// TODO docker-compose.yml:3 service 'web': web/Dockerfile line 1:");
    StringWriter generated = new StringWriter();
    assertThat(ParityCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(generated), "generate",
        "--spec", spec.toString())).isEqualTo(2);
    assertThat(generated.toString()).contains("web/Dockerfile line 1", "web/Dockerfile line 3");

    Files.writeString(dir.resolve("web/Dockerfile"), "FROM node:20.11.0-alpine3.19 AS build\nFROM nginx:1.25.4\n");
    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString(), "--force"))
        .as("%s%s", out, err).isZero();
  }

  @Test
  void valuesFromDotEnvTheDslTakesAsLiteralsAreSaidToComeFromDotEnvAtTheirElement() throws IOException {
    Files.writeString(dir.resolve(".env"), "PG_TAG=16.2\nPG_USER=zuser\nPG_DB=zdb\nPG_PORT=15432\nWEB_ROOT=./site\n");
    Files.createDirectories(dir.resolve("site"));
    Path compose = compose("""
        services:
          db:
            image: postgres:${PG_TAG}
            environment:
              POSTGRES_USER: ${PG_USER}
              POSTGRES_DB: ${PG_DB}
              POSTGRES_PASSWORD: s3cr3t-Value
            ports:
              - "127.0.0.1:${PG_PORT}:5432"
          web:
            image: nginx:1.25.4
            volumes:
              - ${WEB_ROOT}:/usr/share/nginx/html:ro
        """);
    Path spec = dir.resolve("Site.java");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).as("%s%s", out, err).isZero();

    assertThat(out.toString()).contains(
        "(docker-compose.yml:3) service 'db' image: an image reference comes from ${PG_TAG} of the .env file or the"
            + " shell, and the DSL takes an image reference as a literal, so the value is written here; keep it in"
            + " step with .env, or change it here",
        "(docker-compose.yml:5) service 'db' user: a database user comes from ${PG_USER}",
        "(docker-compose.yml:6) service 'db' database: a database name comes from ${PG_DB}",
        "(docker-compose.yml:9) service 'db' port '127.0.0.1:15432:5432': a port comes from ${PG_PORT}",
        "(docker-compose.yml:13) service 'web' volume './site:/usr/share/nginx/html:ro': a volume's name or path"
            + " comes from ${WEB_ROOT}");
    assertThat(out.toString()).doesNotContain("zuser'", "'zdb");
  }

  @Test
  void aVariablePassedThroughByNameTakesItsValueFromDotEnvAsASecretKeyAndNeverReachesTheSpec() throws IOException {
    Files.writeString(dir.resolve(".env"), "PARITY_TEST_ZONE=Europe/Lisbon\n"
        + "POSTGRES_PASSWORD=pt-9f3kq2\n");
    Path compose = compose("""
        services:
          db:
            image: postgres:16.2
            environment:
              - POSTGRES_PASSWORD
              - PARITY_TEST_ZONE
          mail:
            image: axllent/mailpit:v1.14.0
            environment:
              PARITY_TEST_ZONE:
              PARITY_TEST_UNSET_ANYWHERE:
        """);
    Path spec = dir.resolve("Zoned.java");

    assertThat(init("--from-compose", compose.toString(), "--out", spec.toString())).as("%s%s", out, err).isZero();

    String source = Files.readString(spec);
    assertThat(source).contains(".password(\"POSTGRES_PASSWORD\")",
        ".secretEnv(\"PARITY_TEST_ZONE\", \"PARITY_TEST_ZONE\")").doesNotContain("Europe/Lisbon", "pt-9f3kq2");
    assertThat(source).contains(".passEnv(\"PARITY_TEST_UNSET_ANYWHERE\")");
    assertThat(Files.readAllLines(dir.resolve("deploy/local/.env"))).contains("PARITY_TEST_ZONE=Europe/Lisbon",
        "POSTGRES_PASSWORD=pt-9f3kq2");
  }
}
