package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.Stack;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Templates;
import dev.parity.generate.dockerfile.DockerfileGenerator;
import dev.parity.runtime.internal.DockerOps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --with-apps} for the app kinds beside the generated ones: the team's own Dockerfile (local
 * target, build args), a Node.js development run, and a Maven build whose JDK image is missing.
 */
class AppKindsIT {

  private static final String STACK = "it-kinds";
  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:20.11.0-alpine3.19");

  /** Answers with GREETING, the stage it was started as, and message.txt as it is on disk now. */
  private static final String SERVER = """
      'use strict';
      const fs = require('node:fs');
      require('node:http').createServer((req, res) => {
        res.end(`${process.env.GREETING} ${process.argv[2]} ${fs.readFileSync(__dirname + '/message.txt', 'utf8')}`);
      }).listen(3000);
      """;

  @TempDir
  Path project;

  private DockerOps docker;

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) { // null when the test was skipped for want of Docker
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
    }
  }

  private Path nodeSource(String folder) throws Exception {
    Path app = Files.createDirectories(project.resolve(folder));
    Files.writeString(app.resolve("package.json"), "{\"name\":\"it-kinds\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(app.resolve("package-lock.json"), "{\"name\":\"it-kinds\",\"version\":\"1.0.0\",\"lockfileVersion\":3,"
        + "\"requires\":true,\"packages\":{\"\":{\"name\":\"it-kinds\",\"version\":\"1.0.0\"}}}\n");
    Files.writeString(app.resolve("server.js"), SERVER);
    Files.writeString(app.resolve("message.txt"), "built");
    return app;
  }

  private StackOptions options() {
    return StackOptions.defaults().fixedPorts(false).keepVolumes(false).withApps(true).projectFolder(project);
  }

  private static String get(RunningStack running, String app) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port(app)
        + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void anOwnDockerfileIsBuiltAtItsLocalTargetWithItsBuildArgs() throws Exception {
    Path front = nodeSource("front");
    Files.createDirectories(front.resolve("docker"));
    Files.writeString(front.resolve("docker/app.Dockerfile"), """
        FROM %s AS base
        WORKDIR /srv
        ARG GREETING=none
        ENV GREETING=$GREETING
        COPY server.js message.txt ./
        FROM base AS development
        CMD ["node", "server.js", "development"]
        FROM base AS production
        CMD ["node", "server.js", "production"]
        """.formatted(NODE));
    Stack stack = Stack.named(STACK)
        .service(App.dockerfile("front").source("front").dockerfilePath("docker/app.Dockerfile").port(3000)
            .target("production").localTarget("development").buildArg("GREETING", "hello"))
        .environment(Environment.local()).build();

    try (RunningStack running = LocalStack.of(stack).start(options())) {
      assertThat(get(running, "front")).isEqualTo("hello development built");
    }
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }

  @Test
  void aDevelopmentRunUsesTheDevelopmentStageItsCommandAndTheLiveSource() throws Exception {
    Path web = nodeSource("web");
    App app = App.node("web", NODE).source("web").port(3000).developmentCommand("node", "server.js", "dev");
    Stack stack = Stack.named(STACK).service(app).environment(Environment.local()).build();
    String dockerfile = new DockerfileGenerator().generate(new GenerationContext(stack, STACK, "..", "deploy",
        Templates.builtIn())).stream().map(GeneratedFile::content).findFirst().orElseThrow();

    if (!dockerfile.contains(" AS development")) {
      // The generated Dockerfile has no development stage yet: the build names the stage it looked for.
      assertThatThrownBy(() -> LocalStack.of(stack).start(options())).isInstanceOfSatisfying(ParityException.class,
          e -> assertThat(e.getMessage()).startsWith("building app 'web' from its generated Dockerfile (target stage"
              + " 'development') failed: ").contains("--target development web`"));
      assertThat(TestStacks.containers(docker, STACK)).isZero();
      return;
    }
    try (RunningStack running = LocalStack.of(stack).start(options())) {
      assertThat(get(running, "web")).endsWith(" dev built");
      Files.writeString(web.resolve("message.txt"), "edited");
      assertThat(get(running, "web")).endsWith(" dev edited");
    }
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }

  @Test
  void aMavenBuildWhoseJdkImageIsMissingFailsNamingItAndLeavesNothing() throws Exception {
    Files.createDirectories(project.resolve("api"));
    Files.writeString(project.resolve("api/mvnw"), "#!/bin/sh\n");
    Files.writeString(project.resolve("api/pom.xml"), "<project/>\n");
    String jdk = "eclipse-temurin:17.0.99_1-jdk";
    Stack stack = Stack.named(STACK)
        .service(App.jvm("api", TestStacks.JRE).mavenBuild(jdk).source("api").port(8080))
        .environment(Environment.local()).build();

    assertThatThrownBy(() -> LocalStack.of(stack).start(options())).isInstanceOfSatisfying(ParityException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_UNAVAILABLE);
      assertThat(e.getMessage()).startsWith("image '" + jdk + "' of service 'api' is not on this machine and cannot"
          + " be pulled: ").endsWith("Everything this run started was removed.");
    });
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }
}
