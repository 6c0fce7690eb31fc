package dev.parity.core;

/**
 * A team's one declaration of its system. {@code parity generate --spec MySpec.java} compiles the
 * class, calls {@link #stack()} and renders every environment's files from the result.
 *
 * <pre>{@code
 * public final class ShopSpec implements ParitySpec {
 *   public Stack stack() {
 *     return Stack.named("shop")
 *         .service(App.node("web", "node:20.11.0-alpine3.19").port(3000).dependsOn("db"))
 *         .service(Postgres.of("db", "14.9"))
 *         .environment(Environment.local())
 *         .build();
 *   }
 * }
 * }</pre>
 */
public interface ParitySpec {

  /** The declared system; {@link Stack.Builder#build()} validates it. */
  Stack stack();
}
