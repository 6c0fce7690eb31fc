package dev.parity.generate.dockerfile;

import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.Escape;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code <app>/Dockerfile} for every app built from source, shared by all environments:
 * the exactly pinned base image, dependency manifests before sources (Node.js), a non-root
 * {@code USER}, {@code EXPOSE} and {@code CMD} in exec form. No config value goes into the image;
 * every environment runs the same image with its own runtime environment.
 *
 * <p>Templates: {@code dockerfile/node.Dockerfile.ftl} and {@code dockerfile/jvm.Dockerfile.ftl},
 * overridable by the same relative name. Beside each Dockerfile, {@code Dockerfile.dockerignore}
 * keeps local artifacts (such as {@code node_modules}) out of the build context when BuildKit builds.
 */
public final class DockerfileGenerator implements Generator {

  @Override
  public String name() {
    return "dockerfile";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    List<GeneratedFile> files = new ArrayList<>();
    for (App app : context.stack().apps()) {
      if (!app.buildKind().generatesDockerfile()) {
        continue;
      }
      String kind = app.buildKind() == BuildKind.NODE_NPM ? "node" : "jvm";
      Map<String, Object> model = model(context, app);
      files.add(GeneratedFile.of(app.name() + "/Dockerfile",
          context.templates().render("dockerfile/" + kind + ".Dockerfile.ftl", model)));
      files.add(GeneratedFile.of(app.name() + "/Dockerfile.dockerignore",
          context.templates().render("dockerfile/" + kind + ".dockerignore.ftl", model)));
    }
    return files;
  }

  private static Map<String, Object> model(GenerationContext context, App app) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("header", context.header(CommentStyle.HASH));
    model.put("app", app.name());
    model.put("baseImage", app.baseImage().orElseThrow().toString());
    model.put("user", app.user().orElseThrow());
    model.put("port", app.containerPort());
    model.put("command", app.command());
    model.put("jarCopy", app.jar().map(DockerfileGenerator::jarCopy).orElse(""));
    model.put("jarIgnore", app.jar().map(DockerfileGenerator::ignorePattern).orElse(""));
    model.put("healthUrl", app.healthPath().map(p -> "http://127.0.0.1:" + app.containerPort() + p).orElse(""));
    model.put("nodeHealthScript", app.healthPath()
        .map(p -> NodeHealthcheck.script("http://127.0.0.1:" + app.containerPort() + p)).orElse(""));
    return model;
  }

  /** The arguments of the jar's {@code COPY}: plain words where safe, JSON form otherwise. */
  static String jarCopy(String jar) {
    if (jar.matches("[A-Za-z0-9._/+-]+")) {
      return jar + " /app/app.jar";
    }
    // Docker substitutes variables in COPY even in JSON form; a backslash keeps '$' literal.
    return "[" + Escape.jsonString(jar.replace("$", "\\$")) + ", \"/app/app.jar\"]";
  }

  /** {@code path} as a {@code .dockerignore} pattern that matches exactly that path. */
  static String ignorePattern(String path) {
    return path.replaceAll("([*?\\[\\]\\\\#])", "\\\\$1");
  }
}
