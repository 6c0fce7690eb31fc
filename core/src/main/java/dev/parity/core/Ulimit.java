package dev.parity.core;

/**
 * A resource limit of a service's processes (compose {@code ulimits:}, Compose specification
 * "ulimits"; Docker's {@code --ulimit}), such as the open files Elasticsearch needs:
 *
 * <pre>{@code
 * Ulimit.of("nofile", 65535, 65535);   // compose: nofile: {soft: 65535, hard: 65535}
 * Ulimit.unlimited("memlock");         // compose: memlock: -1
 * }</pre>
 *
 * @param name the limit, as {@code ulimit}/{@code setrlimit} name it: {@code nofile}, {@code nproc}, {@code memlock}, …
 * @param soft the soft limit, at most {@code hard}; -1 for unlimited
 * @param hard the hard limit; -1 for unlimited
 */
public record Ulimit(String name, long soft, long hard) {

  /** A limit with its soft and hard values. */
  public static Ulimit of(String name, long soft, long hard) {
    return new Ulimit(name, soft, hard);
  }

  /** No limit, soft and hard ({@code -1}). */
  public static Ulimit unlimited(String name) {
    return new Ulimit(name, -1, -1);
  }
}
