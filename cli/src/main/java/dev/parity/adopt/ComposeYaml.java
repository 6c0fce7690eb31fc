package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

/**
 * One compose document as compose reads it, through SnakeYAML: anchors and aliases resolved, merge keys
 * ({@code <<: *a} and {@code <<: [*a, *b]}) applied at every level by SnakeYAML's own constructor, so no
 * {@code <<} key survives. Scalars resolve as YAML 1.1 does (PyYAML in docker-compose 1.29, so {@code on} is
 * {@code true}) except timestamps, which compose keeps as strings. Compose's merge tags are kept as markers:
 * {@code !reset} becomes {@link #RESET}, {@code !override} wraps its value in {@link #OVERRIDE}.
 */
final class ComposeYaml {

  /** The value of a {@code !reset} node: the merge removes the key. */
  static final String RESET = "\u0000!reset";

  /** The field of the object that wraps a {@code !override} value: the merge replaces instead of merging. */
  static final String OVERRIDE = "\u0000!override";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ComposeYaml() {
  }

  /** The document as a tree; null for an empty document. */
  static JsonNode parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10_000);
    options.setAllowDuplicateKeys(true);
    Yaml yaml = new Yaml(new Constructor(options), new Representer(new DumperOptions()), new DumperOptions(),
        options, new NoTimestamps());
    Object value = yaml.load(text);
    return value == null ? null : JSON.valueToTree(value);
  }

  /** Whether {@code node} is an {@code !override} wrapper; its value is {@link #overridden}. */
  static boolean isOverride(JsonNode node) {
    return node != null && node.isObject() && node.size() == 1 && node.has(OVERRIDE);
  }

  static JsonNode overridden(JsonNode node) {
    return isOverride(node) ? node.get(OVERRIDE) : node;
  }

  static boolean isReset(JsonNode node) {
    return node != null && node.isTextual() && node.asText().equals(RESET);
  }

  /** Every {@code !override} wrapper replaced by its value, for a tree no later merge reads. */
  static JsonNode unwrap(JsonNode node) {
    JsonNode n = overridden(node);
    if (n.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      n.fields().forEachRemaining(e -> {
        if (!isReset(e.getValue())) {
          copy.set(e.getKey(), unwrap(e.getValue()));
        }
      });
      return copy;
    }
    if (n.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      n.forEach(item -> copy.add(unwrap(item)));
      return copy;
    }
    return n;
  }

  /** YAML 1.1's implicit types without the timestamp (compose reads {@code 2024-01-01} as a string). */
  private static final class NoTimestamps extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  /** SnakeYAML's safe constructor, merges included, knowing compose's {@code !reset} and {@code !override}. */
  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(new Tag("!reset"), new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          return RESET;
        }
      });
      yamlConstructors.put(new Tag("!override"), new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          Object value;
          if (node instanceof MappingNode m) {
            m.setTag(Tag.MAP);
            value = yamlConstructors.get(Tag.MAP).construct(m);
          } else if (node instanceof SequenceNode s) {
            s.setTag(Tag.SEQ);
            value = yamlConstructors.get(Tag.SEQ).construct(s);
          } else {
            value = yamlConstructors.get(Tag.STR).construct((ScalarNode) node);
          }
          return java.util.Map.of(OVERRIDE, value == null ? "" : value);
        }
      });
    }
  }

  static JsonNode text(String value) {
    return TextNode.valueOf(value);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
