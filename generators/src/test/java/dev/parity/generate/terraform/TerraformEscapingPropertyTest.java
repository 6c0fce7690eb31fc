package dev.parity.generate.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Knob;
import dev.parity.core.Stack;
import dev.parity.generate.AdversarialStrings;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.RealTool;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any string a spec can hold comes out of the Terraform files as exactly that string, as
 * HashiCorp's parser reads it: a per-environment config value, a string knob's value and a
 * knob's description. All samples are parsed by one {@code hcl-check} run, since each run
 * starts a Node.js process.
 *
 * <p>HCL normalizes every string literal to Unicode NFC (Terraform does the same), so a value
 * with a decomposed accent reads back composed: the expected value is the NFC form.
 */
class TerraformEscapingPropertyTest {

  private static final int SAMPLES = 150;
  private static final long SEED = 20261126L;

  @TempDir
  Path dir;

  private static Stack stackHolding(String value) {
    return Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19").uses("NOTE"))
        .config(ConfigKey.string("NOTE").defaultValue("plain").perEnvironment())
        .knob(Knob.string("label", value).defaultValue("plain"))
        .environment(Environment.local())
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0")
            .set("NOTE", value).knob("label", value))
        .build();
  }

  @Test
  void anyStringReadsBackAsItselfThroughHclParser() {
    RealTool.require("hcl-check");
    List<String> samples = AdversarialStrings.samples(SEED, SAMPLES);

    List<GeneratedFile> files = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      for (GeneratedFile f : new TerraformGenerator().generate(Fixtures.context(stackHolding(samples.get(i))))) {
        files.add(GeneratedFile.of("s" + i + "/" + f.path(), f.content()));
      }
    }
    JsonNode parsed = HclJson.parse(dir, files);

    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < samples.size(); i++) {
      String expected = Normalizer.normalize(samples.get(i), Normalizer.Form.NFC);
      String shown = samples.get(i).codePoints().mapToObj(c -> String.format("U+%04X", c)).collect(Collectors.joining(" "));
      JsonNode tfvars = parsed.get("s" + i + "/terraform/staging.tfvars");
      JsonNode knob = parsed.get("s" + i + "/terraform/variables.tf").get("variable").get("label").get(0);
      softly.assertThat(HclJson.literal(tfvars.get("app_environment").get("web").get("NOTE"))).as("config value [%s]", shown)
          .isEqualTo(expected);
      softly.assertThat(HclJson.literal(tfvars.get("label"))).as("knob value [%s]", shown).isEqualTo(expected);
      softly.assertThat(HclJson.literal(knob.get("description"))).as("knob description [%s]", shown).isEqualTo(expected);
    }
    softly.assertAll();
  }

  @Test
  void hclReadsDecomposedAccentsComposed() {
    RealTool.require("hcl-check");
    JsonNode parsed = HclJson.parse(dir, new TerraformGenerator().generate(Fixtures.context(stackHolding("e\u0301"))));
    assertThat(HclJson.literal(parsed.get("terraform/staging.tfvars").get("label"))).isEqualTo("\u00e9");
  }
}
