package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compose's model of a project from its files, before interpolation: each file read by {@link ComposeYaml}
 * (anchors, aliases, merge keys), its {@code x-} extension fields dropped, its services' {@code extends}
 * resolved (in the same file or another), its {@code include} entries loaded as sub-projects; then the files
 * merged in order with {@link ComposeMerge}, as {@code docker compose -f a.yml -f b.yml} does. Relative paths
 * of another folder's file (an {@code extends: file:} or an {@code include}) are rewritten relative to the
 * project folder, the first file's, as compose resolves them; those of {@code -f} override files are
 * relative to the project folder already, as in compose.
 */
final class ComposeLoader {

  private static final Set<String> WITH_EXTENSIONS = Set.of("services", "networks", "volumes", "configs",
      "secrets");

  /** One file read: its path and the lines of its nodes. */
  record Source(Path path, YamlLines lines) {
  }

  private final List<Source> sources = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<Path, JsonNode> read = new HashMap<>();
  private final java.util.function.Function<Path, String> texts;

  ComposeLoader(java.util.function.Function<Path, String> texts) {
    this.texts = texts;
  }

  List<Source> sources() {
    return sources;
  }

  List<String> problems() {
    return problems;
  }

  /** The project of {@code files} (the first one's folder is the project folder), merged. */
  JsonNode load(List<Path> files) {
    JsonNode merged = null;
    for (Path file : files) {
      JsonNode one = file(file.toAbsolutePath().normalize(), new LinkedHashSet<>());
      merged = merged == null ? one : ComposeMerge.merge(merged, one);
    }
    return ComposeYaml.unwrap(merged);
  }

  /** One file with its extends and includes resolved, paths relative to its own folder. */
  private JsonNode file(Path file, Set<Path> including) {
    ObjectNode root = document(file);
    Path dir = file.getParent();
    JsonNode services = root.path("services");
    if (services.isObject()) {
      ObjectNode resolved = JsonNodeFactory.instance.objectNode();
      for (String name : ComposeYaml.fieldNames(services)) {
        resolved.set(name, extended(file, root, name, new LinkedHashSet<>()));
      }
      root.set("services", resolved);
    }
    JsonNode include = root.remove("include");
    if (include != null) {
      if (!including.add(file)) {
        problems.add(file.getFileName() + ": includes itself through " + including + "; fix: remove the cycle");
        return root;
      }
      for (JsonNode entry : include.isArray() ? include : JsonNodeFactory.instance.arrayNode().add(include)) {
        included(root, dir, entry, including);
      }
      including.remove(file);
    }
    return root;
  }

  private void included(ObjectNode root, Path dir, JsonNode entry, Set<Path> including) {
    JsonNode paths = entry.isObject() ? entry.path("path") : entry;
    List<Path> files = new ArrayList<>();
    (paths.isArray() ? paths : JsonNodeFactory.instance.arrayNode().add(paths))
        .forEach(p -> files.add(dir.resolve(p.asText()).normalize()));
    if (files.isEmpty()) {
      return;
    }
    Path project = entry.path("project_directory").isTextual()
        ? dir.resolve(entry.path("project_directory").asText()).normalize() : files.get(0).getParent();
    JsonNode sub = null;
    for (Path f : files) {
      JsonNode one = file(f, including);
      relocateFile(one, f.getParent(), project);
      sub = sub == null ? one : ComposeMerge.merge(sub, one);
    }
    relocateFile(sub, project, dir);
    for (String section : WITH_EXTENSIONS) {
      JsonNode from = sub.path(section);
      if (!from.isObject()) {
        continue;
      }
      ObjectNode into = root.has(section) && root.get(section).isObject() ? (ObjectNode) root.get(section)
          : root.putObject(section);
      from.fields().forEachRemaining(e -> {
        if (into.has(e.getKey()) && !into.get(e.getKey()).equals(e.getValue())) {
          problems.add(files.get(0).getFileName() + ": " + section + " '" + e.getKey() + "' is defined both in"
              + " the included file and in the file that includes it, which compose refuses; fix: rename one,"
              + " or override it with a -f file instead of include");
        } else {
          into.set(e.getKey(), e.getValue());
        }
      });
    }
  }

  /** Service {@code name} of {@code root} with its {@code extends} chain merged in. */
  private JsonNode extended(Path file, JsonNode root, String name, Set<String> seen) {
    JsonNode service = root.path("services").path(name);
    if (!service.isObject() || !service.has("extends")) {
      return service;
    }
    if (!seen.add(file + "#" + name)) {
      problems.add(file.getFileName() + ": service '" + name + "' extends itself through " + seen
          + "; fix: remove the cycle");
      return service;
    }
    ObjectNode own = ((ObjectNode) service).deepCopy();
    JsonNode ext = own.remove("extends");
    String baseName = ext.isTextual() ? ext.asText() : ext.path("service").asText();
    JsonNode base;
    if (ext.path("file").isTextual()) {
      Path other = file.getParent().resolve(ext.path("file").asText()).normalize();
      JsonNode otherRoot = document(other);
      if (!otherRoot.path("services").has(baseName)) {
        problems.add(file.getFileName() + ": service '" + name + "' extends '" + baseName + "' of "
            + ext.path("file").asText() + ", which has no such service; fix: correct extends.service");
        return own;
      }
      base = extended(other, otherRoot, baseName, seen).deepCopy();
      relocateService((ObjectNode) base, other.getParent(), file.getParent());
    } else if (root.path("services").has(baseName)) {
      base = extended(file, root, baseName, seen);
    } else {
      problems.add(file.getFileName() + ": service '" + name + "' extends '" + baseName + "', which is not a"
          + " service of this file; fix: correct extends.service, or add extends.file");
      return own;
    }
    return ComposeMerge.merge(base, own);
  }

  /** The document of {@code file}, parsed once, without its extension fields. */
  private ObjectNode document(Path file) {
    JsonNode cached = read.get(file);
    if (cached == null) {
      String text = texts.apply(file);
      JsonNode doc = ComposeYaml.parse(text);
      if (doc == null || !doc.isObject()) {
        throw new ImportException(List.of(file.getFileName() + ":1: no 'services:' mapping; fix: pass a compose"
            + " file, whose services are under a top-level 'services:' key"));
      }
      dropExtensions((ObjectNode) doc);
      YamlLines lines;
      try {
        lines = YamlLines.of(text);
      } catch (java.io.IOException | RuntimeException e) {
        lines = YamlLines.none();
      }
      sources.add(new Source(file, lines));
      read.put(file, doc);
      cached = doc;
    }
    return ((ObjectNode) cached).deepCopy();
  }

  private static void dropExtensions(ObjectNode root) {
    root.remove(ComposeYaml.fieldNames(root).stream().filter(k -> k.startsWith("x-")).toList());
    for (String section : WITH_EXTENSIONS) {
      root.path(section).forEach(element -> {
        if (element.isObject()) {
          ((ObjectNode) element).remove(ComposeYaml.fieldNames(element).stream()
              .filter(k -> k.startsWith("x-")).toList());
        }
      });
    }
  }

  /** Rewrites the relative paths of every service and of file-backed secrets and configs. */
  private static void relocateFile(JsonNode root, Path from, Path to) {
    if (from.equals(to) || root == null) {
      return;
    }
    root.path("services").forEach(s -> {
      if (s.isObject()) {
        relocateService((ObjectNode) s, from, to);
      }
    });
    for (String section : List.of("secrets", "configs")) {
      root.path(section).forEach(d -> {
        if (d.isObject() && d.path("file").isTextual()) {
          ((ObjectNode) d).put("file", moved(d.path("file").asText(), from, to));
        }
      });
    }
  }

  /** The relative paths of one service (build context, bind sources, env_file) moved from one folder to another. */
  static void relocateService(ObjectNode service, Path from, Path to) {
    if (from.equals(to)) {
      return;
    }
    JsonNode build = service.get("build");
    if (build != null && build.isTextual() && isLocal(build.asText())) {
      service.put("build", moved(build.asText(), from, to));
    } else if (build != null && build.isObject() && build.path("context").isTextual()
        && isLocal(build.path("context").asText())) {
      ((ObjectNode) build).put("context", moved(build.path("context").asText(), from, to));
    } else if (build != null && build.isObject() && !build.has("context")) {
      ((ObjectNode) build).put("context", moved(".", from, to));
    }
    JsonNode envFile = service.get("env_file");
    if (envFile != null && envFile.isTextual()) {
      service.put("env_file", moved(envFile.asText(), from, to));
    } else if (envFile != null && envFile.isArray()) {
      ArrayNode files = (ArrayNode) envFile;
      for (int i = 0; i < files.size(); i++) {
        JsonNode f = files.get(i);
        if (f.isTextual()) {
          files.set(i, TextNode.valueOf(moved(f.asText(), from, to)));
        } else if (f.isObject() && f.path("path").isTextual()) {
          ((ObjectNode) f).put("path", moved(f.path("path").asText(), from, to));
        }
      }
    }
    JsonNode volumes = service.get("volumes");
    if (volumes != null && volumes.isArray()) {
      ArrayNode list = (ArrayNode) volumes;
      for (int i = 0; i < list.size(); i++) {
        JsonNode v = list.get(i);
        if (v.isTextual() && v.asText().startsWith(".")) {
          int colon = v.asText().indexOf(':');
          String source = colon < 0 ? v.asText() : v.asText().substring(0, colon);
          list.set(i, TextNode.valueOf(moved(source, from, to) + (colon < 0 ? "" : v.asText().substring(colon))));
        } else if (v.isObject() && v.path("source").asText().startsWith(".")) {
          ((ObjectNode) v).put("source", moved(v.path("source").asText(), from, to));
        }
      }
    }
  }

  private static boolean isLocal(String context) {
    return !context.contains("://") && !context.startsWith("git@") && !context.startsWith("github.com/");
  }

  private static String moved(String path, Path from, Path to) {
    if (path.startsWith("/") || path.startsWith("~")) {
      return path;
    }
    String relative = to.relativize(from.resolve(path).normalize()).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative.startsWith("..") ? relative : "./" + relative;
  }
}
