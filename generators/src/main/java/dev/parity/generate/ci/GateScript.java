package dev.parity.generate.ci;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GenerationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@code ci/parity-gate.sh} from its template. */
final class GateScript {

  private GateScript() {
  }

  static String render(GenerationContext context, String path) {
    List<Environment> remote = context.stack().remoteEnvironments();
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 1; i < remote.size(); i++) {
      pairs.add(List.of(remote.get(i - 1).name(), remote.get(i).name()));
    }
    return context.templates().render("ci/parity-gate.sh.ftl", Map.of(
        "header", context.header(CommentStyle.HASH),
        "specFolder", context.pathFrom(path, "."),
        "specName", context.specName(),
        "tree", context.treeFromSpecFolder(),
        "pairs", pairs,
        "clusters", remote.stream().filter(Environment::runsOnKubernetes).map(Environment::name).toList(),
        "databases", databases(context.stack()).stream()
            .map(s -> Map.of("service", s.name(), "urlVariable", urlVariable(s))).toList()));
  }

  /** The databases whose schema the gate compares with their migrations: PostgreSQL and MySQL ones with migrations. */
  static List<Service> databases(Stack stack) {
    return stack.services().stream()
        .filter(s -> (s instanceof Postgres || s instanceof MySql) && ((Database) s).migrations().isPresent())
        .toList();
  }

  /** The variable that may override a database's JDBC URL: {@code ORDERS_DB_JDBC_URL} for {@code orders-db}. */
  static String urlVariable(Service service) {
    return service.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_JDBC_URL";
  }

  /** The variable holding a database's password: its secret config key, if it has one. */
  static java.util.Optional<String> passwordVariable(Service service) {
    return service instanceof Postgres p ? p.passwordKey() : ((MySql) service).passwordKey();
  }
}
