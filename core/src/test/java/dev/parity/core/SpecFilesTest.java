package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-system checks: each test starts from a spec folder that holds everything the
 * {@link ShopFixture} refers to, takes one file away (or adds a wrong one) and asserts the one problem.
 */
class SpecFilesTest {

  private static final String JRE = "eclipse-temurin:17.0.13_11-jre-jammy";
  private static final String JDK = "eclipse-temurin:17.0.13_11-jdk-jammy";

  @TempDir
  Path folder;

  @BeforeEach
  void shopFiles() throws IOException {
    write("app/package.json", "{}");
    write("app/package-lock.json", "{}");
    write("app/server.js", "");
    write("db/migrations/V1__create_users.sql", "create table users (id int);");
  }

  private void write(String relative, String text) throws IOException {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void delete(String relative) throws IOException {
    Files.delete(folder.resolve(relative));
  }

  private String at(String relative) {
    return folder.resolve(relative).toString();
  }

  private java.util.List<String> problems(ShopFixture shop) {
    return SpecFiles.check(shop.build(), folder).stream().map(Problem::toString).toList();
  }

  private java.util.List<String> problems(Service service) {
    return problems(new ShopFixture().service(service));
  }

  @Test
  void theShopFolderHasNoProblem() {
    assertThat(problems(new ShopFixture())).isEmpty();
  }

  // ---- source folders and what each build needs ----

  @Test
  void sourceFolderThatDoesNotExistIsReportedOnce() {
    assertThat(problems(ShopFixture.web().source("frontend"))).containsExactly(
        "service 'web': source folder 'frontend' does not exist (looked for " + at("frontend") + "); fix: create it,"
            + " or point .source(…) at the folder that holds the app's sources, relative to the spec's folder");
  }

  @Test
  void sourceFolderThatIsAFile() {
    assertThat(problems(ShopFixture.web().source("app/server.js"))).containsExactly(
        "service 'web': source folder 'app/server.js' is a file, not a folder;"
            + " fix: point .source(…) at the folder that holds the app's sources, relative to the spec's folder");
  }

  @Test
  void nodeAppWithoutPackageJson() throws IOException {
    delete("app/package.json");
    assertThat(problems(new ShopFixture())).containsExactly("service 'web': has no package.json in its source folder 'app';"
        + " fix: run `npm init` there, or point .source(…) at the folder that holds package.json");
  }

  @Test
  void nodeAppWithoutLockFile() throws IOException {
    delete("app/package-lock.json");
    assertThat(problems(new ShopFixture())).containsExactly("service 'web': has neither package-lock.json nor"
        + " npm-shrinkwrap.json in 'app', and the generated Dockerfile installs with `npm ci`, which needs one;"
        + " fix: run `npm install` in 'app' and commit package-lock.json");
  }

  @Test
  void shrinkwrapIsALockFileToo() throws IOException {
    delete("app/package-lock.json");
    write("app/npm-shrinkwrap.json", "{}");
    assertThat(problems(new ShopFixture())).isEmpty();
  }

  @Test
  void mavenBuildWithoutPomAndWrapper() throws IOException {
    write("api/src/Main.java", "");
    write("api/mvnw", "");
    assertThat(problems(App.jvm("api", JRE).source("api").mavenBuild(JDK).hostPort(8081))).containsExactly(
        "service 'api': has no pom.xml in its source folder 'api', which its Maven build needs;"
            + " fix: point .source(…) at the Maven project's folder",
        "service 'api': has no Maven wrapper in 'api' (missing: .mvn/wrapper/maven-wrapper.properties);"
            + " fix: run `mvn wrapper:wrapper` in 'api' and commit mvnw and .mvn/wrapper");
  }

  @Test
  void mavenProjectWithWrapperIsComplete() throws IOException {
    write("api/pom.xml", "<project/>");
    write("api/mvnw", "");
    write("api/.mvn/wrapper/maven-wrapper.properties", "");
    assertThat(problems(App.jvm("api", JRE).source("api").mavenBuild(JDK).hostPort(8081))).isEmpty();
  }

  @Test
  void aMissingJarIsAProblemOnlyForABuild() throws IOException {
    write("api/README.md", "");
    Stack stack = new ShopFixture().service(App.jvm("api", JRE).source("api").jar("target/api.jar").hostPort(8081)).build();

    assertThat(SpecFiles.check(stack, folder)).isEmpty();
    assertThat(SpecFiles.checkForBuild(stack, folder)).extracting(Problem::toString).containsExactly(
        "service 'api': jar 'api/target/api.jar' does not exist (looked for " + at("api/target/api.jar") + ");"
            + " fix: build it first (e.g. `./mvnw package`), or point .jar(…) at the jar the build produces");
    write("api/target/api.jar", "");
    assertThat(SpecFiles.checkForBuild(stack, folder)).isEmpty();
  }

  // ---- own Dockerfile ----

  private static App admin() {
    return App.dockerfile("admin").source("admin").hostPort(8081);
  }

  @Test
  void ownDockerfileThatDoesNotExist() throws IOException {
    write("admin/package.json", "{}");
    assertThat(problems(admin().dockerfilePath("docker/Dockerfile"))).containsExactly(
        "service 'admin': Dockerfile 'admin/docker/Dockerfile' does not exist (looked for " + at("admin/docker/Dockerfile")
            + "); fix: add the team's Dockerfile there, or point .dockerfilePath(…) at it, relative to the source folder 'admin'");
  }

  @Test
  void everyFromOfAPinnedMultiStageDockerfilePasses() throws IOException {
    write("admin/Dockerfile", """
        # syntax=docker/dockerfile:1
        ARG NODE_VERSION=20.11.0
        ARG BASE="nginx:1.25.4-alpine"
        FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-alpine3.19 AS build
        RUN npm ci && \\
            npm run build
        FROM build AS test
        FROM scratch AS empty
        FROM ${BASE} as production
        COPY --from=build /app/dist /srv
        """);
    assertThat(problems(admin().target("production").localTarget("build"))).isEmpty();
  }

  @Test
  void floatingFromIsReportedWithItsLine() throws IOException {
    write("admin/Dockerfile", "FROM node:20.11.0-alpine3.19 AS build\n\nFROM nginx:1.25\nCOPY --from=build /app /usr/share/nginx/html\n");
    assertThat(problems(admin())).containsExactly("service 'admin', admin/Dockerfile line 3: image 'nginx:1.25' has the"
        + " floating tag '1.25', which moves to newer releases; fix: pin an exact release, e.g. 'nginx:1.25.<patch>',"
        + " or a digest 'nginx@sha256:…'");
  }

  @Test
  void buildArgOverridesTheArgDefaultInFrom() throws IOException {
    write("admin/Dockerfile", "ARG NODE_VERSION=20.11.0\nFROM node:${NODE_VERSION}\n");
    assertThat(problems(admin().buildArg("NODE_VERSION", "20"))).containsExactly("service 'admin', admin/Dockerfile line 2:"
        + " image 'node:20' has the floating tag '20', which moves to newer releases;"
        + " fix: pin an exact release, e.g. 'node:20.<minor>.<patch>', or a digest 'node@sha256:…'");
  }

  @Test
  void fromWithAVariableWithoutValueCannotBeChecked() throws IOException {
    write("admin/Dockerfile", "ARG TAG\nFROM node:$TAG\n");
    assertThat(problems(admin())).containsExactly("service 'admin', admin/Dockerfile line 2: FROM 'node:$TAG' uses the"
        + " variable TAG, which has no value before the build, so its image cannot be checked; fix: declare"
        + " ARG TAG=<pinned value> before the first FROM, or .buildArg(\"TAG\", \"<pinned value>\") with that ARG declared");
  }

  @Test
  void targetThatIsNotAStage() throws IOException {
    write("admin/Dockerfile", "FROM node:20.11.0-alpine3.19 AS build\nFROM nginx:1.25.4 AS runtime\n");
    assertThat(problems(admin().target("production"))).containsExactly("service 'admin': build stage 'production' is not"
        + " a stage of admin/Dockerfile (its stages: build, runtime); fix: name a stage of the Dockerfile in .target(…),"
        + " or add FROM … AS production");
  }

  /**
   * Issue 24: a health path on an app with its own JRE Dockerfile became {@code curl … || wget …} in
   * the compose file, which the image lacks, so the app stayed unhealthy; now validation names the
   * image and the fix.
   */
  @Test
  void healthPathOfAnOwnDockerfileWithoutHealthcheckNamesTheBaseImage() throws IOException {
    write("admin/Dockerfile", "FROM eclipse-temurin:17.0.13_11-jre-jammy\nCOPY app.jar /app.jar\n");
    assertThat(problems(admin().healthPath("/health"))).containsExactly("service 'admin': .healthPath(\"/health\") needs"
        + " a probe inside the image admin/Dockerfile builds FROM eclipse-temurin:17.0.13_11-jre-jammy, which declares no"
        + " HEALTHCHECK; Parity cannot know whether curl, wget or another HTTP client is in that image; fix: add a"
        + " HEALTHCHECK with a client the image has to admin/Dockerfile, for example HEALTHCHECK CMD curl -fsS"
        + " http://127.0.0.1:8080/health || exit 1 (installing curl in it first if need be), which docker-compose.yml"
        + " then runs; or build the app with App.jvm(…) or App.node(…), whose generated images carry a probe");
  }

  @Test
  void healthcheckOfTheLocalTargetOrAStageItIsBuiltFromSatisfiesAHealthPath() throws IOException {
    write("admin/Dockerfile", """
        FROM node:20.11.0-alpine3.19 AS base
        HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/health || exit 1
        FROM base AS dev
        FROM nginx:1.25.4 AS production
        """);
    assertThat(problems(admin().healthPath("/health").localTarget("dev").target("production"))).isEmpty();
    assertThat(problems(admin().healthPath("/health").target("production"))).singleElement().asString()
        .startsWith("service 'admin': .healthPath(\"/health\") needs a probe inside the image admin/Dockerfile builds"
            + " (stage production) FROM nginx:1.25.4, which declares no HEALTHCHECK;");
  }

  @Test
  void healthcheckNoneDoesNotSatisfyAHealthPath() throws IOException {
    write("admin/Dockerfile", "FROM node:20.11.0-alpine3.19 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n");
    assertThat(problems(admin().healthPath("/health"))).hasSize(1);
  }

  // ---- migrations ----

  @Test
  void migrationsFolderThatDoesNotExist() {
    assertThat(problems(ShopFixture.db().migrations("sql"))).containsExactly("service 'db': migrations folder 'sql' does"
        + " not exist (looked for " + at("sql") + "); fix: create it, or point .migrations(…) at the folder of Flyway"
        + " migrations (V1__create_users.sql, …), relative to the spec's folder");
  }

  @Test
  void flywayNamesItAcceptsAndFilesItIgnores() throws IOException {
    for (String name : new String[] {"V1_1__add_index.sql", "V1.2__more.sql", "V2.sql", "V3__.sql", "V2024.01.15__dated.SQL",
        "R__views.sql", "R.sql", "B5__baseline.sql", "beforeMigrate.sql", "afterMigrate__grants.sql", "README.md",
        ".DS_Store", "V1__notes.txt", "old/V7__in_a_subfolder.sql"}) {
      write("db/migrations/" + name, "");
    }
    assertThat(problems(new ShopFixture())).isEmpty();
  }

  @Test
  void everyMisnamedMigrationIsOneProblem() throws IOException {
    for (String name : new String[] {"1__no_prefix.sql", "v2__lower_case.sql", "V3_missing_separator.sql",
        "V4.__dot.sql", "R1__versioned_repeatable.sql", "create users.sql"}) {
      write("db/migrations/" + name, "");
    }
    String rule = " does not follow Flyway's naming (V<version>__<description>.sql or R__<description>.sql),"
        + " so Flyway refuses to migrate; fix: rename it, e.g. to ";
    String version = ", with a version such as 1, 1.1 or 1_1";
    assertThat(problems(new ShopFixture())).containsExactly(
        "service 'db': migration 'db/migrations/1__no_prefix.sql'" + rule + "V<version>__no_prefix.sql" + version,
        "service 'db': migration 'db/migrations/R1__versioned_repeatable.sql'" + rule + "V<version>__versioned_repeatable.sql" + version,
        "service 'db': migration 'db/migrations/V3_missing_separator.sql'" + rule + "V<version>__missing_separator.sql" + version,
        "service 'db': migration 'db/migrations/V4.__dot.sql'" + rule + "V<version>__dot.sql" + version,
        "service 'db': migration 'db/migrations/create users.sql'" + rule + "V<version>__create_users.sql" + version,
        "service 'db': migration 'db/migrations/v2__lower_case.sql'" + rule + "V<version>__lower_case.sql" + version);
  }

  @Test
  void undoMigrationNeedsFlywayTeams() throws IOException {
    write("db/migrations/U1__drop_users.sql", "");
    assertThat(problems(new ShopFixture())).containsExactly("service 'db': migration 'db/migrations/U1__drop_users.sql' is"
        + " an undo migration, which only Flyway Teams runs; the community edition Parity runs refuses it;"
        + " fix: remove it; to revert a change, add a new versioned migration");
  }

  @Test
  void twoMigrationsOfTheSameVersion() throws IOException {
    write("db/migrations/V1.0__create_orders.sql", "");
    assertThat(problems(new ShopFixture())).containsExactly("service 'db': migrations 'db/migrations/V1.0__create_orders.sql'"
        + " and 'db/migrations/V1__create_users.sql' both have version 1; fix: give each versioned migration its own version");
  }

  // ---- bind mounts ----

  @Test
  void bindMountSourceThatDoesNotExist() throws IOException {
    write("proxy/nginx.conf", "");
    Container proxy = Container.of("proxy", "nginx:1.25.4").port(80).hostPort(8080).options(o -> o
        .mount(Mount.bind("proxy/nginx.conf", "/etc/nginx/nginx.conf").readOnly())
        .mount(Mount.bind("proxy/certs", "/etc/nginx/certs").readOnly()));
    assertThat(problems(proxy)).containsExactly("service 'proxy': bind mount source 'proxy/certs' does not exist (looked"
        + " for " + at("proxy/certs") + "); fix: create it beside the spec, or point Mount.bind(…) at the file or folder to mount");
  }
}
