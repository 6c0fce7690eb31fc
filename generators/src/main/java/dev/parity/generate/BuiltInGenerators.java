package dev.parity.generate;

import java.util.List;

/** Parity's own generators, one per artifact, in the order their files are listed. */
final class BuiltInGenerators {

  private BuiltInGenerators() {
  }

  static List<Generator> all() {
    return List.of(
        // one line per generator, e.g. new dev.parity.generate.compose.ComposeGenerator(),
        new dev.parity.generate.ci.CiGateGenerator(),
        new dev.parity.generate.docs.EnvironmentsDocGenerator()
    );
  }
}
