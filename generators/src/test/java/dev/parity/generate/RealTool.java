package dev.parity.generate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real validator (docker-compose, yamllint, shellcheck, hcl-check, workflow-check) on generated files.
 * Where a tool is missing the test is skipped with the reason, unless the environment sets
 * {@code PARITY_REQUIRE_VALIDATORS=true} (CI does): then a missing tool fails the test.
 */
public final class RealTool {

  private RealTool() {
  }

  /** The result of one run. */
  public record Result(int exitCode, String output) {
  }

  /** Skips (or, in CI, fails) unless {@code tool} is on the PATH. */
  public static void require(String tool) {
    require(tool, tool.equals("workflow-check") ? "run eval \"$(bash tools/workflow-check/install.sh)\""
        : "install it (README.md, \"Tests\", lists what CI installs)");
  }

  /** Skips (or, in CI, fails) unless {@code tool} is on the PATH; {@code fix} says how to put it there. */
  public static void require(String tool, String fix) {
    boolean present = isOnPath(tool);
    if (!present && Boolean.parseBoolean(System.getenv("PARITY_REQUIRE_VALIDATORS"))) {
      throw new AssertionError(tool + " is not on the PATH, and PARITY_REQUIRE_VALIDATORS=true requires it;"
          + " " + fix + " first");
    }
    assumeTrue(present, tool + " is not on the PATH; " + fix + " to validate with it"
        + " (set PARITY_REQUIRE_VALIDATORS=true to fail instead)");
  }

  /** Whether {@code tool} is an executable on the PATH. */
  public static boolean isOnPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** The first executable {@code tool} on the PATH. */
  public static Path onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return Path.of(dir, tool);
      }
    }
    throw new IllegalStateException(tool + " is not on the PATH");
  }

  /** Runs {@code command} in {@code directory}, merging stdout and stderr; fails after two minutes. */
  public static Result run(Path directory, String... command) {
    return run(directory, List.of(command));
  }

  /** Runs {@code command} in {@code directory}, merging stdout and stderr; fails after two minutes. */
  public static Result run(Path directory, List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
          .redirectErrorStream(true);
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within two minutes");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Runs {@code command} and fails the test, printing the tool's output, unless it exits 0. */
  public static String assertAccepts(Path directory, String... command) {
    Result result = run(directory, command);
    if (result.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " rejected the generated file (exit "
          + result.exitCode() + "):\n" + result.output());
    }
    return result.output();
  }
}
