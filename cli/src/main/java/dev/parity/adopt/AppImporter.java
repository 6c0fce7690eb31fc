package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.App;
import dev.parity.core.Problem;
import dev.parity.core.SpecFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A service with {@code build:} as an app. Where the build context has the team's Dockerfile, the
 * app builds it ({@code App.dockerfile}, with its {@code dockerfile}, {@code target} and
 * {@code args}): that is what runs today. A context without one (compose could not build it) gets a
 * generated Dockerfile when its kind is plain: Node.js with {@code package-lock.json}, or Maven with
 * its wrapper; the base images are then TODOs.
 */
final class AppImporter {

  private static final Set<String> BUILD_KEYS = Set.of("context", "dockerfile", "target", "args");

  private final ImportContext ctx;

  AppImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  Chain head(String base, JsonNode s, String name) {
    JsonNode build = s.get("build");
    String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
    String dockerfile = build.path("dockerfile").asText("Dockerfile");
    Path contextDir = ctx.resolve(context);
    String pointer = base + "/build" + (build.isObject() && build.has("context") ? "/context" : "");
    if (!Files.isDirectory(contextDir)) {
      ctx.problem(pointer, "service '" + name + "': build context '" + context + "' does not exist ("
          + contextDir + "); fix: run init where the compose file's build contexts are, or correct the path");
      return new Chain("App.dockerfile(" + JavaLiteral.string(name) + ")");
    }
    Chain chain;
    boolean ownDockerfile = Files.isRegularFile(contextDir.resolve(dockerfile));
    if (ownDockerfile || build.isObject() && (build.has("target") || build.has("args") || build.has("dockerfile"))) {
      chain = new Chain("App.dockerfile(" + JavaLiteral.string(name) + ")");
    } else if (Files.exists(contextDir.resolve("package.json")) && (Files.exists(contextDir.resolve("package-lock.json"))
        || Files.exists(contextDir.resolve("npm-shrinkwrap.json")))) {
      chain = new Chain("App.node(" + JavaLiteral.string(name) + ", \"node:<version>\")");
      chain.headComment(ctx.decide(Decision.Kind.TODO, pointer, "service '" + name + "'", "the build context has"
          + " no Dockerfile; Parity generates one for Node.js; fix: name the exact Node.js image, e.g."
          + " \"node:20.11.0-alpine3.19\""));
    } else if (Files.exists(contextDir.resolve("pom.xml")) && Files.exists(contextDir.resolve("mvnw"))) {
      chain = new Chain("App.jvm(" + JavaLiteral.string(name) + ", \"eclipse-temurin:<version>-jre\")");
      chain.headComment(ctx.decide(Decision.Kind.TODO, pointer, "service '" + name + "'", "the build context has"
          + " no Dockerfile; Parity generates a Maven build; fix: name the exact JRE image and the JDK of"
          + " .mavenBuild, e.g. \"eclipse-temurin:17.0.10_7-jre-jammy\""));
      chain.call("mavenBuild(\"eclipse-temurin:<version>-jdk\")");
    } else {
      ctx.problem(pointer, "service '" + name + "': build context '" + context + "' has no " + dockerfile
          + "; fix: add the Dockerfile, or name it with build.dockerfile");
      return new Chain("App.dockerfile(" + JavaLiteral.string(name) + ")");
    }
    String source = ctx.specPath(context).orElse(null);
    if (source == null) {
      ctx.problem(pointer, "service '" + name + "': build context '" + context + "' is outside the spec's folder"
          + "; fix: write the spec (--out) in a folder that contains every build context");
    } else if (!source.equals(".")) {
      chain.call("source(" + JavaLiteral.string(source) + ")");
    }
    if (build.isObject()) {
      options(base, build, name, chain);
    }
    if (ownDockerfile && source != null) {
      dockerfileTodos(pointer, build, name, source, chain);
    }
    return chain;
  }

  /**
   * What {@code parity generate} refuses in the team's own Dockerfile (a floating {@code FROM}, a target that is
   * not a stage), found by generate's own check ({@link SpecFiles#checkDockerfile}), each a TODO at the service.
   */
  private void dockerfileTodos(String pointer, JsonNode build, String name, String source, Chain chain) {
    App app = App.dockerfile(name).source(source);
    if (build.isObject()) {
      if (build.has("dockerfile")) {
        app = app.dockerfilePath(build.get("dockerfile").asText());
      }
      if (build.has("target")) {
        app = app.target(build.get("target").asText());
      }
      for (Map.Entry<String, JsonNode> arg : args(build.path("args")).entrySet()) {
        if (arg.getValue() != null) {
          app = app.buildArg(arg.getKey(), arg.getValue().asText());
        }
      }
    }
    for (Problem problem : SpecFiles.checkDockerfile(app, ctx.specDir)) {
      String where = problem.element().startsWith("service '" + name + "', ")
          ? problem.element().substring(("service '" + name + "', ").length()) + ": " : "";
      chain.headComment(ctx.decide(Decision.Kind.TODO, pointer, "service '" + name + "'",
          where + problem.message() + "; fix: " + problem.fix()));
    }
  }

  /** Build arguments as a mapping, from compose's list ({@code KEY=value}, {@code KEY}) or mapping form. */
  private static Map<String, JsonNode> args(JsonNode argsNode) {
    Map<String, JsonNode> args = new LinkedHashMap<>();
    if (argsNode.isArray()) {
      argsNode.forEach(a -> {
        String[] kv = a.asText().split("=", 2);
        args.put(kv[0], kv.length > 1 ? com.fasterxml.jackson.databind.node.TextNode.valueOf(kv[1]) : null);
      });
    } else {
      argsNode.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().isNull() ? null : e.getValue()));
    }
    return args;
  }

  private void options(String base, JsonNode build, String name, Chain chain) {
    if (build.has("dockerfile") && !build.get("dockerfile").asText().equals("Dockerfile")) {
      chain.call("dockerfilePath(" + JavaLiteral.string(build.get("dockerfile").asText()) + ")");
    }
    if (build.has("target")) {
      chain.call("target(" + JavaLiteral.string(build.get("target").asText()) + ")");
    }
    Map<String, String> args = new LinkedHashMap<>();
    JsonNode argsNode = build.path("args");
    if (argsNode.isArray()) {
      argsNode.forEach(a -> {
        String[] kv = a.asText().split("=", 2);
        args.put(kv[0], kv.length > 1 ? kv[1] : null);
      });
    } else {
      argsNode.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    }
    args.forEach((arg, value) -> {
      if (value == null || Secrets.looksSecret(arg, value)) {
        chain.comment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/build/args", "service '" + name
            + "' build argument " + arg, value == null ? "an argument passed through from the shell has no value"
            : "a secret as a build argument stays in the image's history; pass it as a build secret instead"));
      } else {
        chain.call("buildArg(" + JavaLiteral.string(arg) + ", " + JavaLiteral.string(value) + ")");
      }
    });
    build.fieldNames().forEachRemaining(key -> {
      if (!BUILD_KEYS.contains(key)) {
        chain.comment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/build/" + key, "service '" + name
            + "' build." + key, "the DSL builds with context, Dockerfile, target and arguments only; dropped"));
      }
    });
  }
}
