package dev.parity.runtime.internal;

import java.util.List;
import java.util.Map;

/**
 * What a successful start produced.
 *
 * @param runId the value of the run label on everything started
 * @param hostPorts the published port of each started service
 * @param secrets the generated local secrets, by config key
 * @param migrations the versions applied to each migrated database
 * @param docker the client that removes the stack again
 * @param projectFolder the folder whose {@code .parity/secrets} holds the run's secret files
 */
public record StartedStack(String runId, Map<String, Integer> hostPorts, Map<String, String> secrets,
    Map<String, List<String>> migrations, DockerOps docker, java.nio.file.Path projectFolder) {

  public StartedStack {
    hostPorts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hostPorts));
    secrets = Map.copyOf(secrets);
    migrations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(migrations));
  }
}
