package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.ParitySpec;
import dev.parity.core.Stack;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns {@code --spec} into a {@link Stack}: a single {@code .java} file is compiled against Parity
 * (and {@code --classpath}), or taken from the {@link SpecCache} when nothing it was compiled from
 * changed; anything else is taken as the name of a compiled {@link ParitySpec} class found on
 * {@code --classpath}. The spec runs under {@link SpecEvaluation}'s guard.
 */
public final class SpecLoader {

  private SpecLoader() {
  }

  /** {@link #load(String, List, Path, Duration)} with the default time limit for {@code stack()}. */
  public static LoadedSpec load(String spec, List<Path> classpath, Path projectFolder) {
    return load(spec, classpath, projectFolder, SpecEvaluation.DEFAULT_TIMEOUT);
  }

  /**
   * Loads and validates the spec.
   *
   * @param spec a {@code .java} file, or a class name
   * @param classpath extra class path entries (may be empty)
   * @param projectFolder the folder relative paths start from when {@code spec} is a class name
   * @param timeout how long the spec's {@code stack()} may run
   * @throws dev.parity.core.ParityException when the spec cannot be found, compiled or created, or
   *     is invalid, exits, hangs or throws
   */
  public static LoadedSpec load(String spec, List<Path> classpath, Path projectFolder, Duration timeout) {
    if (spec.endsWith(".java")) {
      Path file = Path.of(spec).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec file '" + spec
            + "' does not exist; pass the path of your spec's .java file to --spec");
      }
      Map<String, byte[]> classes = compiled(file, spec, classpath);
      String className = file.getFileName().toString().replaceFirst("\\.java$", "");
      Stack stack = SpecEvaluation.evaluate(findSpecClass(classes, className, classpath, spec), spec, timeout);
      return new LoadedSpec(stack, file.getParent(), file.getFileName().toString());
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
    } catch (LinkageError e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec class '" + spec + "' cannot be loaded: " + e, e);
    }
    String name = spec.substring(spec.lastIndexOf('.') + 1);
    return new LoadedSpec(SpecEvaluation.evaluate(type, spec, timeout), projectFolder.toAbsolutePath().normalize(), name);
  }

  /** The spec's classes: from the cache when nothing they came from changed, else compiled and cached. */
  private static Map<String, byte[]> compiled(Path file, String given, List<Path> classpath) {
    byte[] source = SpecCompiler.read(file, given);
    String path = Stream.concat(Stream.of(System.getProperty("java.class.path"), parityClasses()),
            classpath.stream().map(Path::toString))
        .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(File.pathSeparator));
    SpecCache cache = new SpecCache(SpecCache.defaultFolder());
    String key = SpecCache.key(file, source, path, ParityCli.version());
    return cache.lookup(file, key).orElseGet(() -> {
      SpecCompiler.Output output = SpecCompiler.compile(file, given, path, new String(source, StandardCharsets.UTF_8));
      cache.store(file, key, output);
      return output.classes();
    });
  }

  /**
   * Where the DSL's classes come from, when it is not the JVM's class path already: inside a Maven plugin
   * (the {@code parity:cli} goal) the class path is Maven's launcher, and the DSL is the plugin's
   * {@code parity-core} jar.
   */
  private static String parityClasses() {
    java.security.CodeSource source = ParitySpec.class.getProtectionDomain().getCodeSource();
    if (source == null || !"file".equals(source.getLocation().getProtocol())) {
      return "";
    }
    String location = Path.of(java.net.URI.create(source.getLocation().toString())).toString();
    return java.util.Arrays.asList(System.getProperty("java.class.path", "").split(File.pathSeparator))
        .contains(location) ? "" : location;
  }

  private static Class<?> findSpecClass(Map<String, byte[]> classes, String simpleName, List<Path> classpath,
      String spec) {
    ClassLoader loader = new InMemoryClassLoader(classes, classLoader(classpath));
    List<String> candidates = classes.keySet().stream()
        .filter(name -> name.equals(simpleName) || name.endsWith("." + simpleName)).toList();
    try {
      for (String candidate : candidates) {
        Class<?> type = Class.forName(candidate, false, loader);
        if (ParitySpec.class.isAssignableFrom(type)) {
          return type;
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + spec + "' cannot be loaded: " + e, e);
    }
    throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + spec + "' declares no class " + simpleName
        + " implementing dev.parity.core.ParitySpec; declare `public final class " + simpleName
        + " implements ParitySpec`");
  }

  private static ClassLoader classLoader(List<Path> entries) {
    if (entries.isEmpty()) {
      return SpecLoader.class.getClassLoader();
    }
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

  /** Defines a compiled spec's classes from memory, before asking its parent. */
  private static final class InMemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    InMemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super("parity-spec", parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type == null && classes.containsKey(name)) {
          type = findClass(name);
        }
        if (type == null) {
          return super.loadClass(name, resolve);
        }
        if (resolve) {
          resolveClass(type);
        }
        return type;
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
