package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
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
 * Issue 22, class 4, under {@code parity up --with-apps}: the app runs as the non-root user of its generated image
 * and writes into each volume it declares (a named one, and an anonymous one at a nested path), which Docker used to
 * create root-owned; a read-only mount stays read-only.
 */
class AppMountsIT {

  private static final String STACK = "it-app-mounts";
  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:20.11.0-alpine3.19");

  private static final String SERVER = """
      'use strict';
      const fs = require('node:fs');
      const lines = [];
      for (const dir of ['/app/uploads', '/app/cache/tiles', '/srv/reference']) {
        try {
          fs.writeFileSync(dir + '/probe', 'x');
          lines.push(`write ${dir}: ok as uid ${process.getuid()}`);
        } catch (e) {
          lines.push(`write ${dir}: ${e.code}`);
        }
      }
      require('node:http').createServer((req, res) => res.end(req.url === '/health' ? 'ok' : lines.join('\\n')))
          .listen(3000);
      """;

  @TempDir
  Path project;

  private DockerOps docker;

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      docker.removeVolumes(Map.of(StackLabels.STACK, STACK));
    }
  }

  @Test
  void theAppUserWritesIntoItsNamedAndNestedAnonymousVolumes() throws Exception {
    docker = TestStacks.docker();
    Path app = Files.createDirectories(project.resolve("app"));
    Files.writeString(app.resolve("package.json"), "{\"name\":\"it-mounts\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(app.resolve("package-lock.json"), "{\"name\":\"it-mounts\",\"version\":\"1.0.0\","
        + "\"lockfileVersion\":3,\"requires\":true,\"packages\":{\"\":{\"name\":\"it-mounts\",\"version\":\"1.0.0\"}}}\n");
    Files.writeString(app.resolve("server.js"), SERVER);
    Stack stack = Stack.named(STACK)
        .service(App.node("web", NODE).source("app").port(3000).healthPath("/health")
            .options(o -> o.mount(Mount.volume("uploads", "/app/uploads"))
                .mount(Mount.anonymous("/app/cache/tiles"))
                .mount(Mount.volume("reference", "/srv/reference").readOnly())))
        .environment(Environment.local()).build();

    try (RunningStack running = LocalStack.of(stack)
        .start(StackOptions.defaults().fixedPorts(false).keepVolumes(false).withApps(true).projectFolder(project))) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + running.port("web") + "/")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.body().lines()).containsExactly("write /app/uploads: ok as uid 1000",
          "write /app/cache/tiles: ok as uid 1000", "write /srv/reference: EROFS");
    }
  }
}
