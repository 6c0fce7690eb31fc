package dev.parity.generate.docs;

import dev.parity.core.App;
import dev.parity.core.Container;
import dev.parity.core.Database;
import dev.parity.core.Mount;
import dev.parity.core.Port;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service graph as the lines of a Mermaid {@code flowchart LR}: one box per service (name,
 * kind, image and version, local replicas), grouped by the networks it joins when the stack
 * declares networks; {@code depends_on} edges; named volumes (cylinders) and bind-mounted files
 * or folders (framed boxes) with the path they are mounted at; ports published on 127.0.0.1
 * (rounded boxes). Node ids are fixed ({@code s1}, {@code v1}, …) and every label goes through
 * {@link Mermaid#label}, so no name or path can break the diagram.
 */
final class ServiceGraph {

  private final Stack stack;
  private final List<String> lines = new ArrayList<>();
  private final Map<String, String> ids = new LinkedHashMap<>();

  private ServiceGraph(Stack stack) {
    this.stack = stack;
  }

  static List<String> lines(Stack stack) {
    ServiceGraph graph = new ServiceGraph(stack);
    graph.render();
    return List.copyOf(graph.lines);
  }

  private void render() {
    lines.add("flowchart LR");
    List<Service> services = stack.services();
    for (int i = 0; i < services.size(); i++) {
      ids.put(services.get(i).name(), "s" + (i + 1));
    }
    if (stack.networks().isEmpty()) {
      services.forEach(s -> lines.add("  " + node(s)));
    } else {
      groupByNetworks();
    }
    for (Service service : services) {
      for (String dependency : service.dependsOn()) {
        lines.add("  " + ids.get(service.name()) + " -->|" + Mermaid.label(dependencyLabel(service, dependency)) + "| "
            + ids.get(dependency));
      }
    }
    mounts();
    ports();
  }

  /** One subgraph per distinct set of networks, since a Mermaid node sits in one subgraph only. */
  private void groupByNetworks() {
    Map<List<String>, List<Service>> groups = new LinkedHashMap<>();
    for (Service service : stack.services()) {
      groups.computeIfAbsent(service.options().networks(), k -> new ArrayList<>()).add(service);
    }
    int group = 0;
    for (Map.Entry<List<String>, List<Service>> entry : groups.entrySet()) {
      group++;
      List<String> names = entry.getKey().isEmpty() ? List.of("default") : entry.getKey().stream()
          .map(this::networkName).toList();
      lines.add("  subgraph n" + group + " [" + Mermaid.label((names.size() == 1 ? "network: " : "networks: ")
          + String.join(", ", names)) + "]");
      entry.getValue().forEach(s -> lines.add("    " + node(s)));
      lines.add("  end");
    }
  }

  private String networkName(String name) {
    boolean internal = stack.networks().stream().anyMatch(n -> n.name().equals(name) && n.isInternal());
    return internal ? name + " (internal)" : name;
  }

  private String node(Service service) {
    List<String> label = new ArrayList<>();
    label.add(service.name());
    label.add(service.kindLabel());
    if (service instanceof App app) {
      label.add(app.baseImageReference().map(ref -> "on " + ref)
          .orElse("from " + (app.source().equals(".") ? "" : app.source() + "/") + app.dockerfilePath()
              + app.target().map(t -> ", target " + t).orElse("")));
      if (app.localReplicas() > 1) {
        label.add(app.localReplicas() + " local replicas");
      }
    } else if (service instanceof Database db) {
      label.add(db.image().toString());
    } else {
      label.add(((Container) service).image().toString());
    }
    return ids.get(service.name()) + "[" + Mermaid.label(label) + "]";
  }

  /** "depends on", or for a container in front of an app's local replicas, that it reaches them. */
  private String dependencyLabel(Service service, String dependency) {
    return stack.service(dependency).filter(d -> service instanceof Container && d instanceof App a
        && a.localReplicas() > 1).map(d -> "depends on, proxies to " + ((App) d).localReplicas() + " replicas")
        .orElse("depends on");
  }

  private void mounts() {
    Map<String, String> volumes = new LinkedHashMap<>();
    int binds = 0;
    for (Service service : stack.services()) {
      List<Mount> mounts = new ArrayList<>();
      dataVolume(service).ifPresent(mounts::add);
      mounts.addAll(service.options().mounts());
      for (Mount mount : mounts) {
        String id;
        if (mount.isVolume()) {
          id = volumes.get(mount.source());
          if (id == null) {
            id = "v" + (volumes.size() + 1);
            volumes.put(mount.source(), id);
            lines.add("  " + id + "[(" + Mermaid.label("volume " + mount.source()) + ")]");
          }
        } else if (mount.isBind()) {
          id = "b" + (++binds);
          lines.add("  " + id + "[[" + Mermaid.label("./" + mount.source()) + "]]");
        } else {
          id = "b" + (++binds);
          lines.add("  " + id + "[(" + Mermaid.label("anonymous volume") + ")]");
        }
        lines.add("  " + ids.get(service.name()) + " ---|" + Mermaid.label(mount.target()
            + (mount.isReadOnly() ? " (read-only)" : "")) + "| " + id);
      }
    }
  }

  /** The named volume the local stack keeps a database's data in, unless the options declare it among their mounts. */
  private static java.util.Optional<Mount> dataVolume(Service service) {
    return service instanceof Database db && !db.declaresDataMount()
        ? java.util.Optional.of(db.dataMount()) : java.util.Optional.empty();
  }

  private void ports() {
    int count = 0;
    for (Service service : stack.services()) {
      List<Port> published = new ArrayList<>();
      service.hostPort().ifPresent(host -> published.add(Port.published(host, service.containerPort())));
      service.options().ports().stream().filter(p -> p.published().isPresent()).forEach(published::add);
      for (Port port : published) {
        String id = "p" + (++count);
        lines.add("  " + id + "([" + Mermaid.label("127.0.0.1:" + port.hostPort()) + "]) -->|"
            + Mermaid.label(port.containerPort() + "/" + port.protocol()) + "| " + ids.get(service.name()));
      }
    }
  }
}
