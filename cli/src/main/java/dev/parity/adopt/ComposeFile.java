package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compose project read for import: its files read as compose reads them ({@link ComposeLoader}: anchors,
 * aliases and merge keys through SnakeYAML, {@code x-} fields dropped, {@code extends} and {@code include}
 * resolved, several files merged with compose's override rules), every value interpolated as compose does,
 * and the line of every node kept for messages. Reading reports every problem at once: invalid YAML raises
 * {@link ImportException}; unknown top-level or service keys and values that cannot be interpolated are
 * {@link #problems}, reported with the import's own.
 *
 * @param path the first file, whose folder is the project folder
 * @param raw the merged document as written (before interpolation)
 * @param root the merged document with every value interpolated
 * @param sources every file read, with the lines of its nodes
 * @param problems what makes the project impossible to import, each with its line and fix
 */
record ComposeFile(Path path, JsonNode raw, JsonNode root, List<ComposeLoader.Source> sources,
    List<String> problems) {

  static ComposeFile read(Path path, Map<String, String> variables) {
    return read(List.of(path), variables);
  }

  static ComposeFile read(List<Path> paths, Map<String, String> variables) {
    ComposeLoader loader = new ComposeLoader(ComposeFile::text);
    JsonNode raw;
    try {
      raw = loader.load(paths);
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new ImportException(List.of(yamlProblem(paths, e)));
    }
    if (!loader.problems().isEmpty()) {
      throw new ImportException(loader.problems());
    }
    List<String> problems = new ArrayList<>();
    if (raw == null || !raw.isObject() || !raw.path("services").isObject()) {
      throw new ImportException(List.of(paths.get(0).getFileName() + ":1: no 'services:' mapping; fix: pass a"
          + " compose file, whose services are under a top-level 'services:' key"));
    }
    ComposeFile file = new ComposeFile(paths.get(0), raw, raw.deepCopy(), List.copyOf(loader.sources()),
        new ArrayList<>());
    file.checkKeys(problems);
    file.interpolate(file.root, "", new Interpolation(variables), problems);
    file.problems.addAll(problems);
    return file;
  }

  private static String text(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new ImportException(List.of(path + ": " + (e instanceof java.nio.file.NoSuchFileException
          ? "does not exist" : "cannot be read (" + e.getMessage() + ")")
          + "; fix: pass the path of your docker-compose.yml to --from-compose"));
    }
  }

  /** One line: where SnakeYAML found the problem, its context and what it expected. */
  private static String yamlProblem(List<Path> paths, org.yaml.snakeyaml.error.YAMLException e) {
    String where = "";
    String what = e.getMessage().strip().lines().findFirst().orElse("");
    String file = paths.get(0).getFileName().toString();
    if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      where = ":" + (marked.getProblemMark().getLine() + 1);
      what = (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
      String name = marked.getProblemMark().getName();
      if (name != null && !name.startsWith("'")) {
        file = Path.of(name).getFileName().toString();
      }
    }
    return file + where + ": not valid YAML: " + what
        + "; fix: correct the YAML there (indentation, quotes, a missing ':' or bracket), then run init again";
  }

  /** {@code <file>:<line>} of a node. */
  String at(String pointer) {
    for (int i = sources.size() - 1; i >= 0; i--) {
      if (sources.get(i).lines().has(pointer)) {
        return sources.get(i).path().getFileName() + ":" + sources.get(i).lines().line(pointer);
      }
    }
    return path.getFileName() + ":" + sources.get(0).lines().line(pointer);
  }

  private void checkKeys(List<String> problems) {
    raw.fieldNames().forEachRemaining(key -> {
      if (!ComposeKeys.isTopLevel(key)) {
        problems.add(at("/" + key) + ": top-level key '" + key + "' is not part of the Compose specification"
            + "; fix: remove it or correct its spelling (services, volumes, networks, secrets, configs, name)");
      }
    });
    raw.path("services").fields().forEachRemaining(service -> {
      if (!service.getValue().isObject()) {
        problems.add(at("/services/" + service.getKey()) + ": service '" + service.getKey()
            + "' is not a mapping; fix: give it an image: or a build:");
        return;
      }
      service.getValue().fieldNames().forEachRemaining(key -> {
        if (!ComposeKeys.isService(key)) {
          problems.add(at("/services/" + service.getKey() + "/" + key) + ": service '" + service.getKey()
              + "': key '" + key + "' is not part of the Compose specification; fix: remove it or correct its"
              + " spelling (image, build, ports, volumes, environment, depends_on, command, healthcheck, …)");
        }
      });
    });
  }

  private void interpolate(JsonNode node, String pointer, Interpolation interpolation, List<String> problems) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = pointer + "/" + escape(field.getKey());
        if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(substitute(field.getValue().asText(), child, interpolation, problems)));
        } else {
          interpolate(field.getValue(), child, interpolation, problems);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String child = pointer + "/" + i;
        if (node.get(i).isTextual()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i,
              TextNode.valueOf(substitute(node.get(i).asText(), child, interpolation, problems)));
        } else {
          interpolate(node.get(i), child, interpolation, problems);
        }
      }
    }
  }

  private String substitute(String value, String pointer, Interpolation interpolation, List<String> problems) {
    try {
      return interpolation.apply(value);
    } catch (Interpolation.Failure e) {
      problems.add(at(pointer) + ": " + e.getMessage());
      return value;
    }
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
