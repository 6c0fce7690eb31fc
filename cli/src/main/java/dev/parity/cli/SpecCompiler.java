package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a spec's {@code .java} file in memory with javac, against Parity's class path and
 * {@code --classpath}. Sources beside the spec that it uses (a helper class in the same folder or
 * package tree) are compiled with it through javac's source path; the result names every source
 * compiled, so the cache can tell when one of them changes.
 */
final class SpecCompiler {

  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  private SpecCompiler() {
  }

  /**
   * The compiled classes of a spec, by binary name, and the absolute paths of the sources that
   * javac read besides the spec itself.
   */
  record Output(Map<String, byte[]> classes, List<Path> otherSources) {
  }

  /**
   * Compiles {@code file}.
   *
   * @param file the spec's absolute, normalised path
   * @param given the path as the user gave it to {@code --spec}, for messages
   * @param classPath the full class path to compile against
   * @throws ParityException {@code SPEC_NOT_LOADED} with every error, each at the path as given
   */
  static Output compile(Path file, String given, String classPath, String source) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "compiling '" + given
          + "' needs a JDK, but this Java (" + System.getProperty("java.home") + ") is a JRE; run Parity with a JDK 17+"
          + " or pass a compiled spec class with --classpath");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
    Set<URI> sources = new LinkedHashSet<>();
    try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager files = new InMemoryOutput(standard, classes, sources)) {
      List<String> options = new ArrayList<>(List.of("-classpath", classPath, "--release", "17",
          "-proc:none", "-encoding", "UTF-8", "-Xlint:none", "-nowarn", "-implicit:class"));
      options.add("-sourcepath");
      options.add(sourceRoot(file, source).toString());
      boolean ok = compiler.getTask(null, files, diagnostics, options, null,
          standard.getJavaFileObjects(file.toFile())).call();
      if (!ok) {
        String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> "  " + shown(d.getSource(), file, given) + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n"));
        throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec '" + given
            + "' does not compile; fix these errors:\n" + errors);
      }
    } catch (IOException e) {
      throw new ParityException(ErrorCode.IO, "compiling spec '" + given + "' failed: " + e.getMessage(), e);
    }
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
    List<Path> others = sources.stream().map(Path::of).map(p -> p.toAbsolutePath().normalize())
        .filter(p -> !p.equals(file)).distinct().toList();
    return new Output(bytes, others);
  }

  /**
   * The folder javac looks for the spec's helper sources in: the root of its package tree when the
   * folders match its {@code package} line, otherwise the spec's own folder.
   */
  static Path sourceRoot(Path file, String source) {
    Path folder = file.getParent();
    Matcher matcher = PACKAGE.matcher(source);
    if (!matcher.find()) {
      return folder;
    }
    Path root = folder;
    String[] segments = matcher.group(1).split("\\.");
    for (int i = segments.length - 1; i >= 0; i--) {
      if (root == null || root.getFileName() == null || !root.getFileName().toString().equals(segments[i])) {
        return folder;
      }
      root = root.getParent();
    }
    return root == null ? folder : root;
  }

  /** A source in a message: the spec as given, a helper beside it relative to that. */
  private static String shown(JavaFileObject source, Path file, String given) {
    if (source == null) {
      return given;
    }
    Path path = Path.of(source.toUri()).toAbsolutePath().normalize();
    if (path.equals(file)) {
      return given;
    }
    Path asGiven = Path.of(given).resolveSibling(file.getParent().relativize(path));
    return asGiven.toString().replace(File.separatorChar, '/');
  }

  /** Keeps class files in memory and records the source each one came from. */
  private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes;
    private final Set<URI> sources;

    InMemoryOutput(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> classes, Set<URI> sources) {
      super(files);
      this.classes = classes;
      this.sources = sources;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) throws IOException {
      if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
        return super.getJavaFileForOutput(location, className, kind, sibling);
      }
      if (sibling != null && "file".equals(sibling.toUri().getScheme())) {
        sources.add(sibling.toUri());
      }
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          classes.put(className, out);
          return out;
        }
      };
    }
  }

  /** Reads a source file, or a {@code SPEC_NOT_LOADED} error naming it as given. */
  static byte[] read(Path file, String given) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.SPEC_NOT_LOADED, "spec file '" + given + "' cannot be read: " + e.getMessage(), e);
    }
  }
}
