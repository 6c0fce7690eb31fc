package dev.parity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.AppContract;
import dev.parity.core.Contract;
import dev.parity.core.ContractProperty;
import dev.parity.core.ContractType;
import dev.parity.core.RelaxedNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Spring Boot's configuration metadata (Spring Boot reference, "Configuration Metadata"):
 * {@code META-INF/spring-configuration-metadata.json}, written by
 * {@code spring-boot-configuration-processor}, and the team's
 * {@code META-INF/additional-spring-configuration-metadata.json}, whose entries win for the same name.
 * An enum type whose class is in the same classes folder or jar takes its constants.
 */
final class SpringMetadataReader {

  /** Prefixes of what Spring Boot itself reads beyond an app's own metadata. */
  static final List<String> SPRING_NAMESPACES = List.of("SPRING_", "SERVER_", "MANAGEMENT_", "LOGGING_", "DEBUG",
      "JAVA_", "JDK_", "JAVA_TOOL_OPTIONS");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpringMetadataReader() {
  }

  static AppContract read(ClassPathEntries entries, String source) throws IOException {
    Map<String, ContractProperty> properties = new LinkedHashMap<>();
    boolean found = false;
    for (String file : List.of("META-INF/spring-configuration-metadata.json",
        "META-INF/additional-spring-configuration-metadata.json")) {
      Optional<byte[]> bytes = entries.file(file);
      if (bytes.isEmpty()) {
        continue;
      }
      found = true;
      JsonNode root = JSON.readTree(bytes.get());
      for (JsonNode p : root.path("properties")) {
        ContractProperty property = property(p, entries);
        properties.put(property.name(), property);
      }
    }
    if (!found) {
      throw new IOException("has no META-INF/spring-configuration-metadata.json nor"
          + " META-INF/additional-spring-configuration-metadata.json");
    }
    return new AppContract(Contract.Kind.SPRING_BOOT, source, new ArrayList<>(properties.values()), SPRING_NAMESPACES);
  }

  private static ContractProperty property(JsonNode p, ClassPathEntries entries) throws IOException {
    String name = p.path("name").asText("");
    if (name.isEmpty()) {
      throw new IOException("has a property without a name: " + p);
    }
    String javaType = p.path("type").asText("java.lang.String");
    String raw = javaType.replaceAll("<.*", "");
    List<String> constants = entries.enumConstants(raw);
    boolean collection = raw.endsWith("[]") || raw.startsWith("java.util.") && (raw.endsWith("List")
        || raw.endsWith("Set") || raw.endsWith("Map") || raw.equals("java.util.Collection"));
    JsonNode def = p.get("defaultValue");
    Optional<String> defaultValue = def == null || def.isNull() ? Optional.empty()
        : Optional.of(def.isArray() ? join(def) : def.asText());
    boolean primitive = List.of("int", "long", "short", "byte", "double", "float", "boolean", "char").contains(raw);
    boolean deprecated = p.path("deprecated").asBoolean(false) || p.has("deprecation");
    boolean required = defaultValue.isEmpty() && !primitive && !collection && !deprecated && !raw.startsWith("java.util.Optional");
    return new ContractProperty(name, RelaxedNames.springBoot(name), ContractType.ofJavaType(raw, !constants.isEmpty()),
        javaType, defaultValue, required, constants, collection);
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(n -> parts.add(n.asText()));
    return String.join(",", parts);
  }
}
