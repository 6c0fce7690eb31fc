package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Stack;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.YamlFolding;
import dev.parity.generate.YamlWriter;

/**
 * What every Kubernetes object of the tree shares: the recommended {@code app.kubernetes.io/*}
 * labels, the head of an object ({@code apiVersion}, {@code kind}, {@code metadata}), and the file
 * it is written to, with Parity's header.
 */
final class Manifests {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String NAME = "app.kubernetes.io/name";
  static final String PART_OF = "app.kubernetes.io/part-of";
  static final String COMPONENT = "app.kubernetes.io/component";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  /** Set by each overlay on every object: {@code <stack>-<environment>}. */
  static final String INSTANCE = "app.kubernetes.io/instance";

  private Manifests() {
  }

  /** The labels of an object that belongs to {@code name} (an app, or the stack itself). */
  static ObjectNode labels(Stack stack, String name, String component) {
    ObjectNode labels = NODES.objectNode();
    labels.put(NAME, name);
    labels.put(COMPONENT, component);
    labels.put(PART_OF, stack.name());
    labels.put(MANAGED_BY, "parity");
    return labels;
  }

  /** The labels that select {@code app}'s pods: they never change, so a Deployment's selector can hold them. */
  static ObjectNode selector(Stack stack, App app) {
    ObjectNode labels = NODES.objectNode();
    labels.put(NAME, app.name());
    labels.put(PART_OF, stack.name());
    return labels;
  }

  /** {@code apiVersion}, {@code kind} and {@code metadata} with {@code name} and {@code labels}. */
  static ObjectNode object(String apiVersion, String kind, String name, ObjectNode labels) {
    ObjectNode object = NODES.objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", name);
    if (labels != null) {
      metadata.set("labels", labels);
    }
    return object;
  }

  /** {@code {matchLabels: …}} */
  static ObjectNode matchLabels(ObjectNode labels) {
    ObjectNode selector = NODES.objectNode();
    selector.set("matchLabels", labels);
    return selector;
  }

  static ArrayNode array(String... values) {
    ArrayNode array = NODES.arrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  /** {@code object} as a YAML file at {@code path}, below Parity's header and {@code note} (comment lines, may be empty). */
  static GeneratedFile file(GenerationContext context, String path, ObjectNode object, String note) {
    String comment = note.isEmpty() ? "" : CommentStyle.HASH.comment(note);
    return GeneratedFile.of(path, YamlFolding.fold(context.header(CommentStyle.HASH) + comment
        + YamlWriter.write(object)));
  }
}
