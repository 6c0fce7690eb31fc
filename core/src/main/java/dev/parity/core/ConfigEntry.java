package dev.parity.core;

import java.util.Optional;

/**
 * A config key with the value one environment gives it: text, a secret reference (remote
 * environments) or a slot filled from {@code .env} (local).
 */
public record ConfigEntry(ConfigKey key, String value, SecretRef secretRef) {

  /** A plain value. */
  static ConfigEntry value(ConfigKey key, String value) {
    return new ConfigEntry(key, value, null);
  }

  /** A secret that a remote environment reads from a secret store. */
  static ConfigEntry secret(ConfigKey key, SecretRef ref) {
    return new ConfigEntry(key, null, ref);
  }

  /** A secret that the local stack reads from {@code .env}. */
  static ConfigEntry localSecret(ConfigKey key) {
    return new ConfigEntry(key, null, null);
  }

  public String name() {
    return key.name();
  }

  public boolean isSecret() {
    return key.secret();
  }

  /** The plain value; empty for secrets. */
  public Optional<String> plainValue() {
    return Optional.ofNullable(value);
  }

  /** The secret reference; empty for plain values and local secrets. */
  public Optional<SecretRef> secretReference() {
    return Optional.ofNullable(secretRef);
  }
}
