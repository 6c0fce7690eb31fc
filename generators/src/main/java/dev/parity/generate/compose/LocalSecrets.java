package dev.parity.generate.compose;

import dev.parity.core.App;
import dev.parity.core.ConfigEntry;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.SecretFile;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The secrets the local stack needs and how each reaches its containers: as a variable that
 * compose reads from {@code local/.env}, or as a file under {@code local/secrets/}.
 */
final class LocalSecrets {

  private final Set<String> variables = new LinkedHashSet<>();
  private final Map<String, String> files = new LinkedHashMap<>();

  private LocalSecrets() {
  }

  static LocalSecrets of(Stack stack) {
    LocalSecrets secrets = new LocalSecrets();
    for (Service service : stack.services()) {
      if (service instanceof App app) {
        stack.config(app, stack.localEnvironment().orElseThrow()).stream().filter(ConfigEntry::isSecret)
            .forEach(entry -> secrets.variables.add(entry.name()));
      } else if (service instanceof Postgres db) {
        db.passwordKey().ifPresent(key -> secrets.password(db, key));
      } else if (service instanceof MySql db) {
        db.passwordKey().ifPresent(key -> secrets.password(db, key));
        db.rootPasswordKey().ifPresent(key -> secrets.password(db, key));
      }
      secrets.variables.addAll(service.options().secretEnv().values());
      service.options().secretFiles().forEach(file -> secrets.files.putIfAbsent(file.name(), file.key()));
    }
    return secrets;
  }

  /** A database reads its password from a file when its options hand that key over as one. */
  private void password(Service db, String key) {
    if (db.options().secretFiles().stream().map(SecretFile::key).noneMatch(key::equals)) {
      variables.add(key);
    }
  }

  /** Whether some container reads {@code key} as a variable from {@code local/.env}. */
  boolean isVariable(String key) {
    return variables.contains(key);
  }

  /** Secret file name (under {@code local/secrets/}) to the config key it holds, in declaration order. */
  Map<String, String> files() {
    return files;
  }
}
