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

  /** Runs exactly {@code generators}, and adds the manifest. */
  public static DeployTree render(GenerationContext context, List<Generator> generators) {
    Map<String, GeneratedFile> byPath = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    for (Generator generator : generators) {
      for (GeneratedFile file : generator.generate(context)) {
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

  /** Every file, sorted by path, the manifest last. */
  public List<GeneratedFile> files() {
    return List.copyOf(files.values());
  }

  public Optional<GeneratedFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
