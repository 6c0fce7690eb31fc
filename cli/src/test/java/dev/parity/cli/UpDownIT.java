package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.ImageRef;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity up | status | down} against the real Docker engine, in-process and as a child process. */
class UpDownIT {

  private static final String STACK = "it-cli";

  @TempDir
  Path project;

  private DockerOps docker;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void docker() throws IOException {
    docker = TestStacks.docker();
    Files.createDirectories(project.resolve("db"));
    Files.writeString(project.resolve("db/V1__notes.sql"), "CREATE TABLE notes (id int);");
    Files.writeString(project.resolve("CliSpec.java"), spec());
  }

  @AfterEach
  void removeEverything() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
      docker.removeVolumes(Map.of(StackLabels.STACK, STACK));
    }
  }

  private static String spec() {
    String postgres = env("PARITY_CI_POSTGRES_IMAGE", "postgres:16.4");
    String version = ImageRef.parse(postgres).tagVersion().orElseThrow();
    String deviation = ImageRef.parse(postgres).tag().orElseThrow().equals(version) ? ""
        : ".deviation(Deviation.of(\"db\").in(\"local\").differs(\"runs " + postgres + "\").because(\"CI stand-in\"))";
    return """
        import dev.parity.core.*;
        import static dev.parity.core.ConfigValue.*;

        public final class CliSpec implements ParitySpec {
          @Override
          public Stack stack() {
            return Stack.named("%s")
                .service(Postgres.of("db", "%s").image("%s").password("DB_PASSWORD").migrations("db"))
                .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
                .config(ConfigKey.integer("DB_PORT").value(portOf("db")))
                .config(ConfigKey.secret("DB_PASSWORD"))
                .environment(Environment.local())
                %s
                .build();
          }
        }
        """.formatted(STACK, version, postgres, deviation);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private int run(String... args) {
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private int containers() {
    return docker.containers(Map.of(StackLabels.STACK, STACK)).size();
  }

  @Test
  void upDetachedThenStatusThenDownLeavesNothing() throws IOException {
    String spec = project.resolve("CliSpec.java").toString();
    Path envFile = project.resolve("out/app.env");

    assertThat(run("up", "--spec", spec, "--detach", "--random-ports", "--env-file", envFile.toString())).isEqualTo(0);
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).contains("] db           healthy ", "] db           migrated   versions 1",
        "Migrated db: versions 1", "  DB_HOST=127.0.0.1\n", "  DB_PASSWORD=<generated, in the env file>\n",
        "Written to " + envFile + " (mode 0600: it holds secrets)", "Detached. Remove it with: parity down");
    assertThat(out.toString()).doesNotContain(Files.readString(envFile).replaceAll("(?s).*DB_PASSWORD=(\\w+).*", "$1"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
    assertThat(Files.readString(envFile)).containsPattern("\nDB_PASSWORD=[A-Za-z0-9]{24}\n");
    assertThat(containers()).isEqualTo(1);

    out.getBuffer().setLength(0);
    assertThat(run("status", "--spec", spec)).isEqualTo(0);
    assertThat(out.toString()).containsPattern("local +db +running +\\S+ +127\\.0\\.0\\.1:\\d+->5432/tcp");

    out.getBuffer().setLength(0);
    assertThat(run("down", "--spec", spec)).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("Removed 2 containers and networks of stack 'it-cli' (local).\n"
        + "Removed env files: " + envFile + ".\n"
        + "Kept volumes: it-cli-local-db-data (named volumes outlive `down`, like compose's; `parity down --volumes`"
        + " removes them).\n");
    assertThat(envFile).doesNotExist();
    assertThat(containers()).isZero();
    assertThat(docker.containers(Map.of(StackLabels.STACK, STACK, StackLabels.MANAGED, "true"))).isEmpty();
  }

  @Test
  void withoutDetachTheStackRunsUntilTheProcessIsStoppedAndIsThenRemoved() throws Exception {
    Process up = child(Map.of(), "up", "--spec", project.resolve("CliSpec.java").toString(), "--random-ports");
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("Running. Press Ctrl-C")) {
          assertThat(containers()).isEqualTo(1);
          // what Ctrl-C sends
          new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).inheritIO().start().waitFor();
        }
      }
    }
    assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(lines).contains("Running. Press Ctrl-C to stop and remove the stack.", "Removed stack 'it-cli' (local).");
    assertThat(containers()).isZero();
  }

  @Test
  void anUnreachableDockerExitsTwoAndSaysWhatWasTried() throws Exception {
    Process up = child(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"),
        "up", "--spec", project.resolve("CliSpec.java").toString());
    String stderr = new String(up.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(up.exitValue()).isEqualTo(2);
    assertThat(stderr).isEqualTo("""
        parity: Docker is not reachable; tried:
          unix:///nonexistent/docker.sock: no such socket
        Start the Docker engine (Docker Desktop, `sudo systemctl start docker` or `dockerd`), or set DOCKER_HOST \
        to one that runs; `docker info` must work.
        """);
  }

  private Process child(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ParityCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().putAll(env);
    if (!env.isEmpty()) {
      builder.redirectOutput(new File("/dev/null"));
    } else {
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    return builder.start();
  }
}
