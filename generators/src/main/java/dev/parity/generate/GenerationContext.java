package dev.parity.generate;

import dev.parity.core.AppContract;
import dev.parity.core.ImageLock;
import dev.parity.core.Releases;
import dev.parity.core.Stack;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every generator needs besides the stack: where the spec came from (for the header every
 * file carries), where the deploy tree sits relative to the spec's folder (for paths to app
 * sources and migrations), the templates, and the pins: the image lock (third-party images by
 * digest) and the releases (each app's digest per remote environment).
 */
public final class GenerationContext {

  private final Stack stack;
  private final String specName;
  private final String specFolderFromTree;
  private final String treeFromSpecFolder;
  private final Templates templates;
  private final ImageLock lock;
  private final Releases releases;
  private Map<String, AppContract> contracts = Map.of();
  private MavenWrapper maven;

  /**
   * @param stack the validated stack
   * @param specName how headers name the spec, for example {@code NodePostgresRedis.java}
   * @param specFolderFromTree the spec's folder relative to the deploy tree's root, with {@code /}
   *     and without a trailing slash, for example {@code ..}
   * @param treeFromSpecFolder the deploy tree's root relative to the spec's folder, for example
   *     {@code deploy}
   * @param templates where templates are read from
   */
  public GenerationContext(Stack stack, String specName, String specFolderFromTree, String treeFromSpecFolder,
      Templates templates) {
    this(stack, specName, specFolderFromTree, treeFromSpecFolder, templates, ImageLock.empty(), Releases.none());
  }

  private GenerationContext(Stack stack, String specName, String specFolderFromTree, String treeFromSpecFolder,
      Templates templates, ImageLock lock, Releases releases) {
    this.lock = Objects.requireNonNull(lock, "lock");
    this.releases = Objects.requireNonNull(releases, "releases");
    this.stack = Objects.requireNonNull(stack, "stack");
    this.specName = Objects.requireNonNull(specName, "specName");
    this.specFolderFromTree = Objects.requireNonNull(specFolderFromTree, "specFolderFromTree");
    this.treeFromSpecFolder = Objects.requireNonNull(treeFromSpecFolder, "treeFromSpecFolder");
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  public Stack stack() {
    return stack;
  }

  public String specName() {
    return specName;
  }

  public Templates templates() {
    return templates;
  }

  /** A copy that renders third-party images with the digests of {@code imageLock}. */
  public GenerationContext withLock(ImageLock imageLock) {
    GenerationContext c = new GenerationContext(stack, specName, specFolderFromTree, treeFromSpecFolder, templates,
        imageLock, releases);
    c.contracts = contracts;
    c.maven = maven;
    return c;
  }

  /** A copy that renders each app's image in each remote environment from {@code appReleases}. */
  public GenerationContext withReleases(Releases appReleases) {
    GenerationContext c = new GenerationContext(stack, specName, specFolderFromTree, treeFromSpecFolder, templates,
        lock, appReleases);
    c.contracts = contracts;
    c.maven = maven;
    return c;
  }

  /**
   * A copy whose {@code ENVIRONMENTS.md} marks which contract property each app's values satisfy
   * ({@code contracts} by app name, as {@code dev.parity.contract.AppContracts} reads them).
   */
  public GenerationContext withContracts(Map<String, AppContract> appContracts) {
    GenerationContext c = new GenerationContext(stack, specName, specFolderFromTree, treeFromSpecFolder, templates,
        lock, releases);
    c.contracts = Map.copyOf(appContracts);
    c.maven = maven;
    return c;
  }

  /**
   * A copy for a spec in a Maven project that uses the Parity Maven plugin: the generated workflow runs
   * {@code parity} through the project's own wrapper and the plugin instead of downloading the CLI.
   */
  public GenerationContext withMaven(MavenWrapper wrapper) {
    GenerationContext c = withContracts(contracts);
    c.maven = Objects.requireNonNull(wrapper, "wrapper");
    return c;
  }

  /** The spec's Maven project, when it is in one that uses the Parity Maven plugin. */
  public Optional<MavenWrapper> maven() {
    return Optional.ofNullable(maven);
  }

  /** The apps' config contracts as read, by app name; empty when none was handed in. */
  public Map<String, AppContract> contracts() {
    return contracts;
  }

  /** The image lock; empty when the spec has none. */
  public ImageLock lock() {
    return lock;
  }

  /**
   * A third-party image reference as generated files write it: {@code image:tag@sha256:…} when the
   * lock has it, else as declared.
   */
  public String pinned(String reference) {
    return lock.pin(reference);
  }

  public Releases releases() {
    return releases;
  }

  /**
   * The image {@code app} runs in the remote environment {@code environment}, {@code
   * repository@sha256:…}, as its release file records it; empty before the app's first release
   * there. Every generated file of a remote environment takes the app's image from here.
   */
  public Optional<String> releasedImage(String app, String environment) {
    return releases.image(environment, app);
  }

  /**
   * The path from the file {@code fromTreePath} (a path inside the tree) to {@code specRelative}
   * (a path relative to the spec's folder, such as an app's source folder), for files that
   * reference sources: compose's build context, Flyway's migrations location.
   */
  public String pathFrom(String fromTreePath, String specRelative) {
    StringBuilder up = new StringBuilder();
    int depth = fromTreePath.split("/").length - 1;
    for (int i = 0; i < depth; i++) {
      up.append("../");
    }
    String target = normalize(up + specFolderFromTree + "/" + specRelative);
    return target.isEmpty() ? "." : target;
  }

  /**
   * The path from {@code specRelativeFolder} (a folder relative to the spec's folder, such as an
   * app's build context) to {@code treePath} (a file inside the tree), for example compose's
   * {@code dockerfile}, which Docker resolves from the build context.
   */
  public String pathFromSpecFolder(String specRelativeFolder, String treePath) {
    String normalizedFolder = normalize(specRelativeFolder);
    StringBuilder up = new StringBuilder();
    if (!normalizedFolder.isEmpty()) {
      for (int i = 0; i < normalizedFolder.split("/").length; i++) {
        up.append("../");
      }
    }
    return normalize(up + treeFromSpecFolder + "/" + treePath);
  }

  /** The deploy tree's root relative to the spec's folder, for example {@code deploy}. */
  public String treeFromSpecFolder() {
    return treeFromSpecFolder.isEmpty() ? "." : treeFromSpecFolder;
  }

  private static String normalize(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** The header every generated file starts with, in the comment style of its format. */
  public String header(CommentStyle style) {
    return style.comment("Generated by Parity from " + specName + " (stack '" + stack.name() + "').\n"
        + "Do not edit: change the spec and run `parity generate`; `parity check` detects hand edits.");
  }
}
