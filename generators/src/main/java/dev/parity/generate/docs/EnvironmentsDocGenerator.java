package dev.parity.generate.docs;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.ConfigValue;
import dev.parity.core.Container;
import dev.parity.core.Database;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.ImageRef;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ENVIRONMENTS.md}: what every environment shares (services and their graph as a Mermaid
 * diagram, config schema and which app receives which key, which contract property each value
 * satisfies ({@link ContractTable}), migrations), one table of what differs
 * per environment, the declared deviations with their reasons, and the delivery flow as a Mermaid
 * diagram. Rendered from {@code docs/ENVIRONMENTS.md.ftl}.
 */
public final class EnvironmentsDocGenerator implements Generator {

  /** Where the document sits in the tree. */
  public static final String PATH = "ENVIRONMENTS.md";

  @Override
  public String name() {
    return "docs";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    Stack stack = context.stack();
    Map<String, Object> model = new HashMap<>();
    model.put("header", context.header(CommentStyle.HTML));
    model.put("code", MarkdownCode.FUNCTION);
    model.put("stack", stack.name());
    model.put("spec", context.specName());
    model.put("services", stack.services().stream().map(EnvironmentsDocGenerator::service).toList());
    model.put("appCount", stack.apps().size());
    model.put("environments", stack.environments().stream().map(Environment::name).toList());
    model.put("config", stack.config().stream().map(EnvironmentsDocGenerator::configKey).toList());
    model.put("migrations", migrations(stack));
    model.put("knobs", KnobTable.rows(stack));
    model.put("deviations", stack.deviations().stream().map(EnvironmentsDocGenerator::deviation).toList());
    model.put("flow", DeliveryFlow.lines(stack, context.releases()));
    model.put("deployOrder", DeployOrder.environments(stack));
    model.put("graph", ServiceGraph.lines(stack));
    model.put("apps", stack.apps().stream().map(App::name).toList());
    model.put("appConfig", appConfig(stack));
    model.put("contracts", ContractTable.of(stack, context.contracts()));
    return List.of(GeneratedFile.of(PATH, context.templates().render("docs/ENVIRONMENTS.md.ftl", model)));
  }

  private static Map<String, Object> service(Service service) {
    Map<String, Object> row = new HashMap<>();
    row.put("name", service.name());
    row.put("kind", service.kindLabel());
    row.put("port", service.containerPort());
    row.put("dependsOn", service.dependsOn());
    if (service instanceof App app) {
      row.put("version", app.baseImage().map(EnvironmentsDocGenerator::version).orElse(""));
      row.put("image", app.baseImageReference().map(ref -> Cell.of("", ref, " (base)"))
          .orElse(Cell.of("", app.source() + "/" + app.dockerfilePath(), " (own Dockerfile)")));
    } else if (service instanceof Database db) {
      row.put("version", db.version());
      row.put("image", Cell.code(db.image().toString()));
    } else {
      ImageRef image = ((Container) service).image();
      row.put("version", version(image));
      row.put("image", Cell.code(image.toString()));
    }
    return row;
  }

  private static String version(ImageRef image) {
    return image.tagVersion().or(image::tag).orElse(image.digest().orElse(""));
  }

  private static Map<String, Object> configKey(ConfigKey key) {
    Map<String, Object> row = new HashMap<>();
    row.put("name", key.name());
    row.put("type", key.type().label());
    row.put("value", key.secret() ? Cell.text("secret reference per environment")
        : key.value().map(EnvironmentsDocGenerator::valueCell).orElse(Cell.none()));
    row.put("required", key.required());
    row.put("secret", key.secret());
    row.put("perEnvironment", key.isPerEnvironment());
    row.put("description", key.description().orElse(""));
    return row;
  }

  /** One row per config key: whether it is secret, then for each app whether the app receives it. */
  private static List<List<String>> appConfig(Stack stack) {
    List<List<String>> rows = new ArrayList<>();
    List<Set<String>> used = stack.apps().stream().map(app -> Set.copyOf(stack.keysUsedBy(app))).toList();
    for (ConfigKey key : stack.config()) {
      List<String> row = new ArrayList<>();
      row.add(key.name());
      row.add(key.secret() ? "yes" : "no");
      used.forEach(keys -> row.add(keys.contains(key.name()) ? "receives" : "—"));
      rows.add(List.copyOf(row));
    }
    return rows;
  }

  private static Cell valueCell(ConfigValue value) {
    if (value instanceof ConfigValue.ServiceAddress ref) {
      String part = switch (ref.part()) {
        case HOST -> "host of ";
        case PORT -> "port of ";
        case URL -> "URL of ";
        case JDBC_URL -> "JDBC URL of ";
        case DATABASE -> "database name of ";
        case USER -> "user of ";
      };
      return Cell.of(part, ref.service(), "");
    }
    return Cell.code(((ConfigValue.Literal) value).value());
  }

  private static List<Map<String, Object>> migrations(Stack stack) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Service service : stack.services()) {
      if (service instanceof Database db && db.migrations().isPresent()) {
        rows.add(Map.of("service", service.name(), "engine", service.kindLabel() + " " + db.version(),
            "folder", db.migrations().get()));
      }
    }
    return rows;
  }

  private static Map<String, Object> deviation(Deviation deviation) {
    return Map.of("service", deviation.service(), "environments", deviation.environments(),
        "difference", deviation.difference(), "reason", deviation.reason());
  }
}
