package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: {@code drift containers} reported drift on a stack {@code parity up --with-apps} had just
 * started ({@code image repository acme/billing vs billing-billing}): the compose file named the
 * local app image after the declared image repository, {@code parity up} after the stack. Now both
 * use {@code <stack>-<app>:local}, and a stack started either way is no drift. Real Docker and
 * docker-compose; skipped without Docker unless {@code PARITY_REQUIRE_DOCKER=true}.
 */
class LocalImageNameIT {

  private static final String NODE = System.getenv().getOrDefault("PARITY_CI_NODE_IMAGE", "node:18.20.4-bookworm-slim");
  private static final String ID = UUID.randomUUID().toString().substring(0, 8);
  private static final String STACK = "it-image-" + ID;

  @TempDir
  Path project;

  private DockerOps docker;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private String spec;

  @BeforeEach
  void stack() throws Exception {
    docker = TestStacks.docker();
    Path app = Files.createDirectories(project.resolve("billing"));
    Files.writeString(app.resolve("package.json"), "{\"name\":\"billing\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(app.resolve("package-lock.json"), "{\"name\":\"billing\",\"lockfileVersion\":3,\"packages\":{}}\n");
    Files.writeString(app.resolve("server.js"),
        "require('http').createServer((q, r) => r.end('ok')).listen(3000);\n");
    int port = 40000 + new Random().nextInt(20000);
    Path file = project.resolve("BillingSpec.java");
    Files.writeString(file, """
        import dev.parity.core.*;

        public final class BillingSpec implements ParitySpec {
          @Override
          public Stack stack() {
            return Stack.named("%s")
                .service(App.node("billing", "%s").source("billing").hostPort(%d).healthPath("/health")
                    .imageRepository("ghcr.io/acme/billing"))
                .environment(Environment.local())
                .build();
          }
        }
        """.formatted(STACK, NODE, port));
    spec = file.toString();
  }

  @AfterEach
  void removeWhatThisTestCreated() throws Exception {
    if (docker != null) {
      run("down", "--spec", spec, "--volumes");
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      cli(project, "docker", "rmi", "-f", STACK + "-billing:local");
    }
  }

  @Test
  void driftContainersRightAfterUpWithAppsReportsNoDrift() {
    assertThat(run("up", "--spec", spec, "--detach", "--random-ports", "--with-apps", "--timeout", "120"))
        .as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("billing      starting   " + STACK + "-billing:local");
    assertThat(run("drift", "containers", "--spec", spec, "--env", "local")).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("No drift.");
  }

  @Test
  void driftContainersAfterDockerComposeUpOfTheGeneratedFileReportsNoDrift() throws Exception {
    assertThat(run("generate", "--spec", spec, "--out", project.resolve("deploy").toString())).as(err.toString()).isZero();
    Path local = project.resolve("deploy/local");
    assertThat(Files.readString(local.resolve("docker-compose.yml"))).contains("image: " + STACK + "-billing:local");
    List<String> compose = List.of("docker-compose", "-p", STACK, "-f", "docker-compose.yml");
    try {
      String up = cli(local, concat(compose, "up", "-d", "--build"));
      assertThat(run("drift", "containers", "--spec", spec, "--env", "local")).as(up + "\n" + out + "\n" + err).isZero();
      assertThat(out.toString()).contains("No drift.");
    } finally {
      cli(local, concat(compose, "down", "-v", "-t", "2"));
    }
  }

  private static String[] concat(List<String> first, String... rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private static String cli(Path directory, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().put("DOCKER_BUILDKIT", "0");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    if (process.exitValue() != 0 && !command[0].equals("docker")) {
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
