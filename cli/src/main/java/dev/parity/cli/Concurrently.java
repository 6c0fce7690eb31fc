package dev.parity.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Two independent pieces of work at once, for commands that wait on two remote systems (the two
 * databases of {@code drift schema}). Errors come out as if the work had run in order: the first
 * piece's error wins, and each is thrown as the piece threw it.
 */
final class Concurrently {

  private static final Executor THREADS = work -> {
    Thread thread = new Thread(work, "parity-worker");
    thread.setDaemon(true);
    thread.start();
  };

  private Concurrently() {
  }

  /** Runs {@code first} and {@code second} in threads of their own and combines their results. */
  static <A, B, R> R both(Supplier<A> first, Supplier<B> second, BiFunction<A, B, R> combine) {
    CompletableFuture<A> a = CompletableFuture.supplyAsync(first, THREADS);
    CompletableFuture<B> b = CompletableFuture.supplyAsync(second, THREADS);
    return combine.apply(join(a), join(b));
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
