package dev.parity.drift.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The examples' committed Kubernetes trees: their files, and each overlay as {@code kubectl kustomize} prints
 * it. Without kubectl on the PATH the tests that need it skip, unless {@code PARITY_REQUIRE_VALIDATORS=true}.
 */
final class ExampleOverlays {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  /** Example folder and environment of every committed overlay. */
  static final List<String[]> ALL = List.of(
      new String[] {"java-service", "staging"},
      new String[] {"node-postgres-redis", "staging"},
      new String[] {"node-postgres-redis", "production"});

  private ExampleOverlays() {
  }

  /** The files of {@code example}'s deploy tree, by path relative to it. */
  static Map<String, String> files(String example) {
    Path tree = EXAMPLES.resolve(example).resolve("deploy");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(tree.resolve("k8s"))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(tree.relativize(p).toString().replace(File.separatorChar, '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** The overlay as {@code kubectl kustomize} renders it. */
  static List<ObjectNode> kubectlKustomize(String example, String env) {
    requireKubectl();
    Path overlay = EXAMPLES.resolve(example).resolve("deploy/k8s/overlays").resolve(env);
    try {
      Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false)
          .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("kubectl kustomize " + overlay + " failed: " + err);
      }
      return documents(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<ObjectNode> documents(String yaml) throws IOException {
    List<ObjectNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && node.isObject()) {
          documents.add((ObjectNode) node);
        }
      }
    }
    return documents;
  }

  static void requireKubectl() {
    boolean present = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    if (!present && Boolean.parseBoolean(System.getenv("PARITY_REQUIRE_VALIDATORS"))) {
      throw new AssertionError("kubectl is not on the PATH, and PARITY_REQUIRE_VALIDATORS=true requires it");
    }
    assumeTrue(present, "kubectl is not on the PATH; the overlays are loaded as `kubectl kustomize` prints them");
  }
}
