package dev.parity.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.generate.RealTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose files read as compose reads them: anchors, aliases and merge keys at every level, {@code x-} fields,
 * {@code extends}, {@code include}, several files with compose's override rules. docker-compose 1.29's
 * {@code config} is the oracle wherever 1.29 knows the feature (it does not know {@code include}).
 */
class ComposeLoaderTest {

  static final Path DIR = Path.of("src/test/resources/dev/parity/adopt/yaml").toAbsolutePath();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void mergeKeysAtServiceLevelInEnvironmentAndAliasedListsReadAsDockerComposeReadsThem() throws Exception {
    assertSameAsDockerCompose("anchors.yml");
    JsonNode raw = ComposeFile.read(DIR.resolve("anchors.yml"), Map.of()).raw();
    assertThat(raw.toString()).doesNotContain("<<").doesNotContain("\"x-");
    assertThat(raw.at("/services/web/environment/LOG_LEVEL").asText()).isEqualTo("debug");
    assertThat(raw.at("/services/web/environment/CACHE_HOST").asText()).isEqualTo("cache");
    assertThat(raw.at("/services/worker/depends_on").toString()).isEqualTo("[\"db\",\"cache\"]");
  }

  @Test
  void anOverrideFileMergesAsDockerComposeMergesIt() throws Exception {
    assertSameAsDockerCompose("base.yml", "override.yml");
  }

  @Test
  void extendsOfTheSameFileAndOfAnotherFolderResolveWithPathsOfThatFolder() throws Exception {
    assertSameAsDockerCompose("extends.yml");
    JsonNode raw = ComposeFile.read(DIR.resolve("extends.yml"), Map.of()).raw();
    assertThat(raw.at("/services/api/build/context").asText()).isEqualTo("./common/app");
    assertThat(raw.at("/services/api/volumes/0").asText()).isEqualTo("./common/app/config:/etc/app:ro");
  }

  /** docker-compose 1.29 does not know include (Compose v2.20 added it): compared with the model itself. */
  @Test
  void anIncludedFileAddsItsServicesWithPathsRelativeToItsOwnFolder() {
    JsonNode raw = ComposeFile.read(DIR.resolve("include.yml"), Map.of()).raw();
    assertThat(raw.path("include").isMissingNode()).isTrue();
    assertThat(raw.at("/services/app/build").asText()).isEqualTo("./common/app");
    assertThat(raw.at("/services/app/volumes/0").asText()).isEqualTo("./common/app/config:/etc/app:ro");
    assertThat(raw.at("/services/web/image").asText()).isEqualTo("nginx:1.25.4");
  }

  @Test
  void resetAndOverrideTagsRemoveAndReplace() {
    JsonNode base = ComposeYaml.parse("services:\n  web:\n    ports: ['80:80']\n    environment: {A: '1', B: '2'}\n");
    JsonNode override = ComposeYaml.parse(
        "services:\n  web:\n    ports: !reset []\n    environment: !override {C: '3'}\n");
    JsonNode merged = ComposeYaml.unwrap(ComposeMerge.merge(base, override));
    assertThat(merged.toString()).isEqualTo("{\"services\":{\"web\":{\"environment\":{\"C\":\"3\"}}}}");
  }

  @Test
  void anExtendsCycleIsOneProblemNamingTheService(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("compose.yml");
    Files.writeString(file, "services:\n  a:\n    extends: b\n  b:\n    extends:\n      service: a\n");
    assertThatThrownBy(() -> ComposeFile.read(file, Map.of()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("compose.yml: service 'a' extends itself through");
  }

  @Test
  void aServiceOfAnIncludedFileDefinedAgainIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("other.yml"), "services:\n  web:\n    image: nginx:1.25.4\n");
    Path file = dir.resolve("compose.yml");
    Files.writeString(file, "include: [other.yml]\nservices:\n  web:\n    image: nginx:1.25.5\n");
    assertThatThrownBy(() -> ComposeFile.read(file, Map.of()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("services 'web' is defined both in the included file and in the file that includes it");
  }

  private static void assertSameAsDockerCompose(String... files) throws Exception {
    RealTool.require("docker-compose");
    List<String> command = new ArrayList<>(List.of("docker-compose"));
    List<Path> paths = new ArrayList<>();
    for (String f : files) {
      command.add("-f");
      command.add(f);
      paths.add(DIR.resolve(f));
    }
    command.add("config");
    RealTool.Result result = RealTool.run(DIR, command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    JsonNode expected = YAML.readTree(result.output());
    JsonNode ours = ComposeFile.read(paths, Map.of()).root();
    assertThat(ComposeNormal.services(ours, DIR)).isEqualTo(ComposeNormal.services(expected, DIR));
  }
}
