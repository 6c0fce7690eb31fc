package dev.parity.generate;

import java.util.List;

/**
 * Renders one artifact (a Dockerfile per app, the compose file, the Terraform variables, …) from
 * a stack. Generators are found with {@link java.util.ServiceLoader}: a team adds its own by
 * listing the class in {@code META-INF/services/dev.parity.generate.Generator}.
 *
 * <p>A generator must be deterministic: the same context gives the same files, byte for byte.
 */
public interface Generator {

  /** A short, stable name: {@code dockerfile}, {@code compose}, {@code terraform}, … */
  String name();

  /** The files of this artifact; paths are relative to the deploy tree's root. */
  List<GeneratedFile> generate(GenerationContext context);
}
