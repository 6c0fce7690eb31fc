package dev.parity.core;

/** SQL identifiers derived from service names. */
final class SqlNames {

  private SqlNames() {
  }

  /** {@code orders-db} becomes {@code orders_db}: service names allow hyphens, SQL identifiers do not. */
  static String fromServiceName(String serviceName) {
    return serviceName == null ? null : serviceName.replace('-', '_');
  }
}
