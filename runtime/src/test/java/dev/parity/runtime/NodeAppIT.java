package dev.parity.runtime;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.urlOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.ImageRef;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.DockerOps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --with-apps} for a Node.js app: the generated Dockerfile (manifests first, {@code npm ci
 * --omit=dev}, non-root user, Node's own fetch as HEALTHCHECK) builds on the Node stand-in image,
 * and the app gets its config on the stack's network.
 */
class NodeAppIT {

  private static final String STACK = "it-node";
  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:20.11.0-alpine3.19");

  private static final String SERVER = """
      'use strict';
      const http = require('node:http');
      const missing = ['DB_HOST', 'DB_PASSWORD', 'REDIS_URL'].filter((key) => !process.env[key]);
      if (missing.length > 0) {
        console.error(`missing: ${missing.join(', ')}`);
        process.exit(1);
      }
      http.createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(req.url === '/health' ? 'ok'
            : `${process.env.DB_HOST} ${process.env.REDIS_URL} ${process.env.DB_PASSWORD.length} ${process.getuid()}`);
      }).listen(3000);
      """;

  @TempDir
  Path project;

  private DockerOps docker;

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
    }
  }

  @Test
  void aNodeAppIsBuiltFromItsGeneratedDockerfileAndRunsAsANonRootUser() throws Exception {
    docker = TestStacks.docker();
    Path app = Files.createDirectories(project.resolve("app"));
    Files.writeString(app.resolve("package.json"), "{\"name\":\"it-node\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(app.resolve("package-lock.json"), "{\"name\":\"it-node\",\"version\":\"1.0.0\",\"lockfileVersion\":3,"
        + "\"requires\":true,\"packages\":{\"\":{\"name\":\"it-node\",\"version\":\"1.0.0\"}}}\n");
    Files.writeString(app.resolve("server.js"), SERVER);
    Stack.Builder b = Stack.named(STACK)
        .service(App.node("web", NODE).source("app").port(3000).healthPath("/health").dependsOn("db", "cache")
            .uses("DB_HOST", "DB_PASSWORD", "REDIS_URL"))
        .service(Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .password("DB_PASSWORD"))
        .service(Redis.of("cache", TestStacks.version(TestStacks.REDIS)).image(TestStacks.REDIS))
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .environment(Environment.local());
    TestStacks.variant(b, "db", TestStacks.POSTGRES);
    TestStacks.variant(b, "cache", TestStacks.REDIS);
    Stack stack = b.build();
    assertThat(ImageRef.parse(NODE).isPinned()).isTrue();

    try (RunningStack running = LocalStack.of(stack)
        .start(StackOptions.defaults().fixedPorts(false).keepVolumes(false).withApps(true).projectFolder(project))) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + running.port("web") + "/")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).matches("db redis://cache:6379 24 [1-9][0-9]*");
    }
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }
}
