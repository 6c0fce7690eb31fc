package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.core.ImageRef;
import dev.parity.registry.ImageDigests;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests end to end against the local registry of shared/ci (127.0.0.1:5000): images of this
 * test's own, pushed under unique names; {@code release}, {@code promote}, {@code check},
 * {@code lock}, {@code up} and {@code drift containers} as a user runs them.
 */
class DigestsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String ID = UUID.randomUUID().toString().substring(0, 8);
  private static final String BASE = System.getenv().getOrDefault("PARITY_CI_BASE_IMAGE", "debian:bookworm-slim");

  @TempDir
  Path project;

  private DockerOps docker;
  private final List<String> pushedTags = new ArrayList<>();
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void docker() {
    docker = TestStacks.docker();
  }

  @AfterEach
  void removeWhatThisTestCreated() throws Exception {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, "it-lock-" + ID));
      docker.removeAll(Map.of(StackLabels.STACK, "it-pin-" + ID));
    }
    for (String tag : pushedTags) {
      dockerCli("rmi", "--no-prune", tag);
    }
  }

  @Test
  void releasedDigestIsWhatDockerInspectListsAfterAPullAndPromotionIsEnforced() throws Exception {
    String repository = TestStacks.REGISTRY + "/parity-it/web-" + ID;
    String built = push(repository + ":1.0.0", "first build");
    String other = push(repository + ":1.1.0", "second build");
    dockerCli("rmi", "--no-prune", repository + ":1.0.0");
    dockerCli("pull", "-q", repository + ":1.0.0");
    String inspected = repoDigest(repository + ":1.0.0", repository);
    String spec = releaseSpec(repository);

    assertThat(run("release", "--spec", spec, "--env", "staging", "--tag", "1.0.0")).as(err.toString()).isZero();
    JsonNode staging = JSON.readTree(project.resolve("deploy/releases/staging.json").toFile());
    assertThat(staging.path("apps").path("web").path("image").asText()).isEqualTo(repository + "@" + inspected);
    assertThat(inspected).isEqualTo(built);
    assertThat(ImageDigests.engine().digest(ImageRef.parse(repository + ":1.0.0"))).isEqualTo(inspected);
    assertThat(Files.readString(project.resolve("deploy/terraform/staging.tfvars")))
        .contains("web_image = \"" + repository + "@" + inspected + "\"");

    assertThat(run("promote", "--spec", spec, "staging", "production")).as(err.toString()).isZero();
    assertThat(run("check", "--spec", spec)).as(out.toString()).isZero();

    Path production = project.resolve("deploy/releases/production.json");
    Files.writeString(production, Files.readString(production).replace(repository + "@" + inspected,
        repository + "@" + other));
    assertThat(run("check", "--spec", spec)).isEqualTo(1);
    assertThat(out.toString()).contains("environment 'production' runs app 'web' at " + other + ", which 'staging'"
        + " never ran ('staging' runs " + inspected + "); promote with `parity promote staging production`");
  }

  @Test
  void lockPinsEveryImageOfTheComposeFileAndCheckResolvesTheLockedTags() throws Exception {
    String image = TestStacks.REGISTRY + "/parity-it/lock-" + ID + ":1.0.0";
    String first = push(image, "first push");
    dockerCli("rmi", "--no-prune", image);
    String spec = lockSpec(image);
    String mirror = TestStacks.REGISTRY;

    assertThat(run("lock", "--spec", spec, "--registry-mirror", mirror)).as(err.toString()).isZero();
    JsonNode lock = JSON.readTree(project.resolve("parity.lock.json").toFile()).path("images");
    assertThat(lock.path(image).path("digest").asText()).isEqualTo(first);
    String redisDigest = lock.path(TestStacks.REDIS).path("digest").asText();
    String redisRepository = TestStacks.REGISTRY + "/library/" + ImageRef.parse(TestStacks.REDIS).repository();
    assertThat(redisDigest).isEqualTo(repoDigest(TestStacks.REDIS, redisRepository));

    assertThat(run("generate", "--spec", spec)).as(err.toString()).isZero();
    JsonNode services = YAML.readTree(project.resolve("deploy/local/docker-compose.yml").toFile()).path("services");
    assertThat(services.path("worker").path("image").asText()).isEqualTo(image + "@" + first);
    assertThat(services.path("cache").path("image").asText()).isEqualTo(TestStacks.REDIS + "@" + redisDigest);
    assertThat(run("check", "--spec", spec, "--resolve", "--registry-mirror", mirror)).as(out.toString()).isZero();

  }

  @Test
  void upRunsTheLockedDigestAndARePushedTagFailsCheckAndIsDriftForTheRunningContainer() throws Exception {
    String repository = TestStacks.REGISTRY + "/parity-it/pin-" + ID;
    String image = repository + ":1.0.0";
    String first = push(image, "first push");
    dockerCli("rmi", "--no-prune", image);
    String spec = spec("PinSpec", """
        Stack.named("it-pin-%s")
            .service(Container.of("worker", "%s").options(o -> o.command("sleep", "infinity")
                .healthcheck(Healthcheck.command("true"))))
            .environment(Environment.local())
        """.formatted(ID, image));
    String mirror = TestStacks.REGISTRY;
    assertThat(run("lock", "--spec", spec, "--registry-mirror", mirror)).as(err.toString()).isZero();
    try {
      assertThat(run("up", "--spec", spec, "--detach", "--random-ports", "--registry-mirror", mirror))
          .as(out + "\n" + err).isZero();
      pushedTags.add(repository + "@" + first);
      String container = dockerCli("ps", "-q", "--filter", "label=" + StackLabels.STACK + "=it-pin-" + ID,
          "--filter", "label=" + StackLabels.SERVICE + "=worker").strip();
      assertThat(container).as("the worker container of it-pin-" + ID).isNotEmpty().doesNotContain("\n");
      assertThat(dockerCli("inspect", "--format", "{{.Config.Image}}", container).strip())
          .isEqualTo(image + "@" + first);
      assertThat(repoDigest(dockerCli("inspect", "--format", "{{.Image}}", container).strip(), repository))
          .isEqualTo(first);
      assertThat(run("drift", "containers", "--spec", spec, "--env", "local")).as(out + "\n" + err).isZero();
      assertThat(out.toString()).contains("No drift.");

      String second = push(image, "second push, same tag");
      assertThat(second).isNotEqualTo(first);
      assertThat(run("check", "--spec", spec, "--resolve", "--registry-mirror", mirror)).as(out + "\n" + err)
          .isEqualTo(1);
      assertThat(out.toString()).contains("image " + image + " is locked at " + first + ", but its tag names " + second
          + " at the registry now (re-pushed); review the new image, then `parity lock --update worker`");

      assertThat(run("lock", "--spec", spec, "--update", "worker", "--registry-mirror", mirror))
          .as(err.toString()).isZero();
      assertThat(JSON.readTree(project.resolve("parity.lock.json").toFile()).path("images").path(image)
          .path("digest").asText()).isEqualTo(second);
      assertThat(run("drift", "containers", "--spec", spec, "--env", "local")).as(out + "\n" + err).isEqualTo(1);
      assertThat(out.toString()).containsPattern("service worker\n  container [^\n]+: image digest "
          + Pattern.quote(second + " vs " + first) + "\n");
    } finally {
      run("down", "--spec", spec, "--volumes");
    }
  }

  private String releaseSpec(String repository) throws IOException {
    Path app = Files.createDirectories(project.resolve("app"));
    Files.writeString(app.resolve("package.json"), "{\"name\":\"web\",\"version\":\"1.0.0\"}\n");
    Files.writeString(app.resolve("package-lock.json"), "{\"name\":\"web\",\"lockfileVersion\":3,\"packages\":{}}\n");
    Files.writeString(app.resolve("server.js"), "require('http').createServer(() => {}).listen(3000);\n");
    String node = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:18.20.4-bookworm-slim");
    return spec("ReleaseSpec", """
        Stack.named("it-release-%s")
            .service(App.node("web", "%s").source("app").port(3000).start("node", "server.js")
                .imageRepository("%s"))
            .environment(Environment.local())
            .environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0"))
            .environment(Environment.remote("production").instances(2).instanceType("t3.small")
                .ami("ami-0c55b159cbfafe1f0"))
        """.formatted(ID, node, repository));
  }

  private String lockSpec(String image) throws IOException {
    String redis = TestStacks.REDIS;
    String version = TestStacks.version(redis);
    String deviation = ImageRef.parse(redis).tag().orElseThrow().equals(version) ? ""
        : ".deviation(Deviation.of(\"cache\").in(\"local\").differs(\"runs " + redis + "\").because(\"CI stand-in\"))";
    return spec("LockSpec", """
        Stack.named("it-lock-%s")
            .service(Container.of("worker", "%s").options(o -> o.command("sleep", "infinity")))
            .service(Redis.of("cache", "%s").image("%s"))
            .environment(Environment.local())
            %s
        """.formatted(ID, image, version, redis, deviation));
  }

  private String spec(String name, String stack) throws IOException {
    Path file = project.resolve(name + ".java");
    Files.writeString(file, """
        import dev.parity.core.*;

        public final class %s implements ParitySpec {
          @Override
          public Stack stack() {
            return %s
                .build();
          }
        }
        """.formatted(name, stack.strip()));
    return file.toString();
  }

  /** Builds an image of this test's own with {@code marker} in it, pushes it as {@code tag}; its registry digest. */
  private String push(String tag, String marker) throws Exception {
    Path context = Files.createTempDirectory(project, "image");
    Files.writeString(context.resolve("marker"), marker + " " + ID + " " + System.nanoTime() + "\n");
    Files.writeString(context.resolve("Dockerfile"), "FROM " + BASE + "\nCOPY marker /marker\n");
    dockerCli("build", "-q", "-t", tag, context.toString());
    pushedTags.add(tag);
    dockerCli("push", tag);
    return repoDigest(tag, tag.substring(0, tag.lastIndexOf(':')));
  }

  private String repoDigest(String image, String repository) throws Exception {
    String digests = dockerCli("image", "inspect", "--format", "{{range .RepoDigests}}{{println .}}{{end}}", image);
    return digests.lines().filter(d -> d.startsWith(repository + "@")).map(d -> d.substring(d.indexOf('@') + 1))
        .findFirst().orElseThrow(() -> new AssertionError("no RepoDigest of " + repository + " in " + digests));
  }

  private static String dockerCli(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DOCKER_BUILDKIT", "0");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    if (process.exitValue() != 0 && !args[0].equals("rmi")) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }
}
