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
    Matcher name = Pattern.compile("public final class (\\w+) implements ParitySpec").matcher(block.group(1));
    assertThat(name.find()).as("the README's DSL example is a whole spec class").isTrue();
    Path spec = temp.resolve(name.group(1) + ".java");
    Files.writeString(spec, block.group(1));

    LoadedSpec loaded = SpecLoader.load(spec.toString(), List.of(), temp);

    assertThat(loaded.stack().services()).hasSize(2);
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
