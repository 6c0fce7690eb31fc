package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.ParitySpec;
import dev.parity.core.Stack;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Turns {@code --spec} into a {@link Stack}: a single {@code .java} file is compiled on the fly
 * against Parity (and {@code --classpath}); anything else is taken as the name of a compiled
 * {@link ParitySpec} class found on {@code --classpath}.
 */
public final class SpecLoader {

  private SpecLoader() {
  }

  /**
   * Loads and validates the spec.
   *
   * @param spec a {@code .java} file, or a class name
   * @param classpath extra class path entries (may be empty)
   * @param projectFolder the folder relative paths start from when {@code spec} is a class name
   * @throws dev.parity.core.ParityException when the spec cannot be found, compiled or created, or
   *     is invalid
   */
  public static LoadedSpec load(String spec, List<Path> classpath, Path projectFolder) {
    if (spec.endsWith(".java")) {
      Path file = Path.of(spec).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec file '" + spec
            + "' does not exist; pass the path of your spec's .java file to --spec");
      }
      Path classes = compile(file, classpath);
      try {
        String className = file.getFileName().toString().replaceFirst("\\.java$", "");
        Stack stack = evaluate(findSpecClass(classes, className, classpath, spec));
        return new LoadedSpec(stack, file.getParent(), file.getFileName().toString());
      } finally {
        deleteRecursively(classes);
      }
    }
    if (!spec.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*")) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "--spec '" + spec
          + "' is neither a .java file nor a class name; pass MySpec.java, or com.acme.MySpec with --classpath");
    }
    Class<?> type;
    try {
      type = Class.forName(spec, true, classLoader(classpath));
    } catch (ClassNotFoundException e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + spec + "' is not on the class path"
          + (classpath.isEmpty() ? "; pass the folder or jar that holds it with --classpath" : " " + classpath), e);
    }
    String name = spec.substring(spec.lastIndexOf('.') + 1);
    return new LoadedSpec(evaluate(type), projectFolder.toAbsolutePath().normalize(), name);
  }

  private static Path compile(Path file, List<Path> classpath) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "compiling '" + file.getFileName()
          + "' needs a JDK, but this Java (" + System.getProperty("java.home") + ") is a JRE; run Parity with a JDK 17+"
          + " or pass a compiled spec class with --classpath");
    }
    Path out;
    try {
      out = Files.createTempDirectory("parity-spec-");
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "cannot create a folder to compile the spec in: " + e.getMessage(), e);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String path = Stream.concat(Stream.of(System.getProperty("java.class.path")), classpath.stream().map(Path::toString))
        .filter(s -> !s.isEmpty()).collect(Collectors.joining(File.pathSeparator));
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("-classpath", path, "-d", out.toString(), "--release", "17",
          "-proc:none", "-encoding", "UTF-8", "-Xlint:none", "-nowarn");
      boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
      if (!ok) {
        deleteRecursively(out);
        String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> "  " + file.getFileName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n"));
        throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + file.getFileName()
            + "' does not compile; fix these errors:\n" + errors);
      }
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "compiling the spec failed: " + e.getMessage(), e);
    }
    return out;
  }

  private static Class<?> findSpecClass(Path classes, String simpleName, List<Path> classpath, String spec) {
    List<Path> entries = new ArrayList<>(classpath);
    entries.add(0, classes);
    ClassLoader loader = classLoader(entries);
    try (Stream<Path> walk = Files.walk(classes)) {
      List<String> candidates = walk.filter(p -> p.getFileName().toString().equals(simpleName + ".class"))
          .map(p -> classes.relativize(p).toString().replace(File.separatorChar, '.').replaceFirst("\\.class$", ""))
          .toList();
      for (String candidate : candidates) {
        Class<?> type = Class.forName(candidate, true, loader);
        if (ParitySpec.class.isAssignableFrom(type)) {
          return type;
        }
      }
    } catch (IOException | ClassNotFoundException | LinkageError e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + spec + "' cannot be loaded: " + e, e);
    }
    throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + spec + "' declares no class " + simpleName
        + " implementing dev.parity.core.ParitySpec; declare `public final class " + simpleName
        + " implements ParitySpec`");
  }

  private static Stack evaluate(Class<?> type) {
    if (!ParitySpec.class.isAssignableFrom(type)) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "class '" + type.getName()
          + "' does not implement dev.parity.core.ParitySpec; add `implements ParitySpec`");
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + type.getName() + "' is abstract");
    }
    ParitySpec spec;
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      spec = (ParitySpec) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + type.getName()
          + "' has no constructor without arguments; add one");
    } catch (InvocationTargetException e) {
      throw rethrow(type, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + type.getName() + "' cannot be created: " + e, e);
    }
    Stack stack;
    try {
      stack = spec.stack();
    } catch (RuntimeException e) {
      throw rethrow(type, e);
    }
    if (stack == null) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + type.getName() + "' returned no stack from stack()");
    }
    return stack;
  }

  private static ParityException rethrow(Class<?> type, Throwable cause) {
    if (cause instanceof ParityException parity) {
      return parity;
    }
    return new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + type.getName() + "' failed: " + cause, cause);
  }

  private static ClassLoader classLoader(List<Path> entries) {
    URL[] urls = new URL[entries.size()];
    try {
      for (int i = 0; i < urls.length; i++) {
        urls[i] = entries.get(i).toUri().toURL();
      }
    } catch (MalformedURLException e) {
      throw new ParityException(ErrorCode.USAGE, "invalid --classpath entry: " + e.getMessage(), e);
    }
    return new URLClassLoader(urls, SpecLoader.class.getClassLoader());
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
