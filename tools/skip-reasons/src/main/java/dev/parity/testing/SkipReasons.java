package dev.parity.testing;

import java.io.PrintStream;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped or aborted test with its reason on the console of the build, one line each:
 * {@code [parity] SKIPPED dev.parity.runtime.AppKindsIT.buildsEachKind(): no Docker engine ...}.
 *
 * <p>Surefire and Failsafe write a skipped test's reason only into their report files, and a class
 * aborted in {@code @BeforeAll} not even as a count (SUREFIRE-2300), so a build without Docker would
 * pass with tests skipped for no visible reason. Every module's tests load this listener through
 * {@code META-INF/services} (the parent POM adds this folder to their test sources); it never changes an
 * outcome.
 */
public final class SkipReasons implements TestExecutionListener {

  private final PrintStream out;

  /** Prints on the standard error stream, which both test plugins copy to the console. */
  public SkipReasons() {
    this(System.err);
  }

  SkipReasons(PrintStream out) {
    this.out = out;
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    print(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      print(test, result.getThrowable().map(Throwable::getMessage).orElse(null));
    }
  }

  private void print(TestIdentifier test, String reason) {
    String why = reason == null || reason.isBlank() ? "(no reason given)"
        : reason.replace('\n', ' ').replaceFirst("^(?i)skipped[:,] ", "");
    out.println("[parity] SKIPPED " + name(test) + ": " + why);
    out.flush();
  }

  /** {@code Class.method()} for a method, the class name for a class, else the display name. */
  static String name(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    if (source.isPresent() && source.get() instanceof MethodSource method) {
      String simple = method.getClassName().substring(method.getClassName().lastIndexOf('.') + 1);
      String display = test.getDisplayName();
      String call = method.getMethodName() + "()";
      return simple + "." + (display.startsWith(method.getMethodName() + "(") ? call : call + " [" + display + "]");
    }
    if (source.isPresent() && source.get() instanceof ClassSource type) {
      return type.getClassName();
    }
    return test.getDisplayName();
  }
}
