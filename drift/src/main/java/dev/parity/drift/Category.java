package dev.parity.drift;

/** What a drift finding is about. */
public enum Category {
  /** A database schema object: table, column, constraint, index, view, sequence, type, function, trigger. */
  SCHEMA,
  /** A running container: its service, image or environment keys. */
  CONTAINER,
  /** A config variable: missing, unknown, of the wrong type, or a placeholder secret. */
  CONFIG,
  /** A Kubernetes object of an environment's namespace: missing, not rendered by the spec, or a field changed. */
  CLUSTER,
  /** A managed service of an environment: the server runs another engine or version than the spec declares. */
  SERVICE;

  /** The name JSON reports use: {@code schema}, {@code container}, {@code config}, {@code cluster}, {@code service}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
