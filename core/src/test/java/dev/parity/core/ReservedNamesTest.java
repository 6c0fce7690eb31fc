package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 22, class 5: names a tool downstream reserves, where Parity maps a spec name into its file. Each is refused
 * at validation with the element, the value and a rename, before the tool refuses the generated file.
 */
class ReservedNamesTest {

  @ParameterizedTest(name = "knob ''{0}''")
  @ValueSource(strings = {"count", "version", "source", "providers", "for_each", "lifecycle", "depends_on", "locals",
      "provider"})
  void aKnobNamedAsTerraformReservesForModuleBlocksIsRefused(String name) {
    ShopFixture shop = new ShopFixture();
    shop.knobs.add(Knob.number(name, "Something per environment").defaultValue(1));
    assertOnlyProblem(shop, "knob '" + name + "': is a name Terraform reserves for module blocks, so terraform init"
        + " would refuse variables.tf (\"The variable name \"" + name + "\" is reserved\");"
        + " fix: rename it, e.g. Knob.number(\"shop_" + name + "\", …)");
  }

  @ParameterizedTest(name = "knob ''{0}''")
  @ValueSource(strings = {"count_", "shop_version", "sources", "lifecycle_days", "null", "self", "each", "module"})
  void namesNearTheReservedOnesThatTerraformAcceptsAreAccepted(String name) {
    ShopFixture shop = new ShopFixture();
    shop.knobs.add(Knob.number(name, "Something per environment").defaultValue(1));
    shop.build();
  }
}
