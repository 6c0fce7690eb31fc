package dev.parity.generate;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The complete set of files one stack renders to, held in memory: nothing touches the disk until
 * {@link TreeWriter} writes it, so a failing generator leaves the previous tree as it was.
 *
 * <pre>{@code
 * DeployTree tree = DeployTree.render(new GenerationContext(stack, "ShopSpec.java", "..", "deploy", Templates.builtIn()));
 * TreeWriter.write(Path.of("deploy"), tree);
 * }</pre>
 */
public final class DeployTree {

  /** The file, at the tree's root, that records every generated file and its hash. */
  public static final String MANIFEST = ".parity-manifest.json";

  private final Map<String, GeneratedFile> files;

  private DeployTree(Map<String, GeneratedFile> files) {
    this.files = files;
  }

  /**
   * Runs Parity's generators, then any found through {@link ServiceLoader}, and adds the
   * manifest.
   *
   * @throws ParityException when two generators claim the same path or a template fails
   */
  public static DeployTree render(GenerationContext context) {
    List<Generator> generators = new ArrayList<>(BuiltInGenerators.all());
    ServiceLoader.load(Generator.class).stream().map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(Generator::name)).forEach(generators::add);
    return render(context, generators);
  }

  /**
   * Runs exactly {@code generators}, and adds the manifest. Generators run concurrently when the
   * stack is large enough for that to pay ({@link #PARALLEL_FROM} services times environments) and
   * the machine has more than one core; the tree is the same either way.
   */
  public static DeployTree render(GenerationContext context, List<Generator> generators) {
    List<List<GeneratedFile>> outputs = parallel(context) ? concurrently(context, generators)
        : generators.stream().map(g -> g.generate(context)).toList();
    Map<String, GeneratedFile> byPath = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    for (int i = 0; i < generators.size(); i++) {
      Generator generator = generators.get(i);
      for (GeneratedFile file : outputs.get(i)) {
        String previous = owner.putIfAbsent(file.path(), generator.name());
        if (previous != null || file.path().equals(MANIFEST)) {
          throw new ParityException(ErrorCode.TEMPLATE, "generators '" + (previous == null ? "parity" : previous)
              + "' and '" + generator.name() + "' both write '" + file.path() + "'; remove one of them");
        }
        byPath.put(file.path(), file);
      }
    }
    Map<String, GeneratedFile> sorted = new LinkedHashMap<>();
    byPath.keySet().stream().sorted().forEach(p -> sorted.put(p, byPath.get(p)));
    sorted.put(MANIFEST, Manifest.of(context, sorted.values()).toFile());
    return new DeployTree(java.util.Collections.unmodifiableMap(sorted));
  }

  /**
   * Services times environments from which generators run in parallel: below it, handing work to
   * other threads costs more than it saves (the node example, 3 services x 3 environments, renders
   * in a few milliseconds once warm).
   */
  static final int PARALLEL_FROM = 200;

  private static boolean parallel(GenerationContext context) {
    return Runtime.getRuntime().availableProcessors() > 1
        && context.stack().services().size() * context.stack().environments().size() >= PARALLEL_FROM;
  }

  private static List<List<GeneratedFile>> concurrently(GenerationContext context, List<Generator> generators) {
    List<CompletableFuture<List<GeneratedFile>>> futures = generators.stream()
        .map(g -> CompletableFuture.supplyAsync(() -> g.generate(context))).toList();
    List<List<GeneratedFile>> outputs = new ArrayList<>();
    for (CompletableFuture<List<GeneratedFile>> future : futures) {
      try {
        outputs.add(future.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime; // the generator's own exception, as a sequential run would throw it
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
    return outputs;
  }

  /** Every file, sorted by path, the manifest last. */
  public List<GeneratedFile> files() {
    return List.copyOf(files.values());
  }

  public Optional<GeneratedFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
