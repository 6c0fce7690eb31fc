package dev.parity.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One property of an app's {@link AppContract}: the name the code reads ({@code shop.pool-size},
 * {@code DB_HOST}), the environment variable it is read from, its type, the app's own default and
 * whether the app needs a value.
 *
 * @param name the property as the app names it
 * @param variable the environment variable the framework reads it from ({@link RelaxedNames})
 * @param type what its value must convert to
 * @param javaType the declared type as the contract writes it ({@code java.time.Duration}), for messages
 * @param defaultValue the app's own default, if any
 * @param required whether the app needs a value (the reader's rule: see {@link AppContract})
 * @param enumValues the constants of an enum type, empty otherwise
 * @param collection a list, array or map, also read from {@code VARIABLE_<index or key>…} variables
 */
public record ContractProperty(String name, String variable, ContractType type, String javaType,
    Optional<String> defaultValue, boolean required, List<String> enumValues, boolean collection) {

  public ContractProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(defaultValue, "defaultValue");
    enumValues = List.copyOf(enumValues);
  }

  /** Whether the environment variable {@code key} sets this property (or, for a collection, an element of it). */
  public boolean readsVariable(String key) {
    return key.equals(variable) || (collection && key.startsWith(variable + "_"));
  }

  /** Whether {@code value} converts to this property's type as the framework's binder converts it. */
  public boolean accepts(String value) {
    return collection || type.accepts(value, enumValues);
  }

  /**
   * Whether the property holds a secret by its name: its last part says password, passwd, secret,
   * token, key, credential(s) or private key ({@code app.api-key}, {@code DB_PASSWORD}).
   */
  public boolean secretLike() {
    String last = name.replaceAll(".*[.]", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return last.endsWith("password") || last.endsWith("passwd") || last.endsWith("secret") || last.endsWith("token")
        || last.endsWith("key") || last.endsWith("credential") || last.endsWith("credentials");
  }
}
