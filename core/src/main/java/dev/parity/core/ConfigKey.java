package dev.parity.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One key of the configuration schema, an environment variable every app receives.
 *
 * <pre>{@code
 * ConfigKey.integer("DB_PORT").defaultValue("5432");
 * ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment();
 * ConfigKey.secret("DB_PASSWORD");
 * }</pre>
 *
 * A key is required unless it has a value or is marked {@link #optional()}. Only keys marked
 * {@link #perEnvironment()} may take another value in an environment; a secret key never has a
 * value in the spec, only a {@link SecretRef} per remote environment.
 */
public final class ConfigKey {

  private final String name;
  private final ConfigType type;
  private final ConfigValue value;
  private final boolean optional;
  private final boolean secret;
  private final boolean perEnvironment;
  private final String description;

  private ConfigKey(String name, ConfigType type, ConfigValue value, boolean optional,
      boolean secret, boolean perEnvironment, String description) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = type;
    this.value = value;
    this.optional = optional;
    this.secret = secret;
    this.perEnvironment = perEnvironment;
    this.description = description;
  }

  /** A string key. */
  public static ConfigKey string(String name) {
    return new ConfigKey(name, ConfigType.STRING, null, false, false, false, null);
  }

  /** An integer key. */
  public static ConfigKey integer(String name) {
    return new ConfigKey(name, ConfigType.INT, null, false, false, false, null);
  }

  /** A boolean key, {@code true} or {@code false}. */
  public static ConfigKey bool(String name) {
    return new ConfigKey(name, ConfigType.BOOL, null, false, false, false, null);
  }

  /** A URL key. */
  public static ConfigKey url(String name) {
    return new ConfigKey(name, ConfigType.URL, null, false, false, false, null);
  }

  /**
   * A secret string key: generated files carry only references to it (remote environments) or
   * an empty slot in {@code .env.example} (local), never a value.
   */
  public static ConfigKey secret(String name) {
    return new ConfigKey(name, ConfigType.STRING, null, false, true, false, null);
  }

  /** The value every environment gets unless the key is per-environment and the environment sets another. */
  public ConfigKey defaultValue(String literal) {
    return value(ConfigValue.literal(literal));
  }

  /** Like {@link #defaultValue(String)}, for a value that refers to a service's address. */
  public ConfigKey value(ConfigValue defaultValue) {
    return new ConfigKey(name, type, defaultValue, optional, secret, perEnvironment, description);
  }

  /** The app starts without this key. */
  public ConfigKey optional() {
    return new ConfigKey(name, type, value, true, secret, perEnvironment, description);
  }

  /** Environments may set their own value of this key. */
  public ConfigKey perEnvironment() {
    return new ConfigKey(name, type, value, optional, secret, true, description);
  }

  /** What the key means, for {@code variables.tf}, {@code .env.example} and {@code ENVIRONMENTS.md}. */
  public ConfigKey describedAs(String text) {
    return new ConfigKey(name, type, value, optional, secret, perEnvironment, text);
  }

  public String name() {
    return name;
  }

  public ConfigType type() {
    return type;
  }

  /** The default value, if any. */
  public Optional<ConfigValue> value() {
    return Optional.ofNullable(value);
  }

  /** Whether the app refuses to start without the key. */
  public boolean required() {
    return !optional;
  }

  public boolean secret() {
    return secret;
  }

  public boolean isPerEnvironment() {
    return perEnvironment || secret;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  @Override
  public String toString() {
    return "ConfigKey[" + name + ": " + type.label() + (secret ? ", secret" : "") + "]";
  }
}
