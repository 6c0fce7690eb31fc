package dev.parity.generate.docs;

import dev.parity.core.ConfigEntry;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Knob;
import dev.parity.core.KubernetesAspects;
import dev.parity.core.SecretRef;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows of "What differs per environment": one per knob that some environment sets, one
 * column per environment in promotion order. The local column says what applies on a
 * developer's machine.
 */
final class KnobTable {

  private final Stack stack;
  private final List<List<Cell>> rows = new ArrayList<>();
  private final Map<String, Map<String, ConfigEntry>> configByEnvironment = new HashMap<>();

  private KnobTable(Stack stack) {
    this.stack = stack;
  }

  static List<List<Cell>> rows(Stack stack) {
    KnobTable table = new KnobTable(stack);
    table.build();
    return table.rows;
  }

  private void build() {
    builtIn("Instance count", Environment::instances, "1 container per service", v -> Cell.text(v.toString()));
    builtIn("Instance type", Environment::instanceType, "developer's machine", Cell::code);
    builtIn("AMI", Environment::ami, "—", Cell::code);
    builtIn("Database instance class", Environment::databaseClass, "local container", Cell::code);
    builtIn("Host name", Environment::hostname, "localhost", Cell::code);
    if (stack.remoteEnvironments().stream().anyMatch(Environment::runsOnKubernetes)) {
      KubernetesAspects.of(stack.environments().get(0)).keySet().forEach(aspect -> row(
          Cell.text(Character.toUpperCase(aspect.charAt(0)) + aspect.substring(1)),
          env -> Cell.text(KubernetesAspects.of(env).get(aspect))));
    }
    for (Service service : stack.services()) {
      if (stack.remoteEnvironments().stream().anyMatch(e -> e.endpoints().containsKey(service.name()))) {
        row(Cell.of("Endpoint of ", service.name(), ""), env -> env.isLocal() ? Cell.code(service.name())
            : Optional.ofNullable(env.endpoints().get(service.name())).map(Cell::code).orElse(Cell.none()));
      }
    }
    for (ConfigKey key : stack.config()) {
      if (key.secret()) {
        row(Cell.of("", key.name(), " (secret)"), env -> env.isLocal() ? Cell.of("from ", "local/.env", "")
            : Optional.ofNullable(env.secrets().get(key.name())).map(KnobTable::reference).orElse(Cell.none()));
      } else if (key.isPerEnvironment()) {
        row(Cell.code(key.name()), env -> Optional.ofNullable(config(env).get(key.name()))
            .flatMap(ConfigEntry::plainValue).map(Cell::code).orElse(Cell.none()));
      }
    }
    for (Knob knob : stack.knobs()) {
      row(Cell.of("", knob.name(), " (" + knob.description() + ")"), env -> {
        if (env.isLocal()) {
          return Cell.none();
        }
        Object own = env.knobs().get(knob.name());
        return own != null ? Cell.code(String.valueOf(own))
            : knob.defaultValue().map(d -> Cell.of("", String.valueOf(d), " (default)")).orElse(Cell.none());
      });
    }
  }

  /** The config of {@code environment} by key, resolved once per environment rather than once per row. */
  private Map<String, ConfigEntry> config(Environment environment) {
    return configByEnvironment.computeIfAbsent(environment.name(), name -> {
      Map<String, ConfigEntry> byKey = new HashMap<>();
      stack.config(environment).forEach(entry -> byKey.putIfAbsent(entry.name(), entry));
      return byKey;
    });
  }

  private <T> void builtIn(String label, Function<Environment, Optional<T>> value, String local,
      Function<T, Cell> cell) {
    if (stack.remoteEnvironments().stream().noneMatch(e -> value.apply(e).isPresent())) {
      return;
    }
    row(Cell.text(label), env -> env.isLocal() ? Cell.text(local)
        : value.apply(env).map(cell).orElse(Cell.none()));
  }

  private void row(Cell label, Function<Environment, Cell> value) {
    List<Cell> row = new ArrayList<>();
    row.add(label);
    stack.environments().forEach(env -> row.add(value.apply(env)));
    rows.add(List.copyOf(row));
  }

  private static Cell reference(SecretRef ref) {
    String store = switch (ref.store()) {
      case AWS_SECRETS_MANAGER -> "AWS Secrets Manager";
      case AWS_PARAMETER_STORE -> "SSM Parameter Store";
      case VAULT -> "Vault";
    };
    return Cell.of("", ref.reference(), " (" + store + ")");
  }
}
