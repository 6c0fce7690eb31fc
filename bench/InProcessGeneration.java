import dev.parity.cli.LoadedSpec;
import dev.parity.cli.SpecLoader;
import dev.parity.generate.DeployTree;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Templates;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * In-process generation time for a spec: the spec is compiled once, then the tree is rendered
 * (in memory, nothing written) many times after a warm-up. Baseline in the same run: evaluating
 * the spec alone (building and validating the Stack). Run with
 * {@code java -cp cli/target/parity-cli.jar bench/InProcessGeneration.java <Spec.java> [iterations]}.
 */
public final class InProcessGeneration {
  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    LoadedSpec loaded = SpecLoader.load(spec.toString(), List.of(), spec.getParent());
    Templates templates = Templates.builtIn();
    GenerationContext context = new GenerationContext(loaded.stack(), loaded.name(), "..", "deploy", templates);
    int files = DeployTree.render(context).files().size();
    for (int i = 0; i < Math.max(5, iterations / 5); i++) {
      DeployTree.render(context);
    }
    long[] render = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      DeployTree.render(context);
      render[i] = System.nanoTime() - start;
    }
    long[] validate = new long[iterations];
    dev.parity.core.ParitySpec instance = (dev.parity.core.ParitySpec) recompile(spec);
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      instance.stack();
      validate[i] = System.nanoTime() - start;
    }
    double renderMs = median(render) / 1e6;
    double validateMs = median(validate) / 1e6;
    System.out.printf("in-process %s: %d files; render median %.2f ms; baseline (build+validate the stack) median %.2f ms;"
        + " ratio render/baseline %.1fx (%d iterations)%n", spec.getFileName(), files, renderMs, validateMs,
        renderMs / validateMs, iterations);
  }

  private static Object recompile(Path spec) throws Exception {
    java.nio.file.Path out = java.nio.file.Files.createTempDirectory("bench-spec");
    javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-classpath",
        System.getProperty("java.class.path"), "-d", out.toString(), spec.toString());
    String name = spec.getFileName().toString().replace(".java", "");
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()},
        InProcessGeneration.class.getClassLoader())) {
      return loader.loadClass(name).getDeclaredConstructor().newInstance();
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
