package dev.parity.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.parity.core.AppContract;
import dev.parity.core.Contract;
import dev.parity.core.ContractProperty;
import dev.parity.core.ContractType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON Schema of an app's environment, the way Node.js's {@code env-schema} uses one for
 * {@code process.env}: the root's {@code properties} are the variables (names as written), its
 * {@code required} those the app needs, each property's {@code default} the app's own. Values are
 * validated by networknt's json-schema-validator against the whole schema ({@code $ref}s,
 * {@code format}, {@code pattern}, {@code enum} included), as the object {@code {"KEY": "value"}},
 * with {@code typeLoose} so that a text value passes {@code integer}, {@code number} and
 * {@code boolean} when it parses as one (ajv's {@code coerceTypes}, which env-schema turns on).
 * Only the validator's messages about that key count: the others' {@code required} is checked
 * per environment by {@code ContractChecks}.
 */
final class JsonSchemaReader {

  private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder().typeLoose(true)
      .formatAssertionsEnabled(true).locale(Locale.ROOT).build();

  private JsonSchemaReader() {
  }

  static AppContract read(byte[] file, String source) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(CONFIG));
    Schema schema;
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(file);
      schema = registry.getSchema(new String(file, java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (RuntimeException e) {
      throw new IOException("not a JSON Schema: " + e.getMessage(), e);
    }
    JsonNode properties = root.path("properties");
    if (!root.isObject() || !properties.isObject()) {
      throw new IOException("the schema has no \"properties\" object at its root; list the app's variables there");
    }
    Set<String> required = new HashSet<>();
    root.path("required").forEach(r -> required.add(r.asString()));
    List<ContractProperty> contract = new ArrayList<>();
    for (String name : properties.propertyNames()) {
      JsonNode property = properties.get(name);
      List<String> enumValues = new ArrayList<>();
      property.path("enum").forEach(v -> enumValues.add(v.asString()));
      Optional<String> defaultValue = property.has("default") ? Optional.of(property.get("default").asString())
          : Optional.empty();
      String type = property.path("type").asString("string");
      contract.add(new ContractProperty(name, name, typeOf(type, !enumValues.isEmpty()), type, defaultValue,
          required.contains(name) && defaultValue.isEmpty(), enumValues, false));
    }
    return new AppContract(Contract.Kind.JSON_SCHEMA, source, contract, List.of(),
        (property, value) -> refusal(schema, property.variable(), value));
  }

  private static ContractType typeOf(String type, boolean enumerated) {
    if (enumerated) {
      return ContractType.ENUM;
    }
    return switch (type) {
      case "integer" -> ContractType.INTEGER;
      case "number" -> ContractType.DECIMAL;
      case "boolean" -> ContractType.BOOLEAN;
      default -> ContractType.STRING;
    };
  }

  /** The validator's messages about {@code key} when the environment gives it {@code value}. */
  private static Optional<String> refusal(Schema schema, String key, String value) {
    ObjectNode instance = JsonNodeFactory.instance.objectNode().put(key, value);
    List<String> messages = schema.validate(instance).stream()
        .filter(e -> e.getInstanceLocation().getNameCount() > 0 && key.equals(e.getInstanceLocation().getName(0)))
        .map(Error::getMessage).distinct().toList();
    return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
  }
}
