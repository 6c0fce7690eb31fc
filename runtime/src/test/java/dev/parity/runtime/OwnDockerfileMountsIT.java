package dev.parity.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.Mount;
import dev.parity.core.ParityException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 4, for an app built from the team's own Dockerfile, which Parity does not write: {@code parity up}
 * reads the built image's {@code USER} and the owner and mode of each writable volume path in it, and refuses, before
 * the app starts, a path that user cannot write, naming the app, the path, the user and the Dockerfile line that
 * fixes it. A path the image leaves world-writable, one owned by the user, and a read-only mount pass.
 */
class OwnDockerfileMountsIT {

  private static final String STACK = "it-own-mounts";
  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:20.11.0-alpine3.19");
  private static final String SERVER = """
      const fs = require('node:fs');
      const lines = [];
      for (const dir of ['/app/uploads', '/app/data', '/srv/shared', '/app/ok']) {
        try { fs.writeFileSync(dir + '/probe', 'x'); lines.push(`write ${dir}: ok`); }
        catch (e) { lines.push(`write ${dir}: ${e.code}`); }
      }
      require('node:http').createServer((q, s) => s.end(q.url === '/health' ? 'ok' : lines.join('\\n'))).listen(3000);
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
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      docker.removeVolumes(Map.of(StackLabels.STACK, STACK));
    }
  }

  private Stack stack(String run) throws Exception {
    Path files = Files.createDirectories(project.resolve("files"));
    Files.writeString(files.resolve("server.js"), SERVER);
    Files.writeString(files.resolve("Dockerfile"), "FROM " + NODE + "\nWORKDIR /app\n" + run + "\n"
        + "COPY server.js ./\nUSER node\nCMD [\"node\", \"server.js\"]\n");
    return Stack.named(STACK)
        .service(App.dockerfile("files").source("files").port(3000).healthPath("/health")
            .options(o -> o.mount(Mount.volume("uploads", "/app/uploads"))
                .mount(Mount.volume("data", "/app/data"))
                .mount(Mount.anonymous("/srv/shared"))
                .mount(Mount.volume("ok", "/app/ok"))
                .mount(Mount.volume("reference", "/srv/reference").readOnly())))
        .environment(Environment.local()).build();
  }

  private StackOptions options() {
    return StackOptions.defaults().fixedPorts(false).keepVolumes(false).withApps(true).projectFolder(project);
  }

  @Test
  void pathsTheImagesUserCannotWriteAreRefusedWithTheLineThatFixesThem() throws Exception {
    Stack stack = stack("RUN mkdir -p /app/data /srv/shared /app/ok && chown node /app/ok && chmod 1777 /srv/shared");

    ParityException e = catchThrowableOfType(ParityException.class, () -> LocalStack.of(stack).start(options()));

    assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
    assertThat(e.getMessage()).isEqualTo("app 'files' runs as user 'node' (uid 1000) of its Dockerfile files/Dockerfile,"
        + " which cannot write to the volumes it mounts:\n"
        + "  /app/uploads does not exist in the image, so Docker creates the volume owned by root; add `RUN mkdir -p"
        + " /app/uploads && chown node /app/uploads` before `USER node`\n"
        + "  /app/data is owned by uid 0 (mode 755) in the image; add `RUN mkdir -p /app/data && chown node /app/data`"
        + " before `USER node`\n"
        + "Parity does not change a team's Dockerfile; a volume created before the fix keeps its owner (parity down"
        + " --volumes removes it).\n"
        + "Everything this run started was removed.");
    assertThat(TestStacks.containers(docker, STACK)).isZero();
    assertThat(docker.containers(Map.of(StackLabels.STACK, STACK))).isEmpty();
  }

  @Test
  void withTheFixTheAppStartsAndWritesIntoEachVolume() throws Exception {
    Stack stack = stack("RUN mkdir -p /app/uploads /app/data /srv/shared /app/ok"
        + " && chown node /app/uploads /app/data /app/ok && chmod 1777 /srv/shared");

    try (RunningStack running = LocalStack.of(stack).start(options())) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + running.port("files") + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.body().lines()).containsExactly("write /app/uploads: ok", "write /app/data: ok",
          "write /srv/shared: ok", "write /app/ok: ok");
    }
  }
}
