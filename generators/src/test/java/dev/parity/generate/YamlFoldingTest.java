package dev.parity.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** Folding keeps every line within yamllint's default 80 columns and every value as it was. */
class YamlFoldingTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void aLongUrlWithoutSpacesStaysWholeOnALineOfItsOwnAndReadsBackWhole() throws Exception {
    String url = "jdbc:postgresql://orders-staging.c9akciq32.eu-central-1.rds.amazonaws.com:5432/orders";
    String folded = YamlFolding.fold("---\nenv:\n  - name: FLYWAY_URL\n    value: " + url + "\n");

    assertThat(folded).isEqualTo("---\nenv:\n  - name: FLYWAY_URL\n"
        + "    value: |-\n"
        + "      " + url + "\n");
    assertThat(YAML.readTree(folded).at("/env/0/value").asText()).isEqualTo(url);
  }

  @Test
  void aLongDigestUnderAnAnnotationKeyWithASlashStaysWholeAndFitsYamllint() throws Exception {
    String digest = "sha256:" + "cb".repeat(32);
    String folded = YamlFolding.fold("---\nannotations:\n  parity.dev/config-sha256: " + digest + "\n");

    assertThat(folded).contains("\n    " + digest + "\n");
    assertThat(folded.lines()).allSatisfy(line -> assertThat(YamllintLineLength.accepts(line)).as(line).isTrue());
    JsonNode read = YAML.readTree(folded);
    assertThat(read.at("/annotations").get("parity.dev/config-sha256").asText()).isEqualTo(digest);
  }

  @Test
  void aLongValueWithSpacesIsContinuedInDoubleQuotesAndReadsBackWhole() throws Exception {
    String text = "a value with spaces that is longer than eighty columns once its key and indentation come first";
    String folded = YamlFolding.fold("---\nenv:\n  - name: NOTE\n    value: \"" + text + "\"\n");

    assertThat(folded).contains("value: \"a value with spaces", "\\\n");
    assertThat(folded.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(YAML.readTree(folded).at("/env/0/value").asText()).isEqualTo(text);
  }


  @Test
  void anIndentedCommandInACommentIsContinuedWithABackslashSoItStillRunsAsOne() {
    String folded = YamlFolding.fold("#   kubectl apply -k k8s/overlays/staging/migrate && kubectl wait"
        + " --for=condition=complete job/orders-db-migrate -n orders-staging\n---\n");

    assertThat(folded).isEqualTo("#   kubectl apply -k k8s/overlays/staging/migrate && kubectl wait \\\n"
        + "#     --for=condition=complete job/orders-db-migrate -n orders-staging\n---\n");
  }

  @Test
  void proseInACommentBreaksAtSpacesWithoutIndentation() {
    String folded = YamlFolding.fold("# Do not edit: change the spec and run `parity generate`; `parity check`"
        + " detects hand edits.\n");

    assertThat(folded).isEqualTo("# Do not edit: change the spec and run `parity generate`; `parity check` detects\n"
        + "# hand edits.\n");
  }
}
