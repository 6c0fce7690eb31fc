package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
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
 * Every Java snippet of the documentation (README.md, docs/, the examples' READMEs) is a complete
 * compilation unit, imports included, that compiles exactly as printed, so a reader can paste it
 * into a file: nothing is wrapped or added. The snippets are compiled together (the JUnit example
 * of the local-stack guide names the DSL guide's {@code ShopSpec}), and each spec among them is
 * evaluated, so the stack it builds is also validated.
 */
class DocSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern IMPORT = Pattern.compile("(?m)^import [^;]+;\\s*$");
  private static final Pattern TYPE = Pattern.compile(
      "(?m)^(?:@[\\w.]+(?:\\(.*\\))?\\s*\\n)*(?:public |final |abstract )*(?:class|interface|record|enum) (\\w+)");

  @TempDir
  static Path temp;

  /** A snippet: where it is printed, its text, and the file it compiles as (null when it declares no type). */
  private record Snippet(String name, String text, Path source) {
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetIsACompilationUnitThatCompilesAsPrinted() throws IOException {
    List<Snippet> snippets = snippets(Files.createDirectories(temp.resolve("docs")));
    List<Path> sources = snippets.stream().map(Snippet::source).filter(s -> s != null).toList();
    Path classes = Files.createDirectories(temp.resolve("docs-classes"));
    Map<Path, String> errors = compile(sources, classes);
    List<DynamicTest> tests = new ArrayList<>();
    for (Snippet snippet : snippets) {
      tests.add(DynamicTest.dynamicTest(snippet.name(), () -> {
        assertThat(snippet.source()).as("%s is a compilation unit: it declares its class, so that it compiles as"
            + " printed:%n%s", snippet.name(), snippet.text()).isNotNull();
        assertThat(IMPORT.matcher(snippet.text()).find()).as(snippet.name() + " shows its imports").isTrue();
        assertThat(errors.getOrDefault(snippet.source(), "")).as(snippet.name() + " compiles").isEmpty();
        assertThat(errors).as("the snippets compile together").isEmpty();
        evaluateSpec(snippet, classes);
      }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests.stream();
  }

  @Test
  void aSnippetWithoutItsImportsOrItsClassFails() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("broken"));
    Path noImports = folder.resolve("NoImports.java");
    Files.writeString(noImports, "public final class NoImports {\n  Stack s = Stack.named(\"x\").build();\n}\n");
    assertThat(compile(List.of(noImports), Files.createDirectories(folder.resolve("classes"))).get(noImports))
        .contains("cannot find symbol");
    assertThat(typeOf("import dev.parity.core.Stack;\n\nStack s = Stack.named(\"x\").build();\n")).isNull();
  }

  private static List<Snippet> snippets(Path folder) throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher block = JAVA_BLOCK.matcher(Files.readString(doc));
      int index = 0;
      while (block.find()) {
        String text = block.group(1);
        String name = Examples.ROOT.getParent().relativize(doc) + " snippet " + (++index);
        String type = typeOf(text);
        Path source = null;
        if (type != null) {
          source = Files.createDirectories(folder.resolve(name.replaceAll("[^A-Za-z0-9]", "_"))).resolve(type + ".java");
          Files.writeString(source, text);
        }
        snippets.add(new Snippet(name, text, source));
      }
    }
    return snippets;
  }

  /** The first type {@code text} declares at the top level, or null for a list of statements. */
  private static String typeOf(String text) {
    Matcher type = TYPE.matcher(IMPORT.matcher(text).replaceAll(""));
    return type.find() ? type.group(1) : null;
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

  /** Evaluates the spec a snippet declares, so that its stack is also validated. */
  private static void evaluateSpec(Snippet snippet, Path classes) throws Exception {
    Matcher spec = Pattern.compile("class (\\w+) implements ParitySpec").matcher(snippet.text());
    if (!spec.find()) {
      return;
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        DocSnippetsTest.class.getClassLoader())) {
      ((dev.parity.core.ParitySpec) loader.loadClass(spec.group(1)).getDeclaredConstructor().newInstance()).stack();
    }
  }

  /** Compiles {@code sources} together into {@code out}; the errors by source file, empty when all compile. */
  private static Map<Path, String> compile(List<Path> sources, Path out) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
          "--release", "17", "-proc:none");
      compiler.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromFiles(sources.stream().map(Path::toFile).toList())).call();
      Map<Path, String> errors = new LinkedHashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          Path file = d.getSource() == null ? out : Path.of(d.getSource().toUri());
          errors.merge(file, "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT) + "\n", String::concat);
        }
      }
      return errors;
    }
  }
}
