package dev.parity.generate;

import dev.parity.generate.ci.CiGateGenerator;
import dev.parity.generate.compose.ComposeGenerator;
import dev.parity.generate.dockerfile.DockerfileGenerator;
import dev.parity.generate.docs.EnvironmentsDocGenerator;
import dev.parity.generate.flyway.FlywayGenerator;
import dev.parity.generate.k8s.KubernetesGenerator;
import dev.parity.generate.terraform.TerraformGenerator;
import java.util.List;

/** Parity's own generators, one per artifact. */
public final class BuiltInGenerators {

  private BuiltInGenerators() {
  }

  /** A new instance of each of Parity's generators. */
  public static List<Generator> all() {
    return List.of(
        new DockerfileGenerator(),
        new ComposeGenerator(),
        new TerraformGenerator(),
        new KubernetesGenerator(),
        new FlywayGenerator(),
        new CiGateGenerator(),
        new EnvironmentsDocGenerator());
  }
}
