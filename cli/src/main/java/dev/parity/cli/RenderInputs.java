package dev.parity.cli;

import dev.parity.contract.AppContracts;
import dev.parity.core.AppContract;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageLock;
import dev.parity.core.ParityException;
import dev.parity.core.Releases;
import dev.parity.core.Stack;
import dev.parity.generate.DeployTree;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import dev.parity.generate.MavenWrapper;
import dev.parity.generate.Templates;
import dev.parity.pins.ReleaseFiles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Everything a rendering of the deploy tree reads, gathered once: the evaluated stack, the spec's
 * name, where the tree and the spec's folder are relative to each other, the image lock, the
 * releases and the templates. {@link #render()} renders from exactly these; {@link #fingerprint()}
 * is their SHA-256 together with Parity's identity, so that two runs with equal fingerprints render
 * equal trees ({@link TreeRecords} relies on it to skip rendering).
 */
final class RenderInputs {

  private static final int FORMAT = 1;

  private final LoadedSpec loaded;
  private final Path tree;
  private final String specFolderFromTree;
  private final String treeFromSpecFolder;
  private final ImageLock lock;
  private final Releases releases;
  private final Map<String, AppContract> contracts;
  private final Optional<MavenWrapper> maven;
  private final Path templates;
  private final List<Path> classpath;

  private RenderInputs(LoadedSpec loaded, Path tree, Path templates, List<Path> classpath) {
    this.loaded = loaded;
    this.tree = tree;
    Path folder = loaded.folder();
    this.specFolderFromTree = slashes(tree.relativize(folder));
    this.treeFromSpecFolder = slashes(folder.relativize(tree));
    this.lock = SpecOptions.lock(loaded).orElse(ImageLock.empty());
    this.releases = ReleaseFiles.read(tree, loaded.stack());
    // validated before rendering (SpecOptions.loadWithFiles): a contract that cannot be read is a problem there
    this.contracts = AppContracts.read(loaded.stack(), folder, new java.util.ArrayList<>());
    this.maven = MavenProjects.of(folder);
    this.templates = templates;
    this.classpath = classpath;
  }

  /**
   * The inputs of rendering {@code loaded} into {@code out}, with the lock and the release files read.
   *
   * @param templates the {@code --templates} folder, or null for Parity's own templates
   * @param classpath the spec's {@code --classpath} entries
   * @throws ParityException exit code 2 when {@code out} holds the spec's own folder, or a lock or
   *     release file is malformed
   */
  static RenderInputs of(LoadedSpec loaded, Path out, Path templates, List<Path> classpath) {
    Path tree = out.toAbsolutePath().normalize();
    Path folder = loaded.folder();
    if (tree.equals(folder) || folder.startsWith(tree)) {
      throw new ParityException(ErrorCode.USAGE, "--out '" + out + "' holds the spec's own folder; pass a folder"
          + " of its own for the generated tree, such as " + folder.resolve("deploy"));
    }
    return new RenderInputs(loaded, tree, templates, classpath);
  }

  /**
   * The apps' contracts as ENVIRONMENTS.md shows them, for the fingerprint: a property added,
   * removed, retyped or given another default in the app's build changes the tree's record.
   */
  private String contractText() {
    StringBuilder s = new StringBuilder();
    new java.util.TreeMap<>(contracts).forEach((app, contract) -> {
      s.append(app).append(' ').append(contract.kind()).append(' ').append(contract.source()).append('\n');
      contract.properties().forEach(p -> s.append(p).append('\n'));
    });
    return s.toString();
  }

  /** The tree's root, absolute and normalised. */
  Path tree() {
    return tree;
  }

  /** The deploy tree these inputs render to. */
  DeployTree render() {
    Templates source = templates == null ? Templates.builtIn() : Templates.withOverrides(templates);
    GenerationContext context = new GenerationContext(loaded.stack(), loaded.name(), specFolderFromTree,
        treeFromSpecFolder, source).withLock(lock).withReleases(releases).withContracts(contracts);
    return DeployTree.render(maven.map(context::withMaven).orElse(context));
  }

  /**
   * What a rendering from these inputs depends on, or why that cannot be told without rendering.
   *
   * @param digest the SHA-256 in hex, or null when there is none
   * @param missing why there is none, or null
   */
  record Fingerprint(String digest, String missing) {
    boolean available() {
      return digest != null;
    }
  }

  /**
   * The SHA-256 of Parity's identity (its version, the Java version, and path, size and
   * modification time of every class path entry: the JVM's, {@code --classpath}'s and the jars or
   * folders Parity's own classes come from, templates included), of the JVM's defaults a renderer
   * could read (operating system, locale, charset, line separator), and of every input by value
   * ({@link ModelDigest}). None with {@code --templates} (a folder of files Parity does not
   * fingerprint), with a generator of a plug-in on the class path (it may read anything), or when
   * the stack holds a value {@link ModelDigest} cannot read.
   */
  Fingerprint fingerprint() {
    if (templates != null) {
      return new Fingerprint(null, "--templates is in use");
    }
    Optional<String> plugin = ServiceLoader.load(Generator.class).stream().map(p -> p.type().getName()).findFirst();
    if (plugin.isPresent()) {
      return new Fingerprint(null, "a generator of a plug-in is on the class path (" + plugin.get() + ")");
    }
    MessageDigest sha = SpecCache.sha256();
    // system properties rather than Runtime.version() (which parses with a regex: 10 ms) and no
    // time zone (reading it costs 3-5 ms; no generator reads the clock, FreeMarker's is UTC)
    text(sha, "parity-render-inputs " + FORMAT + "\n" + ParityCli.version() + "\n"
        + System.getProperty("java.runtime.version") + "\n" + System.getProperty("java.vm.version") + "\n"
        + System.getProperty("java.home") + "\n" + System.getProperty("os.name") + "\n"
        + java.util.Locale.getDefault().toLanguageTag() + "\n" + java.nio.charset.Charset.defaultCharset() + "\n"
        + System.lineSeparator() + "\n");
    Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path", "")));
    classpath.forEach(entry -> entries.add(entry.toString()));
    for (Class<?> own : List.of(RenderInputs.class, DeployTree.class, Stack.class)) {
      CodeSource source = own.getProtectionDomain().getCodeSource();
      if (source == null || !"file".equals(source.getLocation().getProtocol())) {
        return new Fingerprint(null, "Parity's classes do not come from a file (" + own.getName() + ")");
      }
      entries.add(Path.of(java.net.URI.create(source.getLocation().toString())).toString());
    }
    entries.forEach(entry -> SpecCache.classPath(sha, entry));
    text(sha, "\n" + loaded.name() + "\n" + specFolderFromTree + "\n" + treeFromSpecFolder + "\n");
    try {
      sha.update(ModelDigest.of(loaded.stack(), "stack"));
      sha.update(ModelDigest.of(lock, "lock"));
      sha.update(ModelDigest.of(releases, "releases"));
      text(sha, "\ncontracts\n" + contractText());
      text(sha, "\nmaven\n" + maven.map(m -> m.wrapper() + "\n" + m.pom()).orElse("none") + "\n");
    } catch (ModelDigest.Unavailable e) {
      return new Fingerprint(null, "the inputs hold a value Parity cannot fingerprint: " + e.getMessage());
    }
    return new Fingerprint(HexFormat.of().formatHex(sha.digest()), null);
  }

  private static void text(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String slashes(Path path) {
    String text = String.join("/", Arrays.stream(path.toString().split(java.util.regex.Pattern.quote(File.separator)))
        .toList());
    return text.isEmpty() ? "." : text;
  }
}
