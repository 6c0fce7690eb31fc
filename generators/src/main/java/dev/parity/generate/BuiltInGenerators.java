package dev.parity.generate;

import java.util.List;

/** Parity's own generators, one per artifact, in the order their files are listed. */
final class BuiltInGenerators {

  private BuiltInGenerators() {
  }

  static List<Generator> all() {
    return List.of(
        new dev.parity.generate.dockerfile.DockerfileGenerator(),
        new dev.parity.generate.compose.ComposeGenerator()
    );
  }
}
