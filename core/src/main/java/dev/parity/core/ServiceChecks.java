package dev.parity.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks services: names, ports, dependencies and their cycles, host port clashes; hands each
 * kind's settings to {@link AppChecks} and {@link DatabaseChecks}, and every service's
 * {@link ServiceOptions} to {@link OptionChecks}.
 */
final class ServiceChecks {

  private final ValidationContext context;
  private final ImageChecks images;
  private final AppChecks apps;
  private final DatabaseChecks databases;
  private final OptionChecks options;
  private final Set<String> serviceNames = new LinkedHashSet<>();

  ServiceChecks(ValidationContext context, ImageChecks images) {
    this.context = context;
    this.images = images;
    this.apps = new AppChecks(context, images);
    this.databases = new DatabaseChecks(context, images);
    this.options = new OptionChecks(context);
  }

  void check() {
    options.checkNetworks();
    context.stack().services().forEach(this::checkService);
    checkHostPorts();
    checkCycles();
  }

  private void checkService(Service service) {
    String name = service.name();
    String element = "service '" + name + "'";
    if (!serviceNames.add(name)) {
      context.problem(element, "is declared more than once", "give each service its own name");
      return;
    }
    context.checkName(element, "name", name, "\"" + ValidationContext.suggestName(name, "web") + "\"",
        ValidationContext.MAX_SERVICE_NAME);
    checkPort(element, "port", service.containerPort());
    // An app publishes its container port unless told otherwise: one bad port, one problem.
    service.hostPort().filter(p -> p != service.containerPort()).ifPresent(p -> checkPort(element, "host port", p));
    for (String dependency : service.dependsOn()) {
      if (dependency.equals(name)) {
        context.problem(element, "depends on itself", "remove \"" + name + "\" from its dependsOn(…)");
      } else {
        List<String> others = context.allServiceNames().stream().filter(n -> !n.equals(name)).toList();
        context.references().checkService(element, dependency, "depends on '" + dependency + "', which is not declared",
            "declare a service '" + dependency + "'" + (others.isEmpty() ? "" : " or depend on one of: "
                + String.join(", ", others)));
      }
    }
    if (service instanceof App app) {
      apps.check(element, app);
    } else if (service instanceof Container container) {
      images.checkImage(element, container.imageReference());
    } else {
      databases.check(element, (Database) service);
    }
    options.check(element, service);
  }

  private void checkPort(String element, String what, int port) {
    if (port < 1 || port > 65535) {
      context.problem(element, what + " " + port + " is out of range", "use a port between 1 and 65535");
    }
  }

  /** One published host port, and how the spec declares it, for the fix. */
  private record Published(String service, boolean option, int containerPort, String protocol) {
  }

  /**
   * Every host port the local stack publishes, the main ports' and the further ports', at most once
   * per protocol (TCP 53 and UDP 53 are two ports).
   */
  private void checkHostPorts() {
    Map<Integer, List<Published>> byPort = new TreeMap<>();
    for (Service s : context.uniqueServices()) {
      s.hostPort().ifPresent(p -> byPort.computeIfAbsent(p, x -> new ArrayList<>())
          .add(new Published(s.name(), false, 0, "tcp")));
      for (Port p : s.options().ports()) {
        for (int i = 0; p.hostPort() != null && p.hostPort() != 0 && i < p.count(); i++) {
          // ports on another loopback address (::1, 127.0.0.2) do not clash with 127.0.0.1's
          String protocol = Port.LOOPBACK.equals(p.hostIp()) ? p.protocol() : p.protocol() + " on " + p.hostIp();
          byPort.computeIfAbsent(p.hostPort() + i, x -> new ArrayList<>())
              .add(new Published(s.name(), true, p.containerPort() + i, protocol));
        }
      }
    }
    byPort.forEach((port, all) -> all.stream().map(Published::protocol).distinct()
        .forEach(protocol -> reportClash(port, all.stream().filter(p -> p.protocol().equals(protocol)).toList())));
  }

  private void reportClash(int port, List<Published> published) {
    if (published.size() < 2) {
      return;
    }
    List<String> names = published.stream().map(Published::service).distinct().toList();
    Published last = published.get(published.size() - 1);
    boolean udp = last.protocol().startsWith("udp");
    String hostPort = "host port " + port + (udp ? "/udp" : "");
    String change = last.option() ? "Port.published(" + (port + 1) + ", " + last.containerPort() + ")" + (udp ? ".udp()" : "")
        : ".hostPort(" + (port + 1) + ")";
    if (names.size() == 1) {
      context.problem("service '" + names.get(0) + "'", "publishes " + hostPort + " more than once",
          "publish each port once, e.g. " + change);
      return;
    }
    boolean two = names.size() == 2;
    context.problem("services '" + String.join("', '", names) + "'",
        (two ? "both" : "all") + " publish " + hostPort + " in the local stack",
        "give " + (two ? "one" : "all but one") + " of them another port, e.g. " + change + " on '" + last.service() + "'");
  }

  private void checkCycles() {
    Map<String, Integer> state = new HashMap<>();
    for (Service s : context.uniqueServices()) {
      findCycle(s.name(), state, new ArrayList<>());
    }
  }

  private void findCycle(String name, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(name);
    if (seen != null && seen == 2) {
      return;
    }
    if (seen != null && seen == 1) {
      if (path.get(path.size() - 1).equals(name)) {
        return; // a service that depends on itself is reported with the service
      }
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      context.problem("services " + String.join(" -> ", cycle.stream().map(n -> "'" + n + "'").toList()),
          "depend on each other in a cycle, so none of them can start first",
          "remove one of these dependsOn(…) links");
      return;
    }
    Service service = context.stack().service(name).orElse(null);
    if (service == null) {
      return;
    }
    state.put(name, 1);
    path.add(name);
    for (String dependency : service.dependsOn()) {
      findCycle(dependency, state, path);
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
  }
}
