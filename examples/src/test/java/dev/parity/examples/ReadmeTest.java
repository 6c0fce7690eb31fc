package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.cli.LoadedSpec;
import dev.parity.cli.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documentation's promises: the README's two set-up commands first, and DSL snippets that compile and validate. */
class ReadmeTest {

  private static final Path README = Examples.ROOT.resolve("../README.md").normalize();

  @TempDir
  Path temp;

  @Test
  void opensWithExactlyTwoCommandsInOneBlock() throws Exception {
    Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));

    assertThat(block.find()).isTrue();
    assertThat(block.group(1).lines().toList()).containsExactly(
        "./parity generate --spec examples/node-postgres-redis/NodePostgresRedis.java --out examples/node-postgres-redis/deploy",
        "./mvnw verify");
  }

  @Test
  void theDslExampleCompilesAndValidates() throws Exception {
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
    assertThat(block.find()).isTrue();
    Path spec = temp.resolve("ReadmeSpec.java");
    String body = block.group(1).replaceAll("(?m)^import [^;]+;\\s*\\n", "").strip();
    Files.writeString(spec, "import dev.parity.core.*;\n"
        + "public final class ReadmeSpec implements ParitySpec {\n  public Stack stack() {\n    return "
        + body + "\n  }\n}\n");

    LoadedSpec loaded = SpecLoader.load(spec.toString(), List.of(), temp);

    assertThat(loaded.stack().services()).hasSize(2);
    assertThat(body.lines().count()).isEqualTo(5);
  }

  @Test
  void theDslGuidesSpecCompilesAndValidates() throws Exception {
    Path guide = Examples.ROOT.resolve("../docs/dsl.md").normalize();
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(guide));
    assertThat(block.find()).isTrue();
    assertThat(block.group(1)).contains("public final class ShopSpec implements ParitySpec");
    Path spec = temp.resolve("ShopSpec.java");
    Files.writeString(spec, "import dev.parity.core.*;\n" + block.group(1));

    LoadedSpec loaded = SpecLoader.load(spec.toString(), List.of(), temp);

    assertThat(loaded.stack().name()).isEqualTo("shop");
    assertThat(loaded.stack().deviations()).hasSize(1);
  }
}
