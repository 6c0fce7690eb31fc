package dev.parity.adopt;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles one Java source in memory (javax.tools) and loads the class, against the test class path. */
final class InMemoryJava {

  private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

  private InMemoryJava() {
  }

  /** The compiled class {@code name}; an AssertionError with the diagnostics when it does not compile. */
  static Class<?> compile(String name, String source) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    JavaFileManager files = new ForwardingJavaFileManager<>(COMPILER.getStandardFileManager(diagnostics, Locale.ROOT,
        null)) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
          FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
          }
        };
      }
    };
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none");
    if (!COMPILER.getTask(null, files, diagnostics, options, null, List.of(file)).call()) {
      StringBuilder text = new StringBuilder("does not compile:\n");
      diagnostics.getDiagnostics().forEach(d -> text.append("line ").append(d.getLineNumber()).append(": ")
          .append(d.getMessage(Locale.ROOT)).append('\n'));
      throw new AssertionError(text + "\n" + source);
    }
    ClassLoader loader = new ClassLoader(InMemoryJava.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String className) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(className);
        if (bytes == null) {
          throw new ClassNotFoundException(className);
        }
        byte[] b = bytes.toByteArray();
        return defineClass(className, b, 0, b.length);
      }
    };
    try {
      return loader.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
