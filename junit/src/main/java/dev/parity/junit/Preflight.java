package dev.parity.junit;

import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Problem;
import dev.parity.core.Redis;
import dev.parity.core.Service;
import dev.parity.core.SpecFiles;
import dev.parity.core.Stack;
import dev.parity.runtime.SpecFolder;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Everything about a {@link ParityStack} class that can be checked without Docker, checked before any
 * container starts: the spec can be created and is valid, the folder its relative paths start from
 * is found, the files it names exist ({@link SpecFiles}), and every {@link JdbcUrl} and
 * {@link RedisUri} names a service of the right kind. Every problem is reported at once, as an
 * {@link ExtensionConfigurationException} that fails the class.
 */
final class Preflight {

  private final Class<?> testClass;
  private final ParityStack annotation;

  Preflight(Class<?> testClass, ParityStack annotation) {
    this.testClass = testClass;
    this.annotation = annotation;
  }

  /** The spec's stack, created and validated. */
  Stack stack() {
    try {
      var constructor = annotation.spec().getDeclaredConstructor();
      constructor.setAccessible(true);
      ParitySpec spec = constructor.newInstance();
      return spec.stack();
    } catch (ReflectiveOperationException e) {
      throw fail("spec " + annotation.spec().getName() + " cannot be created (" + e + "); give it a public"
          + " constructor without arguments", e);
    } catch (ParityException e) {
      throw fail(e.getMessage(), e);
    }
  }

  /**
   * The folder the spec's relative paths start from: {@link ParityStack#projectFolder()} relative
   * to the working directory when given, else the folder of the spec's source file.
   */
  Path folder() {
    if (!annotation.projectFolder().isEmpty()) {
      return Path.of(annotation.projectFolder()).toAbsolutePath().normalize();
    }
    try {
      return SpecFolder.of(annotation.spec(), Path.of(""));
    } catch (ParityException e) {
      throw fail(e.getMessage() + "; run the test from the module's folder (Maven's Surefire and Failsafe do), or"
          + " set @ParityStack(projectFolder = \"...\") to that folder, relative to the working directory", e);
    }
  }

  /** Checks the spec's files and the test class's service names; returns the stack when all is well. */
  Stack check(Stack stack, Path folder) {
    List<String> problems = new ArrayList<>();
    (annotation.withApps() ? SpecFiles.checkForBuild(stack, folder) : SpecFiles.check(stack, folder)).stream()
        .map(Problem::toString).forEach(problems::add);
    dev.parity.contract.AppContracts.check(stack, folder).stream().map(Problem::toString).forEach(problems::add);
    for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        checkNames(stack, field, "field " + type.getSimpleName() + "." + field.getName(), problems);
      }
      List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
      executables.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable executable : executables) {
        Parameter[] parameters = executable.getParameters();
        for (int i = 0; i < parameters.length; i++) {
          checkNames(stack, parameters[i], "parameter " + (i + 1) + " of " + type.getSimpleName() + "."
              + (executable instanceof java.lang.reflect.Constructor ? "<init>" : executable.getName()) + "(...)",
              problems);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw fail("stack '" + stack.name() + "' of " + annotation.spec().getSimpleName() + " was not started ("
          + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", spec folder " + folder + "):\n"
          + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")), null);
    }
    return stack;
  }

  private static void checkNames(Stack stack, AnnotatedElement element, String where, List<String> problems) {
    JdbcUrl jdbc = element.getAnnotation(JdbcUrl.class);
    if (jdbc != null) {
      checkName(stack, "@JdbcUrl(\"" + jdbc.value() + "\") on " + where, jdbc.value(),
          s -> s instanceof Postgres || s instanceof MySql, "PostgreSQL or MySQL/MariaDB database", problems);
    }
    RedisUri redis = element.getAnnotation(RedisUri.class);
    if (redis != null) {
      checkName(stack, "@RedisUri(\"" + redis.value() + "\") on " + where, redis.value(), Redis.class::isInstance,
          "Redis service", problems);
    }
  }

  private static void checkName(Stack stack, String element, String name, Predicate<Service> kind, String what,
      List<String> problems) {
    List<String> candidates = stack.services().stream().filter(kind).map(Service::name).toList();
    boolean exists = stack.service(name).isPresent();
    if (exists && candidates.contains(name)) {
      return;
    }
    String fix = candidates.isEmpty() ? "the stack declares no " + what + "; remove the annotation"
        : "name one of " + String.join(", ", candidates);
    problems.add(element + ": " + (exists ? "service '" + name + "' is not a " + what
        : "stack '" + stack.name() + "' has no service '" + name + "'") + "; fix: " + fix);
  }

  private ExtensionConfigurationException fail(String message, Throwable cause) {
    return new ExtensionConfigurationException("@ParityStack on " + testClass.getName() + ": " + message, cause);
  }
}
