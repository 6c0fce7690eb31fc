package dev.parity.cli;

import dev.parity.runtime.RunningStack;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C (SIGINT) or SIGTERM does to a command that starts containers ({@code parity up}, and
 * the throwaway database of {@code drift schema --spec}), at any moment: the JVM runs this shutdown
 * hook, which
 * <ul>
 *   <li>while the stack is starting, interrupts the thread that starts it — that start then removes
 *       everything it created and says so — and waits until it has;</li>
 *   <li>once a foreground stack runs, removes it (and what {@code onRemoval} removes with it: the env
 *       files holding its generated passwords) and says so;</li>
 *   <li>after a detached start, or before anything started, does nothing.</li>
 * </ul>
 * A {@code kill -9} runs no hook: what it leaves carries the stack's labels, so {@code parity down}
 * (or the next {@code up}) removes it.
 */
final class StartInterruption {

  private enum State { IDLE, STARTING, RUNNING, DONE }

  private final Thread starter = Thread.currentThread();
  private final PrintWriter out;
  private final CountDownLatch settled = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onShutdown, "parity-interrupt");
  private State state = State.IDLE;
  private boolean requested;
  private RunningStack running;
  private Runnable onRemoval = () -> { };

  private StartInterruption(PrintWriter out) {
    this.out = out;
  }

  /** Installs the hook; call from the thread that will start the stack. */
  static StartInterruption install(PrintWriter out) {
    StartInterruption interruption = new StartInterruption(out);
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    return interruption;
  }

  synchronized void starting() {
    state = State.STARTING;
  }

  /**
   * The stack started; from now on a shutdown removes it ({@code foreground}) or leaves it
   * running. Returns false when an interruption came first: the caller removes the stack and
   * calls {@link #settle}.
   */
  synchronized boolean started(RunningStack stack, boolean foreground) {
    return started(stack, foreground, () -> { });
  }

  /** As {@link #started(RunningStack, boolean)}; a shutdown also runs {@code removal} once the stack is removed. */
  synchronized boolean started(RunningStack stack, boolean foreground, Runnable removal) {
    if (requested) {
      return false;
    }
    running = stack;
    onRemoval = removal;
    state = foreground ? State.RUNNING : State.DONE;
    return true;
  }

  /** The start ended (failed, or interrupted and cleaned up): prints {@code message} if any and lets the hook finish. */
  void settle(String message) {
    synchronized (this) {
      state = State.DONE;
    }
    if (message != null) {
      out.println(message);
      out.flush();
    }
    settled.countDown();
  }

  /** Whether a shutdown has begun. */
  synchronized boolean requested() {
    return requested;
  }

  /** Removes the hook when the command ends without a shutdown (in-process use, tests). */
  void uninstall() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or ran
    }
  }

  private void onShutdown() {
    State seen;
    synchronized (this) {
      requested = true;
      seen = state;
    }
    if (seen == State.STARTING) {
      starter.interrupt();
      await();
    } else if (seen == State.RUNNING) {
      running.close();
      onRemoval.run();
      out.println("Removed stack '" + running.stackName() + "' (" + running.environment() + ").");
      out.flush();
      settled.countDown();
    }
  }

  private void await() {
    try {
      if (!settled.await(3, TimeUnit.MINUTES)) {
        out.println("parity: the interrupted start did not finish its clean-up in 3 minutes; `parity down` removes"
            + " what is left");
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until a foreground stack was removed by the hook. */
  void awaitRemoval() throws InterruptedException {
    settled.await();
  }
}
