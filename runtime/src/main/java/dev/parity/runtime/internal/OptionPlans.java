package dev.parity.runtime.internal;

import dev.parity.core.App;
import dev.parity.core.Database;
import dev.parity.core.ErrorCode;
import dev.parity.core.Mount;
import dev.parity.core.ParityException;
import dev.parity.core.Port;
import dev.parity.core.SecretFile;
import dev.parity.core.Service;
import dev.parity.core.ServiceOptions;
import dev.parity.runtime.internal.ContainerPlan.MountPlan;
import dev.parity.runtime.internal.ContainerPlan.PortPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ServiceOptions} every service kind shares, as Docker takes them: ports, mounts,
 * environment, secret files and networks. The same mapping as the generated compose file's.
 */
final class OptionPlans {

  private OptionPlans() {
  }

  /**
   * The main port, then each further one, a range as one port each. Published ports bind their
   * host address (127.0.0.1 unless declared), on their declared host port with fixed ports, else on
   * one Docker picks (always for {@link Port#publishedOnAnyPort}); internal ones are only exposed. An app with
   * several local replicas publishes nothing: a proxy reaches it by name.
   */
  static List<PortPlan> ports(Service service, boolean fixedPorts) {
    boolean publish = !(service instanceof App app && app.localReplicas() > 1);
    List<PortPlan> ports = new ArrayList<>();
    ports.add(publish ? new PortPlan(service.containerPort(), "tcp", true,
        fixedPorts ? service.hostPort().orElse(null) : null) : PortPlan.internal(service.containerPort(), "tcp"));
    for (Port port : service.options().ports()) {
      boolean published = publish && port.published().isPresent();
      // a range is one binding per port, as compose makes it
      for (int i = 0; i < port.count(); i++) {
        int containerPort = port.containerPort() + i;
        if (containerPort == service.containerPort() && port.protocol().equals("tcp")) {
          continue;
        }
        Integer hostPort = published && fixedPorts && !port.anyHostPort() ? port.hostPort() + i : null;
        ports.add(new PortPlan(containerPort, port.protocol(), published, hostPort, port.hostIp()));
      }
    }
    return ports;
  }

  /**
   * The mounts a service runs with: the declared ones, then, for a database that declares none at
   * its data path, its default data volume {@code <name>-data} — the volume the generated compose
   * file gives it, so local data outlives {@code down} the same way.
   */
  static List<Mount> declaredAndData(Service service) {
    List<Mount> mounts = new ArrayList<>(service.options().mounts());
    if (service instanceof Database db && !db.declaresDataMount()) {
      mounts.add(db.dataMount());
    }
    return mounts;
  }

  /** Named volumes (by their Docker name) and bind mounts (by absolute path), in declaration order. */
  static List<MountPlan> mounts(Service service, PlanContext context) {
    List<MountPlan> mounts = new ArrayList<>();
    for (Mount mount : declaredAndData(service)) {
      mounts.add(switch (mount.kind()) {
        case VOLUME -> new MountPlan(MountPlan.Kind.VOLUME, context.volumeNames().apply(mount.source()), mount.target(),
            mount.isReadOnly());
        case BIND -> new MountPlan(MountPlan.Kind.BIND, bindSource(service, mount, context.projectFolder()).toString(),
            mount.target(), mount.isReadOnly(), mount.relabel().map(dev.parity.core.Mount.Relabel::flag).orElse(null));
        case ANONYMOUS -> new MountPlan(MountPlan.Kind.ANONYMOUS, "", mount.target(), false);
      });
    }
    for (SecretFile file : service.options().secretFiles()) {
      mounts.add(new MountPlan(MountPlan.Kind.BIND, secretPath(file, context).toString(), file.path(), true));
    }
    return mounts;
  }

  /** The host path of a bind mount: the spec folder's {@code source}, which must exist. */
  static Path bindSource(Service service, Mount mount, Path projectFolder) {
    Path path = projectFolder.resolve(mount.source()).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new ParityException(ErrorCode.USAGE, "service '" + service.name() + "': bind mount source '" + path
          + "' does not exist; create it, or fix Mount.bind(\"" + mount.source() + "\", \"" + mount.target()
          + "\") (the path is relative to the spec's folder)");
    }
    return path;
  }

  /** Where this start writes the secret file: {@code <secrets folder>/<name>}. */
  static Path secretPath(SecretFile file, PlanContext context) {
    return context.secretsFolder().resolve(file.name()).toAbsolutePath().normalize();
  }

  /** Each secret file's content, by the host path it is written to. */
  static Map<Path, String> secretFiles(Service service, PlanContext context) {
    Map<Path, String> files = new LinkedHashMap<>();
    service.options().secretFiles().forEach(f -> files.put(secretPath(f, context), context.secret(f.key())));
    return files;
  }

  /**
   * Fixed variables, variables from secret keys, those passed through from the developer's
   * environment (when it sets them), and the path of each secret file whose variable is
   * named, in that order, after {@code kindEnvironment}.
   */
  static Map<String, String> environment(Service service, Map<String, String> kindEnvironment, PlanContext context) {
    ServiceOptions options = service.options();
    Map<String, String> env = new LinkedHashMap<>(kindEnvironment);
    env.putAll(options.env());
    options.secretEnv().forEach((variable, key) -> env.put(variable, context.secret(key)));
    // As compose does: the developer's value when there is one, else the variable is not set at all.
    options.passedEnv().stream().filter(context.developerEnvironment()::containsKey)
        .forEach(variable -> env.put(variable, context.developerEnvironment().get(variable)));
    options.secretFiles().forEach(f -> f.variable().ifPresent(variable -> env.put(variable, f.path())));
    return env;
  }

  /** The secret file that holds {@code key}, if the options hand it over as a file. */
  static java.util.Optional<SecretFile> secretFileOf(Service service, String key) {
    return service.options().secretFiles().stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The stack networks joined: the declared ones, or the default. */
  static List<String> networks(Service service) {
    List<String> declared = service.options().networks();
    return declared.isEmpty() ? List.of(ContainerPlan.DEFAULT_NETWORK) : declared;
  }
}
