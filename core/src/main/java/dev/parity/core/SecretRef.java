package dev.parity.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a remote environment finds a secret value. Only the reference reaches generated files:
 * {@code app_secrets = { DB_PASSWORD = "arn:aws:secretsmanager:…" }}.
 *
 * <pre>{@code
 * SecretRef.awsSecretsManager("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/prod/db");
 * SecretRef.awsParameter("/shop/staging/db-password");
 * SecretRef.vault("secret/data/shop/prod#db_password");
 * }</pre>
 */
public final class SecretRef {

  /** The stores a reference can point into. */
  public enum Store {
    AWS_SECRETS_MANAGER(Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+"),
        "an ARN such as arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db"),
    AWS_PARAMETER_STORE(Pattern.compile("/[A-Za-z0-9/_.-]+"),
        "a parameter name such as /shop/production/db-password"),
    VAULT(Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]*(#[A-Za-z0-9_.-]+)?"),
        "a path such as secret/data/shop/prod#db_password");

    private final Pattern format;
    private final String example;

    Store(Pattern format, String example) {
      this.format = format;
      this.example = example;
    }

    /** What a valid reference into this store looks like. */
    public String example() {
      return example;
    }
  }

  private final Store store;
  private final String reference;

  private SecretRef(Store store, String reference) {
    this.store = store;
    this.reference = Objects.requireNonNull(reference, "reference");
  }

  /** A secret in AWS Secrets Manager, by ARN. */
  public static SecretRef awsSecretsManager(String arn) {
    return new SecretRef(Store.AWS_SECRETS_MANAGER, arn);
  }

  /** A SecureString in AWS Systems Manager Parameter Store, by name. */
  public static SecretRef awsParameter(String name) {
    return new SecretRef(Store.AWS_PARAMETER_STORE, name);
  }

  /** A secret in HashiCorp Vault, by path and optional {@code #field}. */
  public static SecretRef vault(String path) {
    return new SecretRef(Store.VAULT, path);
  }

  public Store store() {
    return store;
  }

  /** The reference itself: an ARN, a parameter name or a Vault path. */
  public String reference() {
    return reference;
  }

  /** Whether the reference has the form its store expects. */
  public boolean isWellFormed() {
    return store.format.matcher(reference).matches();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretRef other && store == other.store && reference.equals(other.reference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(store, reference);
  }

  @Override
  public String toString() {
    return reference;
  }
}
