package dev.parity.generate.compose;

import static dev.parity.generate.compose.ComposeDocument.duration;
import static dev.parity.generate.compose.ComposeDocument.literal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parity.core.Healthcheck;
import dev.parity.core.Mount;
import dev.parity.core.Port;
import dev.parity.core.SecretFile;
import dev.parity.core.ServiceOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link ServiceOptions}, the same for every kind of service, into a
 * {@link ComposeService}: what the options declare is added to (or, for single values, replaces)
 * what the kind derived.
 */
final class OptionsRenderer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ComposeDocument document;

  OptionsRenderer(ComposeDocument document) {
    this.document = document;
  }

  void apply(ComposeService compose, ServiceOptions options) {
    options.ports().forEach(port -> port(compose, port));
    options.mounts().forEach(mount -> compose.volumes.add(mount(mount)));
    options.env().forEach((variable, value) -> compose.environment.put(variable, literal(value)));
    options.secretEnv().forEach((variable, key) -> compose.environment.put(variable,
        ComposeDocument.secret(document.stack(), key)));
    // A key without a value: compose passes the developer's own value through, from the shell or .env.
    options.passedEnv().forEach(variable -> compose.environment.put(variable, null));
    for (SecretFile file : options.secretFiles()) {
      document.secret(file);
      if (!compose.secrets.contains(file.name())) {
        compose.secrets.add(file.name());
      }
      file.variable().ifPresent(variable -> compose.environment.put(variable, file.path()));
    }
    options.entrypoint().ifPresent(arguments -> compose.entrypoint = literals(arguments));
    options.command().ifPresent(arguments -> compose.command = literals(arguments));
    options.restart().ifPresent(policy -> compose.restart = policy.compose());
    options.hostname().ifPresent(name -> compose.hostname = literal(name));
    options.user().ifPresent(user -> compose.user = literal(user));
    options.init().ifPresent(init -> compose.init = init);
    options.healthcheck().ifPresent(check -> healthcheck(compose, check));
    options.networks().forEach(compose.networks::add);
    options.profiles().forEach(compose.profiles::add);
    options.containerName().ifPresent(name -> compose.containerName = name);
    options.pullPolicy().ifPresent(policy -> compose.pullPolicy = policy.compose());
    options.shmSize().ifPresent(size -> compose.shmSize = size);
    if (!options.ulimits().isEmpty()) {
      compose.ulimits = NODES.objectNode();
      for (dev.parity.core.Ulimit limit : options.ulimits()) {
        if (limit.soft() == limit.hard()) {
          compose.ulimits.put(limit.name(), limit.soft());   // compose's single-value form: soft and hard
        } else {
          compose.ulimits.putObject(limit.name()).put("soft", limit.soft()).put("hard", limit.hard());
        }
      }
    }
  }

  /** Declares the named volume {@code name} at the top level. */
  void declareVolume(String name) {
    document.volume(name);
  }

  /** Every argument through {@link ComposeDocument#literal(String)}. */
  static List<String> literals(List<String> arguments) {
    List<String> out = new ArrayList<>();
    arguments.forEach(argument -> out.add(literal(argument)));
    return out;
  }

  /** A bind mount of {@code specRelative} (relative to the spec's folder) at {@code target}. */
  JsonNode bind(String specRelative, String target, boolean readOnly) {
    return bind(specRelative, target, readOnly, null);
  }

  /** The same, its host files relabelled for SELinux ({@code :z} or {@code :Z}) when {@code relabel} is set. */
  private JsonNode bind(String specRelative, String target, boolean readOnly, Mount.Relabel relabel) {
    String source = document.context().pathFrom(ComposeDocument.COMPOSE_FILE, specRelative);
    // Compose reads a short-syntax source that starts with neither '.' nor '/' as a volume's name.
    if (!source.startsWith(".") && !source.startsWith("/")) {
      source = "./" + source;
    }
    return volumeEntry("bind", source, target, readOnly, relabel);
  }

  /** {@code first} alone, or compose's {@code first-last} for a range. */
  private static String range(int first, int count) {
    return count == 1 ? String.valueOf(first) : first + "-" + (first + count - 1);
  }

  private static void port(ComposeService compose, Port port) {
    String suffix = "udp".equals(port.protocol()) ? "/udp" : "";
    String container = range(port.containerPort(), port.count());
    port.published().ifPresentOrElse(
        host -> compose.ports.add((port.ipv6() ? "[" + port.hostIp() + "]" : port.hostIp()) + ":"
            + (port.anyHostPort() ? "" : range(host, port.count())) + ":" + container + suffix),
        () -> compose.expose.add(container + suffix));
  }

  private JsonNode mount(Mount mount) {
    if (mount.kind() == Mount.Kind.ANONYMOUS) {
      return TextNode.valueOf(literal(mount.target()));
    }
    if (mount.isVolume()) {
      document.volume(mount.source());
      return volumeEntry("volume", mount.source(), mount.target(), mount.isReadOnly(), null);
    }
    return bind(mount.source(), mount.target(), mount.isReadOnly(), mount.relabel().orElse(null));
  }

  /**
   * The short syntax {@code source:target[:ro]} where it is unambiguous, else the long syntax:
   * the short one splits at every {@code :}, so a path holding one needs the long form. An SELinux
   * relabel is the short syntax's mode {@code z}/{@code Z} ({@code ro,z} beside read-only): docker-compose
   * 1.29 refuses the long syntax's {@code bind: selinux:}, so validation keeps such paths free of {@code :}.
   */
  private static JsonNode volumeEntry(String type, String source, String target, boolean readOnly,
      Mount.Relabel relabel) {
    if (relabel != null || !source.contains(":") && !target.contains(":")) {
      String mode = readOnly ? "ro" : "";
      if (relabel != null) {
        mode = mode.isEmpty() ? relabel.flag() : mode + "," + relabel.flag();
      }
      return TextNode.valueOf(literal(source) + ":" + literal(target) + (mode.isEmpty() ? "" : ":" + mode));
    }
    ObjectNode node = NODES.objectNode();
    node.put("type", type);
    node.put("source", literal(source));
    node.put("target", literal(target));
    if (readOnly) {
      node.put("read_only", true);
    }
    return node;
  }

  private static void healthcheck(ComposeService compose, Healthcheck check) {
    List<String> test = new ArrayList<>();
    test.add(check.shell() ? "CMD-SHELL" : "CMD");
    test.addAll(literals(check.test()));
    compose.healthcheck(test, duration(check.interval()), duration(check.timeout()), check.retries(),
        duration(check.startPeriod()));
  }
}
