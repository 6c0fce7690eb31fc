package dev.parity.core;

import java.util.Objects;

/**
 * Something mounted into a service's container: a named volume that outlives the container, or a
 * file or folder beside the spec bind-mounted into it.
 *
 * <pre>{@code
 * Mount.volume("gitea-data", "/data");                                      // compose: gitea-data:/data
 * Mount.bind("proxy/nginx.conf", "/etc/nginx/nginx.conf").readOnly();      // compose: ../proxy/nginx.conf:/etc/nginx/nginx.conf:ro
 * Mount.anonymous("/app/node_modules");                                     // compose: /app/node_modules
 * }</pre>
 *
 * <p>A named volume becomes a compose top-level {@code volumes:} entry and a Docker volume that
 * {@code parity up} keeps across runs. A bind mount's source is relative to the spec's folder; it
 * must exist when the spec is generated or started ({@code parity generate} refuses it otherwise).
 *
 * <p>Immutable; {@link #readOnly()} returns a changed copy.
 */
public final class Mount {

  /** What is mounted. */
  public enum Kind {
    /** A named volume managed by Docker (compose top-level {@code volumes:}). */
    VOLUME,
    /** A file or folder beside the spec (a compose bind mount). */
    BIND,
    /**
     * A volume without a name, created with the container and removed with it: keeps what the image
     * holds at the target (such as {@code node_modules}) from being hidden by a bind mount above it.
     */
    ANONYMOUS
  }

  private final Kind kind;
  private final String source;
  private final String target;
  private final boolean readOnly;

  private Mount(Kind kind, String source, String target, boolean readOnly) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.readOnly = readOnly;
  }

  /** A named volume {@code name} mounted at {@code target}, read-write. */
  public static Mount volume(String name, String target) {
    return new Mount(Kind.VOLUME, name, target, false);
  }

  /** The file or folder {@code path} (relative to the spec's folder) mounted at {@code target}, read-write. */
  public static Mount bind(String path, String target) {
    return new Mount(Kind.BIND, path, target, false);
  }

  /** An anonymous volume at {@code target} (compose {@code volumes: - /target}), removed with its container. */
  public static Mount anonymous(String target) {
    return new Mount(Kind.ANONYMOUS, "", target, false);
  }

  /** The same mount, read-only in the container (compose {@code :ro}). */
  public Mount readOnly() {
    return new Mount(kind, source, target, true);
  }

  public Kind kind() {
    return kind;
  }

  /** Whether this is a named volume. */
  public boolean isVolume() {
    return kind == Kind.VOLUME;
  }

  /** Whether this is a bind mount of a file or folder beside the spec. */
  public boolean isBind() {
    return kind == Kind.BIND;
  }

  /** The volume's name, or the path relative to the spec's folder; empty for an anonymous volume. */
  public String source() {
    return source;
  }

  /** The absolute path inside the container. */
  public String target() {
    return target;
  }

  /** Whether the container sees it read-only (compose {@code :ro}). */
  public boolean isReadOnly() {
    return readOnly;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mount m && m.kind == kind && m.source.equals(source) && m.target.equals(target)
        && m.readOnly == readOnly;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, source, target, readOnly);
  }

  @Override
  public String toString() {
    return (source.isEmpty() ? "" : source + ":") + target + (readOnly ? ":ro" : "");
  }
}
