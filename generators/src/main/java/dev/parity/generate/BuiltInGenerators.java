package dev.parity.generate;

import java.util.List;

/** Parity's own generators, one per artifact, in the order their files are listed. */
public final class BuiltInGenerators {

  private BuiltInGenerators() {
  }

  /** A new instance of each of Parity's generators. */
  public static List<Generator> all() {
    return List.of(
        new dev.parity.generate.terraform.TerraformGenerator(),
        new dev.parity.generate.flyway.FlywayGenerator(),
        new dev.parity.generate.ci.CiGateGenerator(),
        new dev.parity.generate.docs.EnvironmentsDocGenerator()
    );
  }
}
