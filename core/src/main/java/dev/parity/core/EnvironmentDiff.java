package dev.parity.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between two environments of one stack. By construction only knobs, the values of
 * per-environment keys, secret references and declared deviations can.
 *
 * <pre>{@code
 * for (EnvironmentDiff.Row row : EnvironmentDiff.between(stack, "staging", "production").rows()) {
 *   System.out.println(row.aspect() + ": " + row.left() + " | " + row.right());
 * }
 * }</pre>
 */
public final class EnvironmentDiff {

  /** One aspect that differs; a value that does not apply is shown as {@code —}. */
  public record Row(String aspect, String left, String right) {
  }

  private static final String NONE = "—";

  private final Environment left;
  private final Environment right;
  private final List<Row> rows;
  private final List<Deviation> deviations;
  private final int sharedServices;
  private final int identicalKeys;

  private EnvironmentDiff(Environment left, Environment right, List<Row> rows, List<Deviation> deviations,
      int sharedServices, int sharedKeys) {
    this.left = left;
    this.right = right;
    this.rows = List.copyOf(rows);
    this.deviations = List.copyOf(deviations);
    this.sharedServices = sharedServices;
    this.identicalKeys = sharedKeys;
  }

  /**
   * Compares two environments of {@code stack}.
   *
   * @throws ParityException with {@link ErrorCode#USAGE} when either is not declared
   */
  public static EnvironmentDiff between(Stack stack, String leftName, String rightName) {
    Environment left = find(stack, leftName);
    Environment right = find(stack, rightName);
    List<Row> rows = new ArrayList<>();
    add(rows, "instance count", text(left, left.instances(), "1 container per service"),
        text(right, right.instances(), "1 container per service"));
    add(rows, "instance type", text(left, left.instanceType(), NONE), text(right, right.instanceType(), NONE));
    add(rows, "AMI", text(left, left.ami(), NONE), text(right, right.ami(), NONE));
    add(rows, "database instance class", text(left, left.databaseClass(), NONE),
        text(right, right.databaseClass(), NONE));
    add(rows, "host name", text(left, left.hostname(), "localhost"), text(right, right.hostname(), "localhost"));
    if (left.runsOnKubernetes() || right.runsOnKubernetes()) {
      KubernetesRows.add(left, right, (aspect, l, r) -> add(rows, aspect, l, r));
    }
    for (Service service : stack.services()) {
      if (service instanceof Database db) {
        add(rows, "service " + service.name() + " runs", runs(left, db), runs(right, db));
      }
      if (!(service instanceof App)) {
        add(rows, "service " + service.name() + " host", host(stack, left, service), host(stack, right, service));
      }
    }
    List<ConfigEntry> leftConfig = stack.config(left);
    List<ConfigEntry> rightConfig = stack.config(right);
    int identicalKeys = 0;
    for (ConfigKey key : stack.config()) {
      String l = value(leftConfig, key);
      String r = value(rightConfig, key);
      if (l.equals(r)) {
        identicalKeys++;
      }
      add(rows, "config " + key.name(), l, r);
    }
    for (Knob knob : stack.knobs()) {
      add(rows, "knob " + knob.name(), knob(stack, left, knob), knob(stack, right, knob));
    }
    List<Deviation> deviations = stack.deviations().stream()
        .filter(d -> d.environments().contains(left.name()) != d.environments().contains(right.name())).toList();
    return new EnvironmentDiff(left, right, rows, deviations, stack.services().size(), identicalKeys);
  }

  private static Environment find(Stack stack, String name) {
    return stack.environment(name).orElseThrow(() -> new ParityException(ErrorCode.USAGE,
        "environment '" + name + "' is not declared; declared: "
            + String.join(", ", stack.environments().stream().map(Environment::name).toList())));
  }

  private static void add(List<Row> rows, String aspect, String left, String right) {
    if (!Objects.equals(left, right)) {
      rows.add(new Row(aspect, left, right));
    }
  }

  private static String text(Environment env, Optional<?> value, String local) {
    return env.isLocal() ? local : value.map(String::valueOf).orElse(NONE);
  }

  private static String runs(Environment env, Database db) {
    return env.isLocal() ? "container " + db.image() : "managed " + db.engine() + " " + db.version();
  }

  private static String host(Stack stack, Environment env, Service service) {
    String host = stack.addresses(env).host(service);
    return host == null ? NONE : host;
  }

  private static String value(List<ConfigEntry> entries, ConfigKey key) {
    for (ConfigEntry entry : entries) {
      if (entry.key().name().equals(key.name())) {
        if (entry.plainValue().isPresent()) {
          return entry.plainValue().get();
        }
        return entry.secretReference().map(ref -> "secret from " + ref.reference()).orElse("secret from local/.env");
      }
    }
    return NONE;
  }

  private static String knob(Stack stack, Environment env, Knob knob) {
    return env.isLocal() ? NONE : stack.knobValue(env, knob).map(String::valueOf).orElse(NONE);
  }

  public Environment left() {
    return left;
  }

  public Environment right() {
    return right;
  }

  /** The differing aspects, in a stable order: built-in knobs, services, config, knobs. */
  public List<Row> rows() {
    return rows;
  }

  /** The declared deviations that apply in one of the two environments but not in the other. */
  public List<Deviation> deviations() {
    return deviations;
  }

  /** How many services both environments run at the same version. */
  public int sharedServices() {
    return sharedServices;
  }

  /** How many config keys have the same value in both. */
  public int identicalKeys() {
    return identicalKeys;
  }
}
