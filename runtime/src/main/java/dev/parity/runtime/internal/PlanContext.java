package dev.parity.runtime.internal;

import dev.parity.core.ImageRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every container plan of one start shares.
 *
 * @param mirror maps a declared image to the one Docker runs
 * @param secrets the generated local secrets, by config key
 * @param fixedPorts whether declared host ports are published as they are (else Docker picks free ones)
 * @param projectFolder the folder the spec's relative paths (bind mounts, app sources) start from
 * @param secretsFolder the folder of this start's secret files
 * @param volumeNames the Docker name of each declared named volume
 * @param developerEnvironment the environment {@code parity up} runs in, where passed-through variables come from
 */
record PlanContext(UnaryOperator<ImageRef> mirror, Map<String, String> secrets, boolean fixedPorts,
    Path projectFolder, Path secretsFolder, UnaryOperator<String> volumeNames, Map<String, String> developerEnvironment) {

  PlanContext {
    secrets = Map.copyOf(secrets);
    developerEnvironment = Map.copyOf(developerEnvironment);
  }

  /** A context whose passed-through variables come from this process's environment. */
  PlanContext(UnaryOperator<ImageRef> mirror, Map<String, String> secrets, boolean fixedPorts, Path projectFolder,
      Path secretsFolder, UnaryOperator<String> volumeNames) {
    this(mirror, secrets, fixedPorts, projectFolder, secretsFolder, volumeNames, System.getenv());
  }

  /** The generated value of the secret config key {@code key}; empty when the key has none. */
  String secret(String key) {
    return secrets.getOrDefault(key, "");
  }
}
