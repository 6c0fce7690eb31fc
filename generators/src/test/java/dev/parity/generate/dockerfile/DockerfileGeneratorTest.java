package dev.parity.generate.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileGeneratorTest {

  private static List<GeneratedFile> generate(Stack stack) {
    return new DockerfileGenerator().generate(Fixtures.context(stack));
  }

  private static String file(List<GeneratedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
  }

  @Test
  void nodeAppMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.shop().build());
    assertThat(files).extracting(GeneratedFile::path).containsExactly("web/Dockerfile", "web/Dockerfile.dockerignore");
    Golden.assertMatches("dockerfile/shop/web/Dockerfile", file(files, "web/Dockerfile"));
    Golden.assertMatches("dockerfile/shop/web/Dockerfile.dockerignore", file(files, "web/Dockerfile.dockerignore"));
  }

  @Test
  void everyVolumePathAnAppMountsIsCreatedOwnedByTheUserItRunsAs() {
    dev.parity.core.Stack stack = dev.parity.core.Stack.named("shop")
        .service(dev.parity.core.App.node("web", "node:20.11.0-alpine3.19").source("app").port(3000)
            .start("node", "server.js")
            .options(o -> o.mount(dev.parity.core.Mount.volume("uploads", "/app/uploads"))
                .mount(dev.parity.core.Mount.anonymous("/app/cache/tiles/z0"))))
        .environment(dev.parity.core.Environment.local())
        .build();
    List<String> lines = file(generate(stack), "web/Dockerfile").lines()
        .filter(l -> l.startsWith("RUN [") || l.startsWith("USER ")).toList();
    assertThat(lines).containsExactly(
        "RUN [\"mkdir\", \"-p\", \"/app/cache/tiles/z0\", \"/app/uploads\"]",
        "RUN [\"chown\", \"node\", \"/app/cache/tiles/z0\", \"/app/uploads\"]",
        "USER node");
  }

  @Test
  void jvmAppMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.orders().build());
    Golden.assertMatches("dockerfile/orders/api/Dockerfile", file(files, "api/Dockerfile"));
    Golden.assertMatches("dockerfile/orders/api/Dockerfile.dockerignore", file(files, "api/Dockerfile.dockerignore"));
  }

  @Test
  void buildsMatchGoldensAndTheOwnDockerfileAppGetsNone() {
    List<GeneratedFile> files = generate(Fixtures.builds().build());
    assertThat(files).extracting(GeneratedFile::path).containsExactly("api/Dockerfile", "api/Dockerfile.dockerignore",
        "web/Dockerfile", "web/Dockerfile.dockerignore");
    files.forEach(f -> Golden.assertMatches("dockerfile/builds/" + f.path(), f.content()));
  }

  @Test
  void mavenBuildCopiesTheWrapperAndPomBeforeTheSources() {
    List<String> lines = file(generate(Fixtures.builds().build()), "api/Dockerfile").lines()
        .filter(l -> l.startsWith("FROM ") || l.startsWith("COPY ") || l.startsWith("RUN ") || l.startsWith("USER ")
            || l.startsWith("CMD "))
        .toList();
    assertThat(lines).containsExactly(
        "FROM eclipse-temurin:17.0.13_11-jdk-jammy AS build",
        "COPY mvnw pom.xml ./",
        "COPY .mvn/ .mvn/",
        "RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline",
        "COPY src/ src/",
        "RUN ./mvnw -B -DskipTests package \\",
        "FROM eclipse-temurin:17.0.13_11-jre-jammy",
        "RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*",
        "RUN mkdir -p /opt/parity && printf '%s' '\\",
        "COPY --from=build /build/app.jar /app/app.jar",
        "USER 10001:10001",
        "CMD [\"java\", \"-jar\", \"/app/app.jar\"]");
  }

  @Test
  void mavenBuildKeepsTheWrapperInTheBuildContext() {
    String ignore = file(generate(Fixtures.builds().build()), "api/Dockerfile.dockerignore");
    assertThat(ignore.lines()).contains("target", ".git").doesNotContain(".mvn", "mvnw", "src", "pom.xml", "*");
  }

  @Test
  void developmentCommandGivesADevelopmentStageAndAProductionStageLast() {
    String dockerfile = file(generate(Fixtures.builds().build()), "web/Dockerfile");
    assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")))
        .containsExactly("FROM node:20.11.0-alpine3.19 AS base", "FROM base AS development", "FROM base AS production");
    String development = dockerfile.substring(dockerfile.indexOf("FROM base AS development"),
        dockerfile.indexOf("FROM base AS production"));
    String production = dockerfile.substring(dockerfile.indexOf("FROM base AS production"));
    assertThat(development).contains("RUN npm ci && npm cache clean --force", "CMD [\"npm\", \"run\", \"dev\"]",
        "ENV NODE_ENV=development", "USER node").doesNotContain("--omit=dev");
    assertThat(production).contains("RUN npm ci --omit=dev && npm cache clean --force", "CMD [\"node\", \"server.js\"]",
        "ENV NODE_ENV=production", "USER node").doesNotContain("npm run dev");
  }

  @Test
  void nodeCopiesEitherLockFile() {
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.builds().build())) {
      assertThat(file(generate(stack), "web/Dockerfile"))
          .contains("COPY --chown=node package.json package-lock.json* npm-shrinkwrap.json* ./\n");
    }
  }

  @Test
  void cmdStaysInExecFormAndTheCommentFollowsTheInitSetting() {
    Stack withoutInit = Fixtures.shop().service(App.node("worker", "node:20.11.0-alpine3.19").source("worker")
        .port(3001).start("node", "worker.js").options(o -> o.init(false))).build();
    List<GeneratedFile> files = generate(withoutInit);
    // Alpine: apk's tini in /sbin
    assertThat(file(files, "web/Dockerfile")).contains("RUN apk add --no-cache tini\n",
        "ENTRYPOINT [\"/sbin/tini\", \"--\"]\n", "tini (the ENTRYPOINT) runs the app as its child");
    assertThat(file(files, "worker/Dockerfile")).contains("the spec turns the init process off")
        .doesNotContain("tini");
    for (GeneratedFile f : generate(Fixtures.builds().build())) {
      f.content().lines().filter(l -> l.startsWith("CMD ")).forEach(l -> assertThat(l).matches("CMD \\[\".*\"\\]"));
    }
  }

  @Test
  void bakesNoConfigValueIntoTheImage() {
    String dockerfile = file(generate(Fixtures.shop().build()), "web/Dockerfile");
    assertThat(dockerfile).doesNotContain("LOG_LEVEL", "DB_HOST", "DB_PASSWORD", "debug");
    assertThat(dockerfile.lines().filter(l -> l.startsWith("ENV "))).containsExactly("ENV NODE_ENV=production");
  }

  @Test
  void nodeHealthcheckOnlyWithHealthPath() {
    Stack withoutHealth = Fixtures.shop().service(App.node("worker", "node:20.11.0-alpine3.19").source("worker")
        .port(3001).start("node", "worker.js")).build();
    List<GeneratedFile> files = generate(withoutHealth);
    assertThat(file(files, "web/Dockerfile")).contains("HEALTHCHECK");
    assertThat(file(files, "worker/Dockerfile")).doesNotContain("HEALTHCHECK").contains("CMD [\"node\", \"worker.js\"]");
  }

  @Test
  void jarPathWithSpacesIsCopiedInJsonForm() {
    assertThat(DockerfileGenerator.jarCopy("target/api.jar")).isEqualTo("target/api.jar /app/app.jar");
    assertThat(DockerfileGenerator.jarCopy("build/my app.jar")).isEqualTo("[\"build/my app.jar\", \"/app/app.jar\"]");
  }

  @Test
  void dockerignorePatternMatchesOnlyThePath() {
    assertThat(DockerfileGenerator.ignorePattern("target/a[1]*.jar")).isEqualTo("target/a\\[1\\]\\*.jar");
  }
}
