package dev.parity.junit;

import dev.parity.core.Stack;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.internal.DockerProbe;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs the stack of a {@link ParityStack} test class; see there. */
public final class ParityStackExtension
    implements ExecutionCondition, BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ParityStackExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent()) {
      return ConditionEvaluationResult.enabled("the class's stack decides");
    }
    // Mistakes that need no Docker to find fail the class even where Docker is missing.
    Class<?> testClass = context.getRequiredTestClass();
    Preflight preflight = new Preflight(testClass, annotation(testClass));
    preflight.check(preflight.stack(), preflight.folder());
    if ("true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      return ConditionEvaluationResult.enabled("Docker is required");
    }
    try {
      DockerProbe.connect().close();
      return ConditionEvaluationResult.enabled("Docker is reachable");
    } catch (Exception e) {
      String reason = "skipped, " + e.getMessage().replace("\n", " ")
          + " (set PARITY_REQUIRE_DOCKER=true to fail instead)";
      // Build tools show a skipped class's reason only in their reports: say it where people look.
      System.err.println("[parity] " + context.getRequiredTestClass().getName() + " " + reason);
      return ConditionEvaluationResult.disabled(reason);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    RunningStack running = stack(context);
    for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && injectable(field, field.getType())) {
        field.setAccessible(true);
        field.set(null, value(field, field.getType(), running));
      }
    }
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
    RunningStack running = stack(context);
    for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && injectable(field, field.getType())) {
          field.setAccessible(true);
          field.set(instance, value(field, field.getType(), running));
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return injectable(parameter.getParameter(), parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return value(parameter.getParameter(), parameter.getParameter().getType(), stack(context));
  }

  private static boolean injectable(AnnotatedElement element, Class<?> type) {
    return type == RunningStack.class || element.isAnnotationPresent(JdbcUrl.class)
        || element.isAnnotationPresent(RedisUri.class) || element.isAnnotationPresent(ParityConfig.class);
  }

  private static Object value(AnnotatedElement element, Class<?> type, RunningStack running) {
    if (type == RunningStack.class) {
      return running;
    }
    if (element.isAnnotationPresent(JdbcUrl.class)) {
      return running.jdbcUrl(element.getAnnotation(JdbcUrl.class).value());
    }
    if (element.isAnnotationPresent(RedisUri.class)) {
      return running.redisUri(element.getAnnotation(RedisUri.class).value());
    }
    String key = element.getAnnotation(ParityConfig.class).value();
    if (key.isEmpty()) {
      return running.config();
    }
    String value = running.config().get(key);
    if (value == null) {
      throw new ExtensionConfigurationException("@ParityConfig(\"" + key + "\"): the stack's config has no key '"
          + key + "'; it has " + running.config().keySet());
    }
    return value;
  }

  /** The class's stack: started on first use, kept in the class's store or, with reuse, the run's. */
  private static RunningStack stack(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ParityStack annotation = annotation(testClass);
    ExtensionContext owner = annotation.reuse() ? context.getRoot() : classContext(context);
    String key = annotation.spec().getName() + "@" + annotation.environment() + (annotation.withApps() ? "+apps" : "");
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> new Resource(start(testClass, annotation)), Resource.class).stack;
  }

  private static ParityStack annotation(Class<?> testClass) {
    return AnnotationSupport.findAnnotation(testClass, ParityStack.class)
        .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName() + " is not annotated @ParityStack"));
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent()) {
      c = c.getParent().orElseThrow();
    }
    return c;
  }

  /** Checks everything that needs no Docker, then starts the stack, one progress line per change of state. */
  private static RunningStack start(Class<?> testClass, ParityStack annotation) {
    Preflight preflight = new Preflight(testClass, annotation);
    Stack stack = preflight.stack();
    Path folder = preflight.folder();
    preflight.check(stack, folder);
    StackOptions options = StackOptions.defaults().environment(annotation.environment()).fixedPorts(false)
        .removeLeftovers(false).keepVolumes(false).withApps(annotation.withApps())
        .registryMirror(annotation.registryMirror().isEmpty() ? null : annotation.registryMirror())
        .startupTimeout(Duration.ofSeconds(annotation.timeoutSeconds()))
        .projectFolder(folder)
        .progress(p -> System.out.println("[parity] " + p.line()));
    System.out.printf("[parity] starting stack '%s' (%s) for %s%n", stack.name(), annotation.environment(),
        testClass.getSimpleName());
    long began = System.nanoTime();
    RunningStack running = LocalStack.of(stack).start(options);
    System.out.printf(java.util.Locale.ROOT, "[parity] stack '%s' ready in %.1f s%n", stack.name(),
        (System.nanoTime() - began) / 1e9);
    return running;
  }

  /** Closes the stack when the store that holds it closes: after the class, or after the run. */
  private static final class Resource implements ExtensionContext.Store.CloseableResource {
    private final RunningStack stack;

    Resource(RunningStack stack) {
      this.stack = stack;
    }

    @Override
    public void close() {
      stack.close();
    }
  }
}
