package dev.parity.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/**
 * The two example specs (examples/node-postgres-redis and examples/java-service), compiled from
 * their own files against core, so that core's tests check exactly what the examples show.
 */
final class ExampleSpecs {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  private ExampleSpecs() {
  }

  static Stack nodePostgresRedis() {
    return load("node-postgres-redis", "NodePostgresRedis");
  }

  static Stack javaService() {
    return load("java-service", "JavaService");
  }

  private static Stack load(String folder, String className) {
    try {
      Path classes = Files.createTempDirectory("example-spec");
      Path source = EXAMPLES.resolve(folder).resolve(className + ".java");
      int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path"), source.toString());
      if (exit != 0) {
        throw new AssertionError(source + " does not compile");
      }
      try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
          ExampleSpecs.class.getClassLoader())) {
        return ((ParitySpec) loader.loadClass(className).getDeclaredConstructor().newInstance()).stack();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot create " + className, e);
    }
  }
}
