package dev.parity.cli;

import dev.parity.adopt.JavaLiteral;
import dev.parity.core.AppContract;
import dev.parity.core.Contract;
import dev.parity.core.ContractProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The source of a spec written from an app's config contract ({@code parity init --from-app}): the
 * app, its {@code .contract(…)}, and one config key per contract property, so that the keys are
 * typed once, in the app. Each property becomes:
 * <ul>
 *   <li>a secret by its name ({@link ContractProperty#secretLike}): {@code ConfigKey.secret}, never a value;</li>
 *   <li>with the app's own default: a key of the property's type ({@code integer}, {@code bool},
 *       {@code string}) with that default;</li>
 *   <li>not required and without a default: an {@code optional()} key;</li>
 *   <li>required and without a default: a {@code perEnvironment()} key and a TODO, since only the team
 *       knows its value (a {@code .env.example}'s value is an example, shown in the TODO).</li>
 * </ul>
 *
 * @param source the spec's Java source
 * @param todos one line per property left to the team, as {@code element: what to do}
 */
record ContractSpecSource(String source, List<String> todos) {

  /**
   * @param className the spec's class name
   * @param app the app's name (also the stack's)
   * @param image the app's base image, or null for a placeholder the team must pin
   * @param appSource the app's source folder relative to the spec's
   * @param contract the contract as the app declares it, relative to {@code appSource}
   * @param read the contract as read
   * @param examples a {@code .env.example}'s example values by key, else empty
   */
  static ContractSpecSource of(String className, String app, String image, String appSource, Contract contract,
      AppContract read, java.util.Map<String, String> examples) {
    boolean jvm = contract.kind() == Contract.Kind.SPRING_BOOT || contract.kind() == Contract.Kind.MICROPROFILE;
    List<String> todos = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    s.append("import dev.parity.core.App;\nimport dev.parity.core.ConfigKey;\nimport dev.parity.core.Contract;\n")
        .append("import dev.parity.core.Environment;\nimport dev.parity.core.ParitySpec;\nimport dev.parity.core.Stack;\n\n")
        .append("/** Written by parity init --from-app from the ").append(contract.kind().label()).append(" of '")
        .append(app).append("'; `parity check` fails when the contract changes and this spec does not follow. */\n")
        .append("public final class ").append(className).append(" implements ParitySpec {\n")
        .append("  @Override\n  public Stack stack() {\n    return Stack.named(").append(JavaLiteral.string(app)).append(")\n");
    String base = image != null ? image : jvm ? "eclipse-temurin:<version>-jre" : "node:<version>";
    if (image == null) {
      todos.add("service '" + app + "': name its exact base image, e.g. --image "
          + (jvm ? "eclipse-temurin:17.0.9_9-jre" : "node:20.11.0-alpine3.19") + ", or edit App." + (jvm ? "jvm" : "node"));
      s.append("        // TODO: name the exact base image\n");
    }
    s.append("        .service(App.").append(jvm ? "jvm" : "node").append("(").append(JavaLiteral.string(app)).append(", ")
        .append(JavaLiteral.string(base)).append(")");
    if (!appSource.equals(".")) {
      s.append(".source(").append(JavaLiteral.string(appSource)).append(")");
    }
    if (jvm) {
      String jar = contract.path().endsWith(".jar") ? contract.path() : "target/" + app + ".jar";
      s.append(".jar(").append(JavaLiteral.string(jar)).append(")");
    }
    List<String> keys = read.properties().stream().map(ContractProperty::variable).distinct().toList();
    if (!keys.isEmpty()) {
      s.append("\n            .uses(").append(String.join(", ", keys.stream().map(JavaLiteral::string).toList())).append(")");
    }
    s.append("\n            .contract(Contract.").append(factory(contract.kind())).append("(")
        .append(JavaLiteral.string(contract.path())).append(")))\n");
    List<String> seen = new ArrayList<>();
    for (ContractProperty p : read.properties()) {
      if (seen.contains(p.variable())) {
        continue;
      }
      seen.add(p.variable());
      String about = p.name().equals(p.variable()) ? "" : p.name() + ", ";
      String comment = about + p.javaType() + (p.defaultValue().isPresent() && !p.secretLike()
          ? ", the app's default" : p.required() ? ", required by the app" : ", optional");
      s.append("        // ").append(comment.replace("*/", "* /")).append("\n");
      String key = JavaLiteral.string(p.variable());
      if (p.secretLike()) {
        s.append("        .config(ConfigKey.secret(").append(key).append("))\n");
      } else if (p.defaultValue().isPresent()) {
        s.append("        .config(ConfigKey.").append(factory(p)).append("(").append(key).append(").defaultValue(")
            .append(JavaLiteral.string(p.defaultValue().get())).append("))\n");
      } else if (!p.required()) {
        s.append("        .config(ConfigKey.").append(factory(p)).append("(").append(key).append(").optional())\n");
      } else {
        String example = examples.getOrDefault(p.variable(), "");
        String todo = "key '" + p.variable() + "': required by the app and without a default; give it .defaultValue(…)"
            + " or each environment .set(\"" + p.variable() + "\", …)" + (example.isEmpty() ? ""
                : " (the contract's example: '" + example + "')");
        todos.add(todo);
        s.append("        // TODO: ").append(todo.replace("*/", "* /")).append("\n");
        s.append("        .config(ConfigKey.").append(factory(p)).append("(").append(key).append(").perEnvironment())\n");
      }
    }
    s.append("        .environment(Environment.local())\n        .build();\n  }\n}\n");
    return new ContractSpecSource(s.toString(), List.copyOf(todos));
  }

  private static String factory(Contract.Kind kind) {
    return switch (kind) {
      case SPRING_BOOT -> "springBoot";
      case MICROPROFILE -> "microProfile";
      case DOTENV_EXAMPLE -> "dotenvExample";
      case JSON_SCHEMA -> "jsonSchema";
    };
  }

  /** The key type: {@code integer} and {@code bool} only where Parity's own check of them is no stricter than the app's. */
  private static String factory(ContractProperty p) {
    if (p.collection()) {
      return "string";
    }
    return switch (p.type()) {
      case INTEGER -> "integer";
      case BOOLEAN -> p.defaultValue().map(d -> d.equals("true") || d.equals("false")).orElse(true) ? "bool" : "string";
      default -> "string";
    };
  }
}
