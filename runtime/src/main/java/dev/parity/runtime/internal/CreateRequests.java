package dev.parity.runtime.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.parity.core.Healthcheck;
import dev.parity.runtime.internal.ContainerPlan.MountPlan;
import dev.parity.runtime.internal.ContainerPlan.PortPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link ContainerPlan} as the parameters of Docker's create call, the way compose passes the same options. */
final class CreateRequests {

  private CreateRequests() {
  }

  /**
   * Fills {@code create} from {@code plan}: the container joins {@code network} (its first stack
   * network) with the service name as alias; the others are connected before it starts.
   */
  static CreateContainerCmd apply(CreateContainerCmd create, ContainerPlan plan, String containerName, String network,
      Map<String, String> labels) {
    List<ExposedPort> exposed = new ArrayList<>();
    List<PortBinding> bindings = new ArrayList<>();
    for (PortPlan port : plan.ports()) {
      ExposedPort e = new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
      exposed.add(e);
      if (port.published()) {
        bindings.add(new PortBinding(port.hostPort() == null ? Ports.Binding.bindIp(port.hostIp())
            : Ports.Binding.bindIpAndPort(port.hostIp(), port.hostPort()), e));
      }
    }
    List<Mount> mounts = new ArrayList<>();
    List<Volume> anonymous = new ArrayList<>();
    List<com.github.dockerjava.api.model.Bind> relabelled = new ArrayList<>();
    for (MountPlan m : plan.mounts()) {
      if (m.kind() == MountPlan.Kind.ANONYMOUS) {
        anonymous.add(new Volume(m.target()));
      } else if (m.relabel() != null) {
        // Docker's mounts API has no SELinux relabel; its binds ("src:dst:ro,z") have, as compose uses them
        relabelled.add(new com.github.dockerjava.api.model.Bind(m.source(), new Volume(m.target()),
            m.readOnly() ? com.github.dockerjava.api.model.AccessMode.ro : com.github.dockerjava.api.model.AccessMode.rw,
            com.github.dockerjava.api.model.SELContext.fromString(m.relabel())));
      } else {
        mounts.add(new Mount().withType(m.kind() == MountPlan.Kind.VOLUME ? MountType.VOLUME : MountType.BIND)
            .withSource(m.source()).withTarget(m.target()).withReadOnly(m.readOnly()));
      }
    }
    HostConfig host = HostConfig.newHostConfig().withNetworkMode(network).withPortBindings(bindings).withMounts(mounts);
    if (!relabelled.isEmpty()) {
      host.withBinds(relabelled);
    }
    if (plan.restart() != null) {
      host.withRestartPolicy(RestartPolicy.parse(plan.restart().compose()));
    }
    if (plan.init() != null) {
      host.withInit(plan.init());
    }
    // The local run settings compose passes the same way; container_name stays compose's: parity up names its own.
    dev.parity.core.ServiceOptions options = plan.service().options();
    options.shmSize().ifPresent(size -> host.withShmSize(bytes(size)));
    if (!options.ulimits().isEmpty()) {
      host.withUlimits(options.ulimits().stream().map(u -> new com.github.dockerjava.api.model.Ulimit(u.name(),
          u.soft(), u.hard())).toList());
    }
    List<String> env = plan.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    create.withName(containerName).withLabels(labels).withEnv(env).withExposedPorts(exposed).withHostConfig(host)
        .withAliases(plan.name());
    if (!anonymous.isEmpty()) {
      create.withVolumes(anonymous);
    }
    if (plan.command() != null) {
      create.withCmd(plan.command());
    }
    if (plan.entrypoint() != null) {
      create.withEntrypoint(plan.entrypoint());
    }
    if (plan.hostname() != null) {
      create.withHostName(plan.hostname());
    }
    if (plan.user() != null) {
      create.withUser(plan.user());
    }
    if (plan.healthcheck() != null) {
      create.withHealthcheck(healthcheck(plan.healthcheck()));
    }
    return create;
  }

  /** Compose's byte notation ({@code 256m}, {@code 1gb}; validated by the spec) in bytes, as compose converts it. */
  static long bytes(String size) {
    String s = size.toLowerCase(java.util.Locale.ROOT).replaceAll("b$", "");
    long factor = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
      case 'k' -> 1024L;
      case 'm' -> 1024L * 1024;
      case 'g' -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    return Long.parseLong(factor == 1 ? s : s.substring(0, s.length() - 1)) * factor;
  }

  /** compose's {@code healthcheck:}: {@code ["CMD", ...]} or {@code ["CMD-SHELL", line]}, durations in nanoseconds. */
  static HealthCheck healthcheck(Healthcheck check) {
    List<String> test = new ArrayList<>();
    test.add(check.shell() ? "CMD-SHELL" : "CMD");
    test.addAll(check.test());
    return new HealthCheck().withTest(test).withInterval(check.interval().toNanos())
        .withTimeout(check.timeout().toNanos()).withRetries(check.retries())
        .withStartPeriod(check.startPeriod().toNanos());
  }
}
