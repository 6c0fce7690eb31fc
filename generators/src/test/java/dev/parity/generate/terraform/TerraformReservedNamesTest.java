package dev.parity.generate.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parity.core.InvalidSpecException;
import dev.parity.core.Knob;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 5: the knob names Parity refuses are exactly those the real {@code terraform init} refuses in
 * the generated {@code variables.tf}, among every keyword of Terraform's language (module and resource
 * meta-arguments, block types, expression keywords and the reference roots).
 */
class TerraformReservedNamesTest {

  /** Every keyword a team might pick as a knob name. */
  private static final List<String> CANDIDATES = List.of("count", "version", "source", "providers", "for_each",
      "lifecycle", "depends_on", "locals", "provider", "connection", "provisioner", "module", "data", "resource",
      "variable", "output", "terraform", "moved", "import", "check", "removed", "each", "self", "var", "local",
      "path", "null", "true", "false", "ephemeral", "sensitive", "nullable", "description", "type", "default",
      "validation", "for", "in", "if");
  private static final Pattern RESERVED = Pattern.compile("The variable name \"([a-z_]+)\" is reserved");

  @TempDir
  Path dir;

  @Test
  void theKnobNamesParityRefusesAreExactlyTheOnesTerraformInitRefuses() throws IOException {
    RealTool.require("terraform");
    Set<String> refusedByParity = new TreeSet<>();
    for (String name : CANDIDATES) {
      InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
          () -> shop(Knob.number(name, "A setting").defaultValue(1)));
      if (e != null) {
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).toString()).startsWith("knob '" + name + "': is a name Terraform reserves");
        refusedByParity.add(name);
      }
    }
    // What Parity would write for each name: its variables.tf with the accepted knob renamed.
    Stack stack = shop(Knob.number("placeholder_knob", "A setting").defaultValue(1));
    String variables = null;
    for (GeneratedFile file : new TerraformGenerator().generate(Fixtures.context(stack))) {
      if (file.path().equals("terraform/variables.tf")) {
        variables = new String(file.bytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    assertThat(variables).contains("variable \"placeholder_knob\" {");
    int start = variables.indexOf("variable \"placeholder_knob\" {");
    String block = variables.substring(start, variables.indexOf("\n}\n", start) + 3);
    StringBuilder module = new StringBuilder(variables);
    for (String name : CANDIDATES) {
      module.append('\n').append(block.replace("\"placeholder_knob\"", "\"" + name + "\""));
    }
    Files.writeString(dir.resolve("variables.tf"), module);

    RealTool.Result init = RealTool.run(dir, "terraform", "init", "-input=false", "-no-color");

    Set<String> refusedByTerraform = new TreeSet<>();
    Matcher m = RESERVED.matcher(init.output().replaceAll("\\s+", " "));
    while (m.find()) {
      refusedByTerraform.add(m.group(1));
    }
    assertThat(init.exitCode()).as(init.output()).isEqualTo(1);
    assertThat(refusedByTerraform).isEqualTo(Set.of("count", "version", "source", "providers", "for_each",
        "lifecycle", "depends_on", "locals", "provider"));
    assertThat(refusedByParity).isEqualTo(refusedByTerraform);

    // Without the refused names, the same module initialises and validates: the others are fine to Terraform.
    StringBuilder accepted = new StringBuilder(variables);
    CANDIDATES.stream().filter(n -> !refusedByTerraform.contains(n))
        .forEach(n -> accepted.append('\n').append(block.replace("\"placeholder_knob\"", "\"" + n + "\"")));
    Files.writeString(dir.resolve("variables.tf"), accepted);
    RealTool.Result again = RealTool.run(dir, "terraform", "init", "-input=false", "-no-color");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(RealTool.run(dir, "terraform", "validate", "-no-color").exitCode()).isZero();
  }

  private static Stack shop(Knob knob) {
    return Fixtures.shop().knob(knob).build();
  }
}
