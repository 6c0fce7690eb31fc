package dev.parity.runtime;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.portOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.DockerOps;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --with-apps}: a JVM app built from its generated Dockerfile runs on the stack's network. */
class WithAppsIT {

  private static final String STACK = "it-apps";

  private static final String SERVER = """
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;
      import java.nio.charset.StandardCharsets;

      public final class Server {
        public static void main(String[] args) throws Exception {
          HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
          server.createContext("/health", x -> answer(x, "ok"));
          server.createContext("/config", x -> answer(x, System.getenv("DB_HOST") + ":" + System.getenv("DB_PORT")
              + " secret:" + (System.getenv("DB_PASSWORD") == null ? 0 : System.getenv("DB_PASSWORD").length())));
          server.start();
        }

        static void answer(com.sun.net.httpserver.HttpExchange x, String text) throws java.io.IOException {
          byte[] body = text.getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        }
      }
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
  void aJvmAppIsBuiltFromItsGeneratedDockerfileAndGetsTheInNetworkConfig() throws Exception {
    docker = TestStacks.docker();
    jar(project.resolve("app.jar"));
    Stack.Builder b = Stack.named(STACK)
        .service(App.jvm("api", TestStacks.JRE).jar("app.jar").port(8080).healthPath("/health").dependsOn("db")
            .uses("DB_HOST", "DB_PORT", "DB_PASSWORD"))
        .service(Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES).password("DB_PASSWORD"))
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
        .config(ConfigKey.integer("DB_PORT").value(portOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local());
    Stack stack = TestStacks.variant(b, "db", TestStacks.POSTGRES).build();

    try (RunningStack running = LocalStack.of(stack)
        .start(StackOptions.defaults().fixedPorts(false).keepVolumes(false).withApps(true).projectFolder(project))) {
      HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + running.port("api") + "/config")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(config.body()).isEqualTo("db:5432 secret:24");
      assertThat(running.config()).containsEntry("DB_HOST", "127.0.0.1");
      assertThat(docker.containers(StackLabels.forService(STACK, "local", "api"))).hasSize(1);
    }
    assertThat(TestStacks.containers(docker, STACK)).isZero();
  }

  @Test
  void twoStacksSharingAnImageRepositoryKeepTheirOwnImageAndTheDocumentedCleanupRemovesThem() throws Exception {
    docker = TestStacks.docker();
    jar(project.resolve("app.jar"));
    String other = STACK + "-other";
    try {
      for (String name : List.of(STACK, other)) {
        Stack stack = Stack.named(name)
            .service(App.jvm("api", TestStacks.JRE).jar("app.jar").port(8080).healthPath("/health")
                .imageRepository("ghcr.io/acme/it-shared-api"))
            .environment(Environment.local()).build();
        LocalStack.of(stack).start(StackOptions.defaults().fixedPorts(false).withApps(true).projectFolder(project))
            .close();
      }
      assertThat(images(STACK)).containsExactly(STACK + "-api:local");
      assertThat(images(other)).containsExactly(other + "-api:local");

      // docs/local-stack.md, "Labels, down and status"
      Process prune = new ProcessBuilder("docker", "image", "prune", "--all", "--force", "--filter",
          "label=dev.parity.stack=" + STACK).redirectErrorStream(true).start();
      String output = new String(prune.getInputStream().readAllBytes());
      assertThat(prune.waitFor()).as(output).isZero();

      assertThat(images(STACK)).isEmpty();
      assertThat(images(other)).containsExactly(other + "-api:local");
    } finally {
      new ProcessBuilder("docker", "image", "prune", "--all", "--force", "--filter",
          "label=dev.parity.stack=" + other).start().waitFor();
      docker.removeAll(Map.of(StackLabels.STACK, other));
    }
  }

  private static List<String> images(String stack) throws java.io.IOException {
    try (com.github.dockerjava.api.DockerClient client = dev.parity.runtime.internal.DockerProbe.connect()) {
      return images(client, stack);
    }
  }

  private static List<String> images(com.github.dockerjava.api.DockerClient client, String stack) {
    return client.listImagesCmd().withLabelFilter(Map.of(StackLabels.STACK, stack)).exec().stream()
        .flatMap(i -> i.getRepoTags() == null ? java.util.stream.Stream.<String>empty()
            : java.util.Arrays.stream(i.getRepoTags()))
        .filter(tag -> !tag.equals("<none>:<none>"))   // earlier builds' untagged layers
        .toList();
  }

  /** A runnable jar of {@link #SERVER}, compiled here so that no other build is needed. */
  static void jar(Path jar) throws Exception {
    Path src = Files.createDirectories(jar.resolveSibling("server-src"));
    Files.writeString(src.resolve("Server.java"), SERVER);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", src.toString(),
        src.resolve("Server.java").toString());
    assertThat(rc).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Server");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      for (Path cls : List.of(src.resolve("Server.class"))) {
        jarOut.putNextEntry(new JarEntry(cls.getFileName().toString()));
        jarOut.write(Files.readAllBytes(cls));
        jarOut.closeEntry();
      }
    }
  }
}
