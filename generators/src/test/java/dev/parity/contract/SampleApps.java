package dev.parity.contract;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the sample apps of the tests: their sources compiled by javac, in process, with the real
 * annotation processors, against the jars the test class path holds (from Maven Central).
 */
public final class SampleApps {

  private SampleApps() {
  }

  /** The test class path's jars whose file name starts with {@code prefix}. */
  static String jar(String prefix) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> Path.of(p).getFileName().toString().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar on the test class path"));
  }

  private static String classPathOf(String... prefixes) {
    return String.join(File.pathSeparator, Arrays.stream(prefixes).map(SampleApps::jar).toList());
  }

  /**
   * Compiles {@code sources} (path to text) in {@code app} into {@code app/target/classes}, with
   * {@code spring-boot-configuration-processor} when {@code springBoot}.
   */
  public static Path compile(Path app, Map<String, String> sources, boolean springBoot) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", app.resolve("target/classes").toString(), "-proc:full"));
    if (springBoot) {
      args.addAll(List.of("-cp", classPathOf("spring-boot-3", "spring-core-", "spring-context-"),
          "-processorpath", jar("spring-boot-configuration-processor")));
    } else {
      args.addAll(List.of("-cp", classPathOf("microprofile-config-api", "smallrye-config-core"), "-proc:none"));
      args.remove("-proc:full");
    }
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = app.resolve("src/main/java").resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    Files.createDirectories(app.resolve("target/classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    java.io.StringWriter out = new java.io.StringWriter();
    int rc = javac.run(null, null, null, args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException("javac failed: " + out);
    }
    return app.resolve("target/classes");
  }
}
