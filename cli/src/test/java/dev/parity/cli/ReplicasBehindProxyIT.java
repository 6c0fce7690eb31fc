package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.parity.core.ImageRef;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import dev.parity.runtime.internal.DockerProbe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance stack of issue 7: {@code parity up --with-apps} runs two replicas of a Node.js app
 * behind an nginx proxy with a bind-mounted config, beside PostgreSQL (on a named volume) and
 * Redis, on two declared networks; secrets reach only the services that use them; {@code down}
 * keeps the named volume like compose, {@code down --volumes} leaves nothing.
 */
class ReplicasBehindProxyIT {

  private static final String STACK = "it-proxy";
  /** nginx from Debian's packages on the CI base image: there is no registry to pull the official one from. */
  private static final String NGINX = "parity-it/nginx:1.22.1";
  private static final String NODE = env("PARITY_CI_NODE_IMAGE", "node:20.11.0-alpine3.19");

  private static final String SERVER = """
      'use strict';
      const fs = require('node:fs');
      const http = require('node:http');
      const os = require('node:os');
      http.createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(req.url === '/token' ? fs.readFileSync('/run/secrets/api_token', 'utf8') : os.hostname());
      }).listen(3000);
      """;

  private static final String NGINX_CONF = """
      pid /run/nginx.pid;
      error_log stderr;
      events {}
      http {
        access_log off;
        upstream web {
          server web:3000;
        }
        server {
          listen 80;
          location / {
            proxy_pass http://web;
          }
        }
      }
      """;

  @TempDir
  Path project;

  private DockerOps docker;
  private DockerClient client;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    docker = TestStacks.docker();
    client = DockerProbe.connect();
    buildNginx();
    Path web = Files.createDirectories(project.resolve("web"));
    Files.writeString(web.resolve("package.json"), "{\"name\":\"it-proxy\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(web.resolve("package-lock.json"), "{\"name\":\"it-proxy\",\"version\":\"1.0.0\",\"lockfileVersion\":3,"
        + "\"requires\":true,\"packages\":{\"\":{\"name\":\"it-proxy\",\"version\":\"1.0.0\"}}}\n");
    Files.writeString(web.resolve("server.js"), SERVER);
    Files.createDirectories(project.resolve("proxy"));
    Files.writeString(project.resolve("proxy/nginx.conf"), NGINX_CONF);
    Files.writeString(project.resolve("ProxySpec.java"), spec());
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      docker.removeVolumes(Map.of(StackLabels.STACK, STACK));
    }
  }

  private void buildNginx() throws Exception {
    if (docker.hasImage(NGINX)) {
      return;
    }
    Path context = Files.createDirectories(project.resolve("nginx-image"));
    Files.writeString(context.resolve("Dockerfile"), "FROM " + env("PARITY_CI_BASE_IMAGE", "debian:bookworm-slim") + "\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends nginx-light && rm -rf /var/lib/apt/lists/*\n"
        + "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    client.buildImageCmd(context.toFile()).withTags(Set.of(NGINX)).withPull(false).withRemove(true)
        .exec(new BuildImageResultCallback()).awaitImageId();
  }

  private static String spec() {
    return """
        import dev.parity.core.*;
        import static dev.parity.core.ConfigValue.*;

        public final class ProxySpec implements ParitySpec {
          @Override
          public Stack stack() {
            Stack.Builder b = Stack.named("%s")
                .network(Network.named("front"))
                .network(Network.named("back"))
                .service(Container.of("proxy", "%s").port(80).dependsOn("web")
                    .options(o -> o.mount(Mount.bind("proxy/nginx.conf", "/etc/nginx/nginx.conf").readOnly())
                        .command("nginx", "-g", "daemon off;").secretEnv("PROXY_TOKEN", "ADMIN_TOKEN")
                        .restart(Restart.UNLESS_STOPPED).hostname("edge").networks("front", "back")))
                .service(App.node("web", "%s").source("web").port(3000).localReplicas(2).dependsOn("db", "cache")
                    .uses("DB_HOST", "DB_PASSWORD", "REDIS_URL")
                    .options(o -> o.secretFile("API_TOKEN").networks("back")))
                .service(Postgres.of("db", "%s").image("%s").password("DB_PASSWORD")
                    .options(o -> o.mount(Mount.volume("pgdata", "/var/lib/postgresql/data"))
                        .command("-c", "max_connections=50").networks("back")))
                .service(Redis.of("cache", "%s").image("%s").options(o -> o.networks("back")))
                .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
                .config(ConfigKey.secret("DB_PASSWORD"))
                .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
                .config(ConfigKey.secret("API_TOKEN"))
                .config(ConfigKey.secret("ADMIN_TOKEN"))
                .environment(Environment.local());
            %s
            %s
            return b.build();
          }
        }
        """.formatted(STACK, NGINX, NODE, TestStacks.version(TestStacks.POSTGRES), TestStacks.POSTGRES,
        TestStacks.version(TestStacks.REDIS), TestStacks.REDIS, deviation("db", TestStacks.POSTGRES),
        deviation("cache", TestStacks.REDIS));
  }

  private static String deviation(String service, String image) {
    return ImageRef.parse(image).tag().orElseThrow().equals(TestStacks.version(image)) ? ""
        : "b.deviation(Deviation.of(\"" + service + "\").in(\"local\").differs(\"runs " + image
            + "\").because(\"CI stand-in\"));";
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private int run(String... args) {
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void twoReplicasBehindTheProxyAnswerSecretsReachOnlyTheirServicesAndDownVolumesLeavesNothing() throws Exception {
    String spec = project.resolve("ProxySpec.java").toString();

    assertThat(run("up", "--spec", spec, "--detach", "--random-ports", "--with-apps", "--timeout", "90"))
        .as(out + "\n" + err).isEqualTo(0);

    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).contains("] web          starting   it-proxy-web:local (replica 2 of 2)",
        "Config for app 'web' (local):\n  DB_HOST=127.0.0.1\n  DB_PASSWORD=<generated, in the env file>\n"
            + "  REDIS_URL=redis://127.0.0.1:");
    String envFile = Files.readString(project.resolve(".parity/local.web.env"));
    assertThat(envFile).contains("DB_HOST=127.0.0.1\n").containsPattern("\nDB_PASSWORD=[A-Za-z0-9]{24}\n")
        .doesNotContain("API_TOKEN", "ADMIN_TOKEN");

    // two replicas, one alias: the proxy reaches both
    List<Container> web = docker.containers(Map.of(StackLabels.STACK, STACK, StackLabels.SERVICE, "web"));
    assertThat(web).extracting(c -> c.getNames()[0]).allMatch(n -> n.matches("/parity-it-proxy-local-[a-z0-9]+-web-[12]"))
        .hasSize(2);
    assertThat(web).allMatch(c -> DockerOps.ports(c).isEmpty());
    int proxyPort = proxyPort();
    HttpClient http = HttpClient.newHttpClient();
    Set<String> hostnames = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + "/"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      hostnames.add(answer.body());
    }
    assertThat(hostnames).hasSize(2);
    Set<String> replicaHosts = new HashSet<>();
    web.forEach(c -> replicaHosts.add(inspect(c).getConfig().getHostName()));
    assertThat(hostnames).isEqualTo(replicaHosts);

    // the secret file, read by the app's non-root user through the proxy
    HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + "/token"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(token.body()).matches("[A-Za-z0-9]{24}");

    // secrets reach only the services that use them
    List<String> webEnv = Arrays.asList(inspect(web.get(0)).getConfig().getEnv());
    assertThat(webEnv).anyMatch(e -> e.matches("DB_PASSWORD=[A-Za-z0-9]{24}")).contains("DB_HOST=db",
        "REDIS_URL=redis://cache:6379").noneMatch(e -> e.startsWith("PROXY_TOKEN=") || e.startsWith("ADMIN_TOKEN=")
            || e.startsWith("API_TOKEN="));
    InspectContainerResponse proxy = inspect(service("proxy"));
    assertThat(Arrays.asList(proxy.getConfig().getEnv())).anyMatch(e -> e.matches("PROXY_TOKEN=[A-Za-z0-9]{24}"))
        .noneMatch(e -> e.contains("DB_PASSWORD") || e.contains(token.body()));
    assertThat(proxy.getConfig().getHostName()).isEqualTo("edge");
    assertThat(proxy.getHostConfig().getRestartPolicy().getName()).isEqualTo("unless-stopped");
    assertThat(proxy.getNetworkSettings().getNetworks()).hasSize(2);
    InspectContainerResponse db = inspect(service("db"));
    assertThat(Arrays.asList(db.getConfig().getEnv())).anyMatch(e -> e.matches("POSTGRES_PASSWORD=[A-Za-z0-9]{24}"))
        .noneMatch(e -> e.contains("TOKEN"));
    assertThat(db.getConfig().getCmd()).containsExactly("-c", "max_connections=50");
    // the declared data volume of the database, and Redis's default one (<service>-data, as in compose)
    assertThat(docker.volumes(Map.of(StackLabels.STACK, STACK))).containsExactly("it-proxy-local-cache-data",
        "it-proxy-local-pgdata");

    // down keeps the named volume, like compose; down --volumes removes it
    out.getBuffer().setLength(0);
    assertThat(run("down", "--spec", spec)).isEqualTo(0);
    assertThat(out.toString()).startsWith("Removed 7 containers and networks of stack 'it-proxy' (local).\n"
        + "Removed env files: ").endsWith("Kept volumes: it-proxy-local-cache-data, it-proxy-local-pgdata (named volumes"
        + " outlive `down`, like compose's; `parity down --volumes` removes them).\n");
    assertThat(docker.containers(Map.of(StackLabels.STACK, STACK))).isEmpty();
    assertThat(Files.list(project.resolve(".parity/secrets")).filter(Files::isDirectory)).isEmpty();

    out.getBuffer().setLength(0);
    assertThat(run("down", "--spec", spec, "--volumes")).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("Removed 0 containers and networks of stack 'it-proxy' (local).\n"
        + "Removed volumes: it-proxy-local-cache-data, it-proxy-local-pgdata.\n");
    assertThat(docker.containers(Map.of(StackLabels.STACK, STACK))).isEmpty();
    assertThat(client.listNetworksCmd().withFilter("label", List.of(StackLabels.STACK + "=" + STACK)).exec()).isEmpty();
    assertThat(docker.volumes(Map.of(StackLabels.STACK, STACK))).isEmpty();
  }

  private Container service(String name) {
    List<Container> containers = docker.containers(Map.of(StackLabels.STACK, STACK, StackLabels.SERVICE, name));
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  private InspectContainerResponse inspect(Container container) {
    return client.inspectContainerCmd(container.getId()).exec();
  }

  private int proxyPort() {
    Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)->80/tcp").matcher(DockerOps.ports(service("proxy")));
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
