package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the documentation compiles exactly as printed, imports included, so that
 * a reader can paste it. Snippets that declare classes are compiled together (the JUnit example of
 * the local-stack guide names the DSL guide's {@code ShopSpec}), and a spec among them is
 * evaluated; any other snippet is a list of statements, compiled and run in a method, so that a
 * stack it builds is also validated.
 */
class DocSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern IMPORT = Pattern.compile("(?m)^import [^;]+;\\s*$");

  @TempDir
  static Path temp;

  private static Path typeClasses;

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompilesWithItsOwnImports() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> typeSources = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher block = JAVA_BLOCK.matcher(Files.readString(doc));
      while (block.find()) {
        String body = IMPORT.matcher(block.group(1)).replaceAll("").strip();
        if (declaresType(body)) {
          Matcher type = Pattern.compile("(?:class|interface|record|enum) (\\w+)").matcher(body);
          assertThat(type.find()).isTrue();
          Path source = Files.createDirectories(temp.resolve("types")).resolve(type.group(1) + ".java");
          Files.writeString(source, block.group(1));
          typeSources.add(source);
        }
      }
    }
    typeClasses = Files.createDirectories(temp.resolve("types-classes"));
    String typeFailure = typeSources.isEmpty() ? null : compile(typeSources, List.of());
    for (Path doc : documents()) {
      Matcher block = JAVA_BLOCK.matcher(Files.readString(doc));
      int index = 0;
      while (block.find()) {
        String snippet = block.group(1);
        String name = Examples.ROOT.getParent().relativize(doc) + " snippet " + (++index);
        tests.add(DynamicTest.dynamicTest(name, () -> {
          if (declaresType(IMPORT.matcher(snippet).replaceAll("").strip())) {
            assertThat(typeFailure).as(name).isNull();
            assertThat(IMPORT.matcher(snippet).find()).as(name + " shows its imports").isTrue();
            runSpecs(name, snippet);
          } else {
            compileAndRun(name, snippet);
          }
        }));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests.stream();
  }

  @Test
  void aSnippetWithoutItsImportsFails() throws IOException {
    typeClasses = Files.createDirectories(temp.resolve("types-classes"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> compileAndRun("broken", "import java.util.List;\n\nStack s = Stack.named(\"x\").build();\n"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("cannot find symbol");
  }

  private static List<Path> documents() throws IOException {
    Path root = Examples.ROOT.getParent();
    List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> files = Stream.concat(Files.list(root.resolve("docs")), Files.walk(root.resolve("examples"), 3))) {
      files.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")
          && !p.toString().contains("/deploy/")).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static boolean declaresType(String body) {
    return Pattern.compile("(?m)^(@\\w+.*\\n)*(public |final |abstract )*(class|interface|record|enum) ").matcher(body).find();
  }

  /** Evaluates the spec a class snippet declares, so that it also validates. */
  private static void runSpecs(String name, String snippet) throws Exception {
    Matcher type = Pattern.compile("class (\\w+) implements ParitySpec").matcher(snippet);
    if (!type.find()) {
      return;
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {typeClasses.toUri().toURL()},
        DocSnippetsTest.class.getClassLoader())) {
      ((dev.parity.core.ParitySpec) loader.loadClass(type.group(1)).getDeclaredConstructor().newInstance()).stack();
    }
  }

  private static void compileAndRun(String name, String snippet) throws Exception {
    String imports = String.join("\n", IMPORT.matcher(snippet).results().map(r -> r.group().strip()).toList());
    String body = IMPORT.matcher(snippet).replaceAll("").strip();
    assertThat(imports).as(name + " shows its imports").isNotEmpty();
    Path folder = Files.createDirectories(temp.resolve(name.replaceAll("[^A-Za-z0-9]", "_")));
    Path source = folder.resolve("Snippet.java");
    Files.writeString(source, imports + "\n\npublic final class Snippet {\n  public static void run() throws Exception {\n"
        + body + "\n  }\n}\n");
    Path classes = Files.createDirectories(folder.resolve("classes"));
    String failure = compile(List.of(source), List.of(classes));
    if (failure != null) {
      throw new AssertionError(name + " does not compile:\n" + failure);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        DocSnippetsTest.class.getClassLoader())) {
      loader.loadClass("Snippet").getMethod("run").invoke(null);
    } catch (InvocationTargetException e) {
      throw new AssertionError(name + " throws when run: " + e.getCause(), e.getCause());
    }
  }

  /** Compiles {@code sources} into the last of {@code into} (or the shared type classes); the diagnostics when it fails. */
  private static String compile(List<Path> sources, List<Path> into) throws IOException {
    Path out = into.isEmpty() ? typeClasses : into.get(0);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + typeClasses;
      List<String> options = List.of("-classpath", classpath, "-d", out.toString(), "--release", "17", "-proc:none");
      boolean ok = compiler.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromFiles(sources.stream().map(Path::toFile).toList())).call();
      if (ok) {
        return null;
      }
      StringBuilder text = new StringBuilder();
      diagnostics.getDiagnostics().forEach(d -> text.append(d.getSource() == null ? "" : d.getSource().getName())
          .append(" line ").append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n'));
      return text.toString();
    }
  }
}
