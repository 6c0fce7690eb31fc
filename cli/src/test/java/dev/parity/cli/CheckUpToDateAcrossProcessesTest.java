package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprint of a rendering's inputs is the same in every process (no identity hash code, no
 * iteration order of the run goes into it): a check in a new JVM answers from the record another
 * JVM wrote, and a spec that reads an environment variable is not clean when the variable changes.
 */
class CheckUpToDateAcrossProcessesTest {

  private static final String SPEC = """
      import dev.parity.core.*;

      public final class EnvSpec implements ParitySpec {
        @Override
        public Stack stack() {
          return Stack.named("tiny")
              .service(Container.of("echo", "hashicorp/http-echo:1.0.0").port(5678).hostPort(5678)
                  .options(o -> o.env("B", "2").env("A", "1")))
              .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment())
              .environment(Environment.local().set("LOG_LEVEL", System.getenv().getOrDefault("TINY_LOG_LEVEL", "info")))
              .environment(Environment.remote("staging").instances(1).instanceType("t3.small")
                  .ami("ami-0c55b159cbfafe1f0").set("LOG_LEVEL", "debug"))
              .build();
        }
      }
      """;

  @TempDir
  Path project;

  @TempDir
  Path cache;

  private record Child(int code, String out) {
  }

  private Child parity(String logLevel, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dparity.cache.dir=" + cache, "-cp", System.getProperty("java.class.path"), ParityCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TINY_LOG_LEVEL", logLevel);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Child(process.exitValue(), out);
  }

  @Test
  void aCheckInANewProcessAnswersFromTheRecordAndNotWhenAnEnvironmentVariableChanged() throws Exception {
    Path spec = project.resolve("EnvSpec.java");
    Files.writeString(spec, SPEC);

    Child generate = parity("info", "generate", "--spec", spec.toString());
    Child check = parity("info", "check", "--verbose", "--spec", spec.toString());
    Child changed = parity("warn", "check", "--verbose", "--spec", spec.toString());

    assertThat(generate.code()).as(generate.out()).isZero();
    assertThat(check.code()).as(check.out()).isZero();
    assertThat(check.out()).contains(CheckUpToDateTest.FAST).contains("is up to date: ");
    assertThat(changed.code()).as(changed.out()).isEqualTo(1);
    assertThat(changed.out()).doesNotContain(CheckUpToDateTest.FAST)
        .contains("stale        ENVIRONMENTS.md");
  }
}
