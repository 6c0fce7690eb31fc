package dev.parity.maven;

import dev.parity.core.Postgres;
import dev.parity.core.MySql;
import dev.parity.core.Redis;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code up} and {@code down}: the environment of the local stack and the env file between them. */
abstract class AbstractStackMojo extends AbstractParityMojo {

  /** The environment whose config the local stack gets, as {@code parity up --env}. */
  @Parameter(property = "parity.environment", defaultValue = "local")
  String environment;

  /**
   * The env file {@code up} writes with the exported config and {@code down} removes (default:
   * {@code target/parity/<environment>.env}).
   */
  @Parameter(property = "parity.envFile")
  File envFile;

  File envFile() {
    return envFile != null ? envFile : new File(project.getBuild().getDirectory(), "parity/" + environment + ".env");
  }

  /**
   * The names {@code up} exports besides the config keys, for each service: {@code parity.<service>.port},
   * and {@code parity.<service>.jdbcUrl} for a SQL database, {@code parity.<service>.redisUri} for Redis.
   * The values are filled in by {@code up}; {@code down} clears them.
   */
  static Map<String, String> serviceProperties(Stack stack) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Service service : stack.services()) {
      String prefix = "parity." + service.name() + ".";
      names.put(prefix + "port", service.name());
      if (service instanceof Postgres || service instanceof MySql) {
        names.put(prefix + "jdbcUrl", service.name());
      } else if (service instanceof Redis) {
        names.put(prefix + "redisUri", service.name());
      }
    }
    return names;
  }
}
