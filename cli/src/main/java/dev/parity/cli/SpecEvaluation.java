package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.ParitySpec;
import dev.parity.core.Stack;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a spec's constructor and {@code stack()} so that no spec can end a command with a wrong exit
 * code: whatever it throws (errors included) becomes exit 2 naming the spec; a {@code stack()} that
 * does not return within the time limit ({@code --spec-timeout}) becomes exit 2 naming the spec
 * and the option; a {@code System.exit} while the spec runs is turned into exit 2 by a shutdown
 * hook that halts the JVM with that status (the one way to intercept it on Java 17 without a
 * security manager; it costs one hook registration, well under a millisecond).
 */
final class SpecEvaluation {

  /** How long {@code stack()} may take unless {@code --spec-timeout} says otherwise. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static volatile String running;
  private static boolean hooked;

  private SpecEvaluation() {
  }

  /**
   * Creates the spec and calls {@code stack()}, in a thread of its own.
   *
   * @param type the spec class
   * @param given the spec as given to {@code --spec}, for messages
   * @param timeout how long creating the spec and {@code stack()} may take together
   */
  static Stack evaluate(Class<?> type, String given, Duration timeout) {
    if (!ParitySpec.class.isAssignableFrom(type)) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "class '" + type.getName()
          + "' does not implement dev.parity.core.ParitySpec; add `implements ParitySpec`");
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + type.getName() + "' is abstract");
    }
    guardExit();
    CompletableFuture<Stack> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(create(type, given).stack());
      } catch (Throwable e) { // the spec's own failure, whatever it is, is reported as the spec's
        result.completeExceptionally(e);
      }
    }, "parity-spec");
    thread.setDaemon(true);
    thread.setContextClassLoader(type.getClassLoader());
    running = given;
    Stack stack;
    try {
      thread.start();
      stack = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + given + "' did not return from stack() within "
          + seconds(timeout) + "; it may wait on a lock, on input or on the network; fix the spec, or give it more"
          + " time with --spec-timeout <seconds>");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "interrupted while spec '" + given + "' ran", e);
    } catch (ExecutionException e) {
      throw failed(given, e.getCause());
    } finally {
      running = null;
    }
    if (stack == null) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + given + "' returned no stack from stack(); return"
          + " the result of Stack.named(…)…build()");
    }
    return stack;
  }

  private static ParitySpec create(Class<?> type, String given) throws Throwable {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return (ParitySpec) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + type.getName()
          + "' has no constructor without arguments; add one");
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static ParityException failed(String given, Throwable cause) {
    if (cause instanceof ParityException parity) {
      return parity;
    }
    return new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + given + "' failed in stack(): " + cause
        + "; run with --verbose for its stack trace", cause);
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  private static synchronized void guardExit() {
    if (hooked) {
      return;
    }
    hooked = true;
    PrintStream err = System.err;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      String spec = running;
      if (spec != null) {
        err.println("parity: spec '" + spec + "' called System.exit while Parity ran it; a spec only returns its"
            + " Stack from stack(): remove the call");
        err.flush();
        Runtime.getRuntime().halt(ErrorCode.SPEC_NOT_LOADED.exitCode());
      }
    }, "parity-spec-exit-guard"));
  }
}
