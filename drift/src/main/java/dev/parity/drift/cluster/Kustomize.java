package dev.parity.drift.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects a Kustomize overlay renders, as {@code kubectl kustomize <overlay>} prints them, computed in
 * memory from the files of a deploy tree: no kubectl needed. It implements the part of Kustomize that
 * Parity's generated kustomizations use, and refuses anything else by name rather than render it wrong:
 * {@code resources} (files, and folders holding a {@code kustomization.yaml}), {@code namespace} (set on
 * every object but Namespaces), {@code labels} ({@code pairs} on metadata, on pod templates when
 * {@code includeTemplates}, and on selectors when {@code includeSelectors}), {@code patches} by
 * {@code path} (strategic merge: maps merged key by key, lists of named maps merged by {@code name}, other
 * lists replaced), and {@code images} ({@code name} with {@code newName}, {@code newTag}, {@code digest}).
 * The tests compare it with {@code kubectl kustomize} for every example's overlay.
 */
public final class Kustomize {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> KNOWN = List.of("apiVersion", "kind", "namespace", "resources", "labels", "patches",
      "images");
  private static final Set<String> POD_TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job",
      "ReplicaSet");

  private final Map<String, String> files;

  private Kustomize(Map<String, String> files) {
    this.files = files;
  }

  /**
   * The objects the kustomization in {@code folder} renders.
   *
   * @param files the tree's files by path relative to the tree, with {@code /} separators
   * @param folder the overlay's folder in that tree, for example {@code k8s/overlays/production}
   * @throws IllegalArgumentException naming the file and the field, when a kustomization is missing or uses
   *     a field this renderer does not implement
   */
  public static List<ObjectNode> render(Map<String, String> files, String folder) {
    return new Kustomize(files).build(strip(folder));
  }

  private List<ObjectNode> build(String folder) {
    String path = folder + "/kustomization.yaml";
    String text = files.get(path);
    if (text == null) {
      throw new IllegalArgumentException(path + " is not in the tree; generate it with `parity generate`");
    }
    ObjectNode kustomization = (ObjectNode) documents(path, text).get(0);
    kustomization.fieldNames().forEachRemaining(field -> {
      if (!KNOWN.contains(field)) {
        throw new IllegalArgumentException(path + ": field '" + field + "' is not rendered by drift cluster; "
            + "it renders " + String.join(", ", KNOWN));
      }
    });
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      String target = normalize(folder + "/" + resource.asText());
      if (files.containsKey(target)) {
        documents(target, files.get(target)).forEach(d -> objects.add((ObjectNode) d));
      } else {
        objects.addAll(build(target));
      }
    }
    for (JsonNode patch : kustomization.path("patches")) {
      String target = normalize(folder + "/" + patch.path("path").asText());
      String patchText = files.get(target);
      if (patchText == null || patch.size() != 1) {
        throw new IllegalArgumentException(path + ": patch " + patch + " is not a path to a file of the tree");
      }
      for (JsonNode document : documents(target, patchText)) {
        ObjectNode object = find(objects, document).orElseThrow(() -> new IllegalArgumentException(target
            + ": patches " + document.path("kind").asText() + " " + document.path("metadata").path("name").asText()
            + ", which no resource of " + path + " renders"));
        merge(object, (ObjectNode) document);
      }
    }
    for (JsonNode labels : kustomization.path("labels")) {
      for (ObjectNode object : objects) {
        label(object, (ObjectNode) labels.path("pairs"), labels.path("includeSelectors").asBoolean(false),
            labels.path("includeTemplates").asBoolean(false));
      }
    }
    if (kustomization.hasNonNull("namespace")) {
      String namespace = kustomization.get("namespace").asText();
      objects.stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
          .forEach(o -> ((ObjectNode) o.with("metadata")).put("namespace", namespace));
    }
    for (JsonNode image : kustomization.path("images")) {
      objects.forEach(o -> images(o, image));
    }
    return objects;
  }

  private static java.util.Optional<ObjectNode> find(List<ObjectNode> objects, JsonNode patch) {
    return objects.stream().filter(o -> o.path("kind").equals(patch.path("kind"))
        && o.path("metadata").path("name").equals(patch.path("metadata").path("name"))).findFirst();
  }

  /** Strategic merge as Kustomize applies it to the fields Parity patches. */
  static void merge(ObjectNode target, ObjectNode patch) {
    patch.fields().forEachRemaining(e -> {
      JsonNode current = target.get(e.getKey());
      JsonNode value = e.getValue();
      if (current instanceof ObjectNode c && value instanceof ObjectNode v) {
        merge(c, v);
      } else if (current instanceof ArrayNode c && value instanceof ArrayNode v && named(c) && named(v)) {
        for (JsonNode item : v) {
          ObjectNode match = null;
          for (JsonNode existing : c) {
            if (existing.path("name").equals(item.path("name"))) {
              match = (ObjectNode) existing;
            }
          }
          if (match == null) {
            c.add(item.deepCopy());
          } else {
            merge(match, (ObjectNode) item);
          }
        }
      } else {
        target.set(e.getKey(), value.deepCopy());
      }
    });
  }

  private static boolean named(ArrayNode list) {
    for (JsonNode item : list) {
      if (!item.isObject() || !item.hasNonNull("name")) {
        return false;
      }
    }
    return true;
  }

  private static void label(ObjectNode object, ObjectNode pairs, boolean selectors, boolean templates) {
    ((ObjectNode) object.with("metadata").with("labels")).setAll(pairs);
    if (templates && POD_TEMPLATE_KINDS.contains(object.path("kind").asText())) {
      ((ObjectNode) object.with("spec").with("template").with("metadata").with("labels")).setAll(pairs);
    }
    if (selectors) {
      throw new IllegalArgumentException("labels with includeSelectors: true are not rendered by drift cluster");
    }
  }

  private static void images(JsonNode node, JsonNode image) {
    if (node instanceof ObjectNode object) {
      JsonNode reference = object.get("image");
      if (reference != null && reference.isTextual()) {
        object.put("image", rewrite(reference.asText(), image));
      }
      object.elements().forEachRemaining(child -> images(child, image));
    } else if (node instanceof ArrayNode list) {
      list.forEach(child -> images(child, image));
    }
  }

  /** {@code repo:tag} or {@code repo@digest} with the image entry applied, when its name is the repository. */
  static String rewrite(String reference, JsonNode image) {
    int at = reference.indexOf('@');
    String beforeDigest = at < 0 ? reference : reference.substring(0, at);
    int colon = beforeDigest.lastIndexOf(':');
    boolean tagged = colon > beforeDigest.lastIndexOf('/');
    String name = tagged ? beforeDigest.substring(0, colon) : beforeDigest;
    if (!name.equals(image.path("name").asText())) {
      return reference;
    }
    String tag = tagged ? beforeDigest.substring(colon) : "";
    String digest = at < 0 ? "" : reference.substring(at);
    String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
    if (image.hasNonNull("digest")) {
      return newName + "@" + image.get("digest").asText();
    }
    if (image.hasNonNull("newTag")) {
      return newName + ":" + image.get("newTag").asText();
    }
    return newName + tag + digest;
  }

  private static List<JsonNode> documents(String path, String text) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && document.isObject()) {
          documents.add(document.deepCopy());
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(path + " is not YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  private static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  private static String strip(String folder) {
    return normalize(folder);
  }
}
