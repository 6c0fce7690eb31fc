package dev.parity.generate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentsDocGeneratorTest {

  @Test
  void shopMatchesGolden() {
    Golden.assertMatches("docs/shop/ENVIRONMENTS.md", render(Fixtures.shop().build()));
  }

  @Test
  void ordersMatchesGolden() {
    Golden.assertMatches("docs/orders/ENVIRONMENTS.md", render(Fixtures.orders().build()));
  }

  @Test
  void everyTableRowHasTheHeadersCellCount() {
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build())) {
      List<List<List<String>>> tables = MarkdownTables.parse(render(stack));
      assertThat(tables).hasSize(stack.deviations().isEmpty() ? 4 : 5);
      tables.forEach(table -> table.forEach(row -> assertThat(row).hasSameSizeAs(table.get(0))));
    }
  }

  @Test
  void perEnvironmentTableHasOneColumnPerEnvironmentInPromotionOrder() {
    List<List<String>> table = table(render(Fixtures.shop().build()), "Setting");
    assertThat(table.get(0)).containsExactly("Setting", "local", "staging", "production");
    assertThat(row(table, "Instance count")).containsExactly("Instance count", "1 container per service", "2", "4");
    assertThat(row(table, "Endpoint of db")).containsExactly("Endpoint of db", "db", "db.staging.internal",
        "db.production.internal");
    assertThat(row(table, "LOG_LEVEL")).containsExactly("LOG_LEVEL", "debug", "info", "info");
  }

  @Test
  void secretsAppearOnlyAsReferences() {
    String doc = render(Fixtures.shop().build());
    List<List<String>> table = table(doc, "Setting");
    assertThat(row(table, "DB_PASSWORD (secret)")).containsExactly("DB_PASSWORD (secret)", "from local/.env",
        "/shop/staging/db-password (SSM Parameter Store)", "/shop/production/db-password (SSM Parameter Store)");
    List<String> schema = row(table(doc, "Key"), "DB_PASSWORD");
    assertThat(schema.get(2)).isEqualTo("secret reference per environment");
  }

  @Test
  void noDeviationsIsSaidInASentence() {
    String doc = render(Fixtures.orders().build());
    assertThat(doc).contains("## Declared deviations\n\nNone: every environment runs every service exactly as declared.");
  }

  @Test
  void deliveryFlowGoesThroughTheGateAndTestsBeforeLaterEnvironments() {
    assertThat(render(Fixtures.shop().build())).contains("""
        ```mermaid
        flowchart LR
          dev["local: developers run the same versions"]
          dev -.->|"push"| gate
          gate{{"parity check"}}
          env1["staging"]
          gate -->|"build images once"| env1
          tests["integration tests"]
          env1 --> tests
          env2["production"]
          tests -->|"same images"| env2
        ```
        """);
  }

  @Test
  void mermaidLabelsEncodeEverythingButPlainCharacters() {
    assertThat(DeliveryFlow.label("a \"b\" [c] é")).isEqualTo("\"a #34;b#34; #91;c#93; #233;\"");
  }

  static String render(Stack stack) {
    List<GeneratedFile> files = new EnvironmentsDocGenerator().generate(Fixtures.context(stack));
    assertThat(files).extracting(GeneratedFile::path).containsExactly("ENVIRONMENTS.md");
    return files.get(0).content();
  }

  /** The first table with a column headed {@code header}. */
  static List<List<String>> table(String markdown, String header) {
    return MarkdownTables.parse(markdown).stream().filter(t -> t.get(0).contains(header)).findFirst()
        .orElseThrow(() -> new AssertionError("no table with a column '" + header + "' in\n" + markdown));
  }

  static List<String> row(List<List<String>> table, String firstCell) {
    return table.stream().filter(r -> r.get(0).equals(firstCell)).findFirst()
        .orElseThrow(() -> new AssertionError("no row '" + firstCell + "' in " + table));
  }
}
