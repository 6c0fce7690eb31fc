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
 * Mount.bind("site", "/usr/share/nginx/html").relabel(Mount.Relabel.SHARED); // compose: ../site:/usr/share/nginx/html:z
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

  /**
   * How Docker relabels a bind mount's host files for SELinux (Docker, "Configure the SELinux label";
   * compose's short-syntax {@code :z}/{@code :Z} and long-syntax {@code bind: selinux:}), so that a
   * container confined by SELinux may read and write them. On hosts without SELinux Docker ignores it.
   */
  public enum Relabel {
    /** {@code z}: labelled so that every container may use the files; for folders shared by several services. */
    SHARED("z"),
    /** {@code Z}: labelled for this container alone; other containers (and services) lose access to the files. */
    PRIVATE("Z");

    private final String flag;

    Relabel(String flag) {
      this.flag = flag;
    }

    /** The flag as compose and Docker write it: {@code z} or {@code Z}. */
    public String flag() {
      return flag;
    }

    /** The relabel option for compose's flag {@code z} or {@code Z}; empty for anything else. */
    public static java.util.Optional<Relabel> ofFlag(String flag) {
      return java.util.Arrays.stream(values()).filter(r -> r.flag.equals(flag)).findFirst();
    }
  }

  private final Kind kind;
  private final String source;
  private final String target;
  private final boolean readOnly;
  private final Relabel relabel;

  private Mount(Kind kind, String source, String target, boolean readOnly, Relabel relabel) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.readOnly = readOnly;
    this.relabel = relabel;
  }

  /** A named volume {@code name} mounted at {@code target}, read-write. */
  public static Mount volume(String name, String target) {
    return new Mount(Kind.VOLUME, name, target, false, null);
  }

  /** The file or folder {@code path} (relative to the spec's folder) mounted at {@code target}, read-write. */
  public static Mount bind(String path, String target) {
    return new Mount(Kind.BIND, path, target, false, null);
  }

  /** An anonymous volume at {@code target} (compose {@code volumes: - /target}), removed with its container. */
  public static Mount anonymous(String target) {
    return new Mount(Kind.ANONYMOUS, "", target, false, null);
  }

  /** The same mount, read-only in the container (compose {@code :ro}). */
  public Mount readOnly() {
    return new Mount(kind, source, target, true, relabel);
  }

  /**
   * The same bind mount, its host files relabelled for SELinux by Docker when the container starts
   * (compose {@code :z} or {@code :Z}; {@code parity up} passes the same flag). Bind mounts only, and local
   * only: validation refuses it on a volume, and on an app of a stack with remote environments, where
   * nothing of the developer's machine is mounted.
   */
  public Mount relabel(Relabel how) {
    return new Mount(kind, source, target, readOnly, Objects.requireNonNull(how, "how"));
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

  /** The SELinux relabelling of a bind mount's host files; empty: Docker leaves their labels alone. */
  public java.util.Optional<Relabel> relabel() {
    return java.util.Optional.ofNullable(relabel);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mount m && m.kind == kind && m.source.equals(source) && m.target.equals(target)
        && m.readOnly == readOnly && m.relabel == relabel;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, source, target, readOnly, relabel);
  }

  @Override
  public String toString() {
    return (source.isEmpty() ? "" : source + ":") + target + (readOnly ? ":ro" : "")
        + (relabel == null ? "" : (readOnly ? "," : ":") + relabel.flag);
  }
}
