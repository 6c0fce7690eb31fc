package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.cli.ParityCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secret values never reach a generated file: with a real value in the tree's local/.env, no file
 * of the tree contains it, and each secret key appears only as an empty slot, a reference to a
 * variable, or a reference into a secret store.
 */
class NoSecretValueTest {

  private static final String SECRET = "pa55-W0rd-never-written";

  @TempDir
  Path temp;

  static java.util.stream.Stream<Examples.Example> examples() {
    return Examples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void noGeneratedFileHoldsASecretValue(Examples.Example example) throws IOException {
    Examples.copyWithoutTree(example, temp);
    Path tree = temp.resolve("deploy");
    Files.createDirectories(tree.resolve("local"));
    Files.writeString(tree.resolve("local/.env"), "DB_PASSWORD=" + SECRET + "\nORDERS_DB_PASSWORD=" + SECRET + "\n");

    int code = ParityCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "generate", "--spec", temp.resolve(example.specFile()).toString(), "--out", tree.toString());

    assertThat(code).isZero();
    Map<String, String> files = Examples.files(tree);
    files.remove("local/.env");
    assertThat(files).isNotEmpty();
    files.forEach((path, content) -> assertThat(content).as(path).doesNotContain(SECRET));
    assertThat(files.keySet()).as("the scan covers the Kubernetes manifests").anyMatch(p -> p.startsWith("k8s/"));
    files.forEach((path, content) -> {
      if (path.startsWith("k8s/")) {
        // a secret reaches a cluster only as an ExternalSecret's reference, never as a Secret with data
        assertThat(content).as(path).doesNotContainPattern("(?m)^kind: Secret$").doesNotContain("stringData");
      }
    });
    for (Map.Entry<String, String> file : files.entrySet()) {
      for (String line : file.getValue().lines().toList()) {
        if (line.matches(".*\\b[A-Z_]*PASSWORD\\b\\s*[:=].*") && !line.trim().startsWith("#")) {
          assertThat(line).as("a secret key in %s", file.getKey()).matches(
              ".*(\\$\\{[A-Z_]+:\\?[^}]*}|=\"\\$[A-Z_]+\"|\\$\\{env\\.[A-Z_]+}|=\\s*$|= \"(/|arn:aws)[^\"]*\"|PASSWORD: \"\\$\\{).*");
        }
      }
    }
  }
}
