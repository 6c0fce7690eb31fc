package dev.parity.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A JVM without any SLF4J provider prints no SLF4J notice once Parity's runtime is loaded; one with a provider keeps it. */
class Slf4jDefaultsTest {

  /** Loads SLF4J the way Testcontainers does, after Parity's default; run in a JVM of its own. */
  public static void main(String[] args) {
    if (args.length > 0) {
      Slf4jDefaults.apply();
    }
    LoggerFactory.getLogger("dev.parity.test").warn("a log line");
  }

  private static String stderrOfAJvmWithoutProvider(boolean applyDefault) throws Exception {
    String classpath = String.join(File.pathSeparator, jarOf(LoggerFactory.class), jarOf(Slf4jDefaults.class),
        jarOf(Slf4jDefaultsTest.class));
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
        Slf4jDefaultsTest.class.getName()));
    if (applyDefault) {
      command.add("apply");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static String jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @Test
  void withoutAProviderNothingIsPrinted() throws Exception {
    assertThat(stderrOfAJvmWithoutProvider(true)).isEmpty();
  }

  @Test
  void withoutParitysDefaultSlf4jWouldPrintItsNotice() throws Exception {
    assertThat(stderrOfAJvmWithoutProvider(false)).contains("SLF4J", "No SLF4J providers were found");
  }

  @Test
  void aProviderOnTheClassPathIsLeftAlone() {
    assertThat(Slf4jDefaults.hasProvider(Slf4jDefaultsTest.class.getClassLoader())).isTrue();
  }

  /** Regression: inside Maven 3.9 (slf4j-api 1.7, no provider interface) parity:up failed with NoClassDefFoundError. */
  @Test
  void aHostWithoutSlf4jTwoIsLeftAloneInsteadOfFailing() {
    ClassLoader withoutSlf4jTwo = new java.net.URLClassLoader(new java.net.URL[0], ClassLoader.getPlatformClassLoader());
    assertThat(Slf4jDefaults.hasProvider(withoutSlf4jTwo)).isTrue();
  }
}
