package dev.parity.runtime.internal;

import dev.parity.runtime.StartInterruptedException;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets an interrupted start (Ctrl-C, SIGTERM) clean up without missing a container: every container
 * is created through {@link #create}, and once {@link #awaitAll} is interrupted no creation is under
 * way and none can begin, so the clean-up by labels that follows sees everything this start made.
 * A service that is waiting or migrating is not waited for: removing its container ends that.
 */
final class StartGate {

  private final AtomicBoolean aborted;
  private final ReentrantReadWriteLock creating = new ReentrantReadWriteLock();

  StartGate(AtomicBoolean aborted) {
    this.aborted = aborted;
  }

  /** Runs {@code creation} unless the start was aborted; then {@code onAborted} is thrown instead. */
  <T> T create(Supplier<T> creation, Supplier<RuntimeException> onAborted) {
    creating.readLock().lock();
    try {
      if (aborted.get()) {
        throw onAborted.get();
      }
      return creation.get();
    } finally {
      creating.readLock().unlock();
    }
  }

  /**
   * Waits for every service's start.
   *
   * @throws StartInterruptedException when this thread is interrupted; by then no container
   *     creation is under way or can begin
   */
  void awaitAll(Collection<CompletableFuture<Void>> services, ExecutorService executor) {
    try {
      CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get();
    } catch (InterruptedException e) {
      aborted.set(true);
      executor.shutdownNow();
      creating.writeLock().lock();
      creating.writeLock().unlock();
      throw new StartInterruptedException("interrupted");
    } catch (ExecutionException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }
}
