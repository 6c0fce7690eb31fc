package dev.parity.core;

import java.util.Objects;

/**
 * A network services join (compose top-level {@code networks:}); services that list no network
 * join the stack's one default network. Services reach each other by name only on a network they
 * share.
 *
 * <pre>{@code
 * Stack.named("shop").network(Network.named("backend").internal())
 * }</pre>
 *
 * <p>Immutable; {@link #internal()} returns a changed copy.
 */
public final class Network {

  private final String name;
  private final boolean internal;

  private Network(String name, boolean internal) {
    this.name = Objects.requireNonNull(name, "name");
    this.internal = internal;
  }

  /** A network with a route to the outside, like compose's default. */
  public static Network named(String name) {
    return new Network(name, false);
  }

  /** The same network without a route outside the host (compose {@code internal: true}). */
  public Network internal() {
    return new Network(name, true);
  }

  /** A lower-case name, unique in the stack. */
  public String name() {
    return name;
  }

  /** Whether the network has no route outside the host (compose {@code internal: true}). */
  public boolean isInternal() {
    return internal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network n && n.name.equals(name) && n.internal == internal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, internal);
  }

  @Override
  public String toString() {
    return "Network[" + name + (internal ? ", internal" : "") + "]";
  }
}
