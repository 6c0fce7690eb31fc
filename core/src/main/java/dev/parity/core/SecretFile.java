package dev.parity.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A secret config key handed to a container as a file, as images that read {@code *_FILE}
 * variables expect: compose {@code secrets:} read from the git-ignored
 * {@code local/secrets/<name>} locally, mounted at {@code /run/secrets/<name>}.
 *
 * @param key the secret config key whose value the file holds
 * @param fileVariable the variable that receives the file's path, for example
 *     {@code POSTGRES_PASSWORD_FILE}, if any
 */
public record SecretFile(String key, String fileVariable) {

  /** The secret's name: the key in lower case, for example {@code db_password}. */
  public String name() {
    return key.toLowerCase(Locale.ROOT);
  }

  /** Where the container sees the file: {@code /run/secrets/<name>}. */
  public String path() {
    return "/run/secrets/" + name();
  }

  public Optional<String> variable() {
    return Optional.ofNullable(fileVariable);
  }
}
