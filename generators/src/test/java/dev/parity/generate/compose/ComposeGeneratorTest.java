package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeGeneratorTest {

  static List<GeneratedFile> generate(Stack stack) {
    return new ComposeGenerator().generate(Fixtures.context(stack));
  }

  static String file(List<GeneratedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
  }

  @Test
  void shopMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.shop().build());
    assertThat(files).extracting(GeneratedFile::path)
        .containsExactly("local/docker-compose.yml", "local/.env.example", "local/.gitignore");
    Golden.assertMatches("compose/shop/docker-compose.yml", file(files, "local/docker-compose.yml"));
    Golden.assertMatches("compose/shop/.env.example", file(files, "local/.env.example"));
    Golden.assertMatches("compose/shop/.gitignore", file(files, "local/.gitignore"));
  }

  @Test
  void ordersMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.orders().build());
    Golden.assertMatches("compose/orders/docker-compose.yml", file(files, "local/docker-compose.yml"));
    Golden.assertMatches("compose/orders/.env.example", file(files, "local/.env.example"));
  }

  @Test
  void realStackMatchesGolden() {
    List<GeneratedFile> files = generate(Fixtures.realStack().build());
    Golden.assertMatches("compose/real/docker-compose.yml", file(files, "local/docker-compose.yml"));
    Golden.assertMatches("compose/real/.env.example", file(files, "local/.env.example"));
  }

  @Test
  void secretsAreReferencedNeverGiven() throws Exception {
    List<GeneratedFile> files = generate(Fixtures.shop().build());
    String compose = file(files, "local/docker-compose.yml");
    JsonNode services = new YAMLMapper().readTree(compose).at("/services");
    assertThat(services.at("/web/environment/DB_PASSWORD").asText())
        .isEqualTo("${DB_PASSWORD:?DB_PASSWORD is a secret: set it in local/.env}");
    assertThat(services.at("/db/environment/POSTGRES_PASSWORD").asText()).startsWith("${DB_PASSWORD:?");
    assertThat(compose.lines().filter(l -> l.contains("PASSWORD:")))
        .allSatisfy(l -> assertThat(l).contains("${DB_PASSWORD:?"));
    assertThat(file(files, "local/.env.example")).containsOnlyOnce("DB_PASSWORD=").contains("\nDB_PASSWORD=\n");
  }

  @Test
  void noLocalEnvironmentNoFiles() {
    Stack remoteOnly = Stack.named("mail").service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025))
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small")
            .ami("ami-0c55b159cbfafe1f0")).build();
    assertThat(generate(remoteOnly)).isEmpty();
  }
}
