package dev.parity.generate.compose;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads YAML into a tree whose scalars are the text as written: docker-compose prints {@code 1e5}
 * plain (a string to PyYAML's YAML 1.1), which Jackson would turn into the number 100000.0.
 */
final class ScalarText {

  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScalarText() {
  }

  static JsonNode readTree(String yaml) throws IOException {
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      parser.nextToken();
      return read(parser);
    }
  }

  private static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        object.set(name, read(parser));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(parser));
      }
      return array;
    }
    return token == JsonToken.VALUE_NULL && parser.getText().isEmpty() ? NODES.nullNode() : NODES.textNode(parser.getText());
  }
}
