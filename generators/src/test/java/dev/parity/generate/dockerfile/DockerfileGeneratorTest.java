package dev.parity.generate.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileGeneratorTest {

  private static List<GeneratedFile> generate(Stack stack) {
    return new DockerfileGenerator().generate(Fixtures.context(stack));
  }

  private static String file(List<GeneratedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
  }

  @Test
  void nodeAppMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.shop().build());
    assertThat(files).extracting(GeneratedFile::path).containsExactly("web/Dockerfile", "web/Dockerfile.dockerignore");
    Golden.assertMatches("dockerfile/shop/web/Dockerfile", file(files, "web/Dockerfile"));
    Golden.assertMatches("dockerfile/shop/web/Dockerfile.dockerignore", file(files, "web/Dockerfile.dockerignore"));
  }

  @Test
  void jvmAppMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.orders().build());
    Golden.assertMatches("dockerfile/orders/api/Dockerfile", file(files, "api/Dockerfile"));
    Golden.assertMatches("dockerfile/orders/api/Dockerfile.dockerignore", file(files, "api/Dockerfile.dockerignore"));
  }

  @Test
  void bakesNoConfigValueIntoTheImage() {
    String dockerfile = file(generate(Fixtures.shop().build()), "web/Dockerfile");
    assertThat(dockerfile).doesNotContain("LOG_LEVEL", "DB_HOST", "DB_PASSWORD", "debug");
    assertThat(dockerfile.lines().filter(l -> l.startsWith("ENV "))).containsExactly("ENV NODE_ENV=production");
  }

  @Test
  void nodeHealthcheckOnlyWithHealthPath() {
    Stack withoutHealth = Fixtures.shop().service(App.node("worker", "node:20.11.0-alpine3.19").source("worker")
        .port(3001).start("node", "worker.js")).build();
    List<GeneratedFile> files = generate(withoutHealth);
    assertThat(file(files, "web/Dockerfile")).contains("HEALTHCHECK");
    assertThat(file(files, "worker/Dockerfile")).doesNotContain("HEALTHCHECK").contains("CMD [\"node\", \"worker.js\"]");
  }

  @Test
  void jarPathWithSpacesIsCopiedInJsonForm() {
    assertThat(DockerfileGenerator.jarCopy("target/api.jar")).isEqualTo("target/api.jar /app/app.jar");
    assertThat(DockerfileGenerator.jarCopy("build/my app.jar")).isEqualTo("[\"build/my app.jar\", \"/app/app.jar\"]");
  }

  @Test
  void dockerignorePatternMatchesOnlyThePath() {
    assertThat(DockerfileGenerator.ignorePattern("target/a[1]*.jar")).isEqualTo("target/a\\[1\\]\\*.jar");
  }
}
