package dev.parity.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app's config contract as read from its build or its contract file: every property the app
 * reads. The readers decide {@link ContractProperty#required()} by the framework's own rule:
 * <ul>
 *   <li>Spring Boot: its metadata marks nothing required, so Parity takes a property without a
 *       default whose type is not a primitive ({@code int}, {@code boolean} take Java's default),
 *       not {@code Optional}, not a collection or map, and not deprecated as required;</li>
 *   <li>MicroProfile Config: a {@code @ConfigProperty} without {@code defaultValue} whose type is not
 *       {@code Optional}, {@code OptionalInt}/{@code Long}/{@code Double} or {@code Provider}
 *       (deployment fails without a value, as the MicroProfile Config specification says); a
 *       {@code @ConfigMapping} method without {@code @WithDefault} and not returning {@code Optional};</li>
 *   <li>{@code .env.example}: every key (dotenv-safe's rule); its value is an example, never a default;</li>
 *   <li>JSON Schema: a property listed in {@code required} (a {@code default} still makes it optional,
 *       as env-schema fills defaults before it validates).</li>
 * </ul>
 *
 * @param kind how the contract was written down
 * @param source where it was read, for messages ({@code api/target/classes})
 * @param properties every property, in the contract's order
 * @param openNamespaces variable prefixes the framework itself reads beyond the contract
 *     ({@code SPRING_}, {@code SERVER_} …): a key with such a prefix is not reported as unread
 * @param valueCheck who decides whether a value is right for a property: {@link ValueCheck#BY_TYPE}
 *     (the property's {@link ContractType}), or the contract's own validator (a JSON Schema)
 */
public record AppContract(Contract.Kind kind, String source, List<ContractProperty> properties,
    List<String> openNamespaces, ValueCheck valueCheck) {

  /**
   * Decides whether a text value is right for a property, and says why not in the words of
   * whoever decided: {@link #BY_TYPE} says "does not convert to …", a schema its validator's own messages.
   */
  @FunctionalInterface
  public interface ValueCheck {

    /** The property's type decides, by {@link ContractProperty#accepts}. */
    ValueCheck BY_TYPE = (property, value) -> property.accepts(value) ? Optional.empty()
        : Optional.of("does not convert to " + property.name() + "'s type " + property.type().label() + " ("
            + property.javaType() + ")");

    /** Why {@code value} is wrong for {@code property}; empty when it is right. */
    Optional<String> refusal(ContractProperty property, String value);
  }

  public AppContract {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    properties = List.copyOf(properties);
    openNamespaces = List.copyOf(openNamespaces);
    Objects.requireNonNull(valueCheck, "valueCheck");
  }

  /** A contract whose values are checked by their properties' types. */
  public AppContract(Contract.Kind kind, String source, List<ContractProperty> properties, List<String> openNamespaces) {
    this(kind, source, properties, openNamespaces, ValueCheck.BY_TYPE);
  }

  /** The property read from the environment variable {@code key}, if any. */
  public Optional<ContractProperty> propertyReading(String key) {
    return properties.stream().filter(p -> p.readsVariable(key)).findFirst();
  }

  /** Whether a key the contract does not list may still be read by the framework itself. */
  public boolean openTo(String key) {
    return openNamespaces.stream().anyMatch(key::startsWith);
  }
}
