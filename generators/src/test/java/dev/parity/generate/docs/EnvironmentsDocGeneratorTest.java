package dev.parity.generate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.Releases;
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
    for (Stack stack : List.of(Fixtures.shop().build(), Fixtures.orders().build(), Fixtures.builds().build())) {
      List<List<List<String>>> tables = MarkdownTables.parse(render(stack));
      assertThat(tables).hasSize(stack.deviations().isEmpty() ? 5 : 6);
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
  void buildsMatchesGolden() {
    Golden.assertMatches("docs/builds/ENVIRONMENTS.md", render(Fixtures.builds().build()));
  }

  @Test
  void configPerAppShowsWhichAppReceivesWhichKey() {
    List<List<String>> table = MarkdownTables.parse(render(Fixtures.builds().build())).stream()
        .filter(t -> t.get(0).get(1).equals("Secret")).findFirst().orElseThrow();
    assertThat(table.get(0)).containsExactly("Key", "Secret", "api", "web", "admin");
    assertThat(row(table, "DB_PASSWORD")).containsExactly("DB_PASSWORD", "yes", "receives", "—", "—");
    assertThat(row(table, "SESSION_SECRET")).containsExactly("SESSION_SECRET", "yes", "—", "receives", "—");
    assertThat(row(table, "ADMIN_TOKEN")).containsExactly("ADMIN_TOKEN", "yes", "—", "—", "receives");
    assertThat(row(table, "API_URL")).containsExactly("API_URL", "no", "—", "receives", "receives");
  }

  @Test
  void serviceGraphShowsNetworksDependenciesMountsPortsAndReplicasBehindTheProxy() {
    assertThat(mermaid(render(Fixtures.builds().build()), 0)).isEqualTo("""
        flowchart LR
          subgraph n1 ["networks: backend (internal), edge"]
            s1["api<br>JVM app (Maven)<br>on eclipse-temurin:17.0.13_11-jre-jammy"]
          end
          subgraph n2 ["network: edge"]
            s2["web<br>Node.js app<br>on node:20.11.0-alpine3.19"]
            s3["admin<br>app (own Dockerfile)<br>from admin/docker/Dockerfile, target runtime<br>2 local replicas"]
            s4["proxy<br>container<br>nginx:1.25.3-alpine"]
          end
          subgraph n3 ["network: backend (internal)"]
            s5["db<br>PostgreSQL<br>postgres:16.1-alpine"]
          end
          s1 -->|"depends on"| s5
          s2 -->|"depends on"| s1
          s4 -->|"depends on, proxies to 2 replicas"| s3
          b1[["./proxy/nginx.conf"]]
          s4 ---|"/etc/nginx/nginx.conf (read-only)"| b1
          v1[("volume db-data")]
          s5 ---|"/var/lib/postgresql/data"| v1
          v2[("volume db-backups")]
          s5 ---|"/backups"| v2
          p1(["127.0.0.1:8080"]) -->|"8080/tcp"| s1
          p2(["127.0.0.1:3000"]) -->|"3000/tcp"| s2
          p3(["127.0.0.1:8088"]) -->|"80/tcp"| s4
          p4(["127.0.0.1:8443"]) -->|"443/tcp"| s4
          p5(["127.0.0.1:5432"]) -->|"5432/tcp"| s5
        """);
  }

  /** The {@code index}-th Mermaid block of {@code markdown}, without its fences. */
  static String mermaid(String markdown, int index) {
    String[] blocks = markdown.split("```mermaid\n");
    return blocks[index + 1].substring(0, blocks[index + 1].indexOf("```"));
  }

  @Test
  void noDeviationsIsSaidInASentence() {
    String doc = render(Fixtures.orders().build());
    assertThat(doc).contains("## Declared deviations\n\nNone: every environment runs every service exactly as declared.");
  }

  @Test
  void deliveryFlowGoesThroughTheGateTheRegistryAndTestsBeforeLaterEnvironments() {
    assertThat(render(Fixtures.shop().build())).contains("""
        ```mermaid
        flowchart LR
          dev["local: Docker Compose, the same versions"]
          dev -.->|"push"| gate
          gate{{"parity check"}}
          registry[("container registry<br>ghcr.io/acme/shop-web")]
          gate -->|"build images once"| registry
          env1["staging<br>instances (terraform/staging.tfvars)<br>web: no release recorded"]
          registry -->|"pull by digest"| env1
          tests["integration tests"]
          env1 --> tests
          env2["production<br>instances (terraform/production.tfvars)<br>web: no release recorded"]
          tests -->|"promote the same digests"| env2
        ```
        """);
  }
  @Test
  void deliveryFlowNamesTheDigestEachEnvironmentRuns() {
    String digest = "sha256:0f1e2d3c4b5a" + "9".repeat(52);
    Releases releases = Releases.none().with("staging", "web",
        new Releases.Released("ghcr.io/acme/shop-web@" + digest, List.of(digest)));
    String rendered = new EnvironmentsDocGenerator().generate(Fixtures.context(Fixtures.shop().build())
        .withReleases(releases)).get(0).content();

    assertThat(rendered)
        .contains("env1[\"staging<br>instances (terraform/staging.tfvars)<br>web: " + digest + "\"]")
        .contains("env2[\"production<br>instances (terraform/production.tfvars)<br>web: no release recorded\"]");
  }


  @Test
  void deliveryFlowNamesEachEnvironmentsClusterAndNamespace() {
    Stack stack = Fixtures.shop(Fixtures.cluster("staging", 2), Fixtures.remote("production", 4)).build();
    assertThat(mermaid(render(stack), 1)).contains(
        "env1[\"staging<br>Kubernetes cluster staging-eu, namespace shop-staging<br>web: no release recorded\"]");
  }

  @Test
  void mermaidLabelsEncodeEverythingButPlainCharacters() {
    assertThat(Mermaid.label("a \"b\" [c] é")).isEqualTo("\"a #34;b#34; #91;c#93; #233;\"");
  }

  /** The practice app's .env.example: which key satisfies each property per environment, which the app defaults. */
  @Test
  void contractTableMarksWhatSatisfiesEachPropertyPerEnvironmentAndWhatTheAppDefaults() {
    java.util.function.BiFunction<String, java.util.Optional<String>, dev.parity.core.ContractProperty> property =
        (name, defaultValue) -> new dev.parity.core.ContractProperty(name, name, dev.parity.core.ContractType.STRING,
            "string", defaultValue, defaultValue.isEmpty(), List.of(), false);
    dev.parity.core.AppContract contract = new dev.parity.core.AppContract(dev.parity.core.Contract.Kind.DOTENV_EXAMPLE,
        "app/.env.example", List.of(property.apply("DB_HOST", java.util.Optional.empty()),
            property.apply("DB_PASSWORD", java.util.Optional.empty()), property.apply("LOG_LEVEL", java.util.Optional.empty()),
            property.apply("CACHE_TTL", java.util.Optional.of("60s"))), List.of());
    Stack stack = Fixtures.shop().build();

    String doc = new EnvironmentsDocGenerator().generate(Fixtures.context(stack).withContracts(java.util.Map.of("web",
        contract))).get(0).content();

    assertThat(doc).contains("""
        ### Config contract of `web`

        What each environment gives the properties of its .env.example (`app/.env.example`): the key and value
        that satisfy each, or the app's own default.

        | Property | Type | `local` | `staging` | `production` |
        | --- | --- | --- | --- | --- |
        | `DB_HOST` | string | `DB_HOST` = db | `DB_HOST` = db.staging.internal | `DB_HOST` = db.production.internal |
        | `DB_PASSWORD` | string | `DB_PASSWORD`: secret | `DB_PASSWORD`: secret | `DB_PASSWORD`: secret |
        | `LOG_LEVEL` | string | `LOG_LEVEL` = debug | `LOG_LEVEL` = info | `LOG_LEVEL` = info |
        | `CACHE_TTL` | string | app default `60s` | app default `60s` | app default `60s` |
        """);
    assertThat(render(stack)).doesNotContain("Config contract");
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
