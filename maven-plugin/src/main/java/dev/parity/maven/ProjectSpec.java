package dev.parity.maven;

import dev.parity.cli.LoadedSpec;
import dev.parity.cli.SpecLoader;
import dev.parity.core.ParitySpec;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Finds and loads the spec {@code <spec>} names, with the project's own class path: a class from
 * the project's main or test classes, or a {@code .java} file compiled on the fly. Parity's own
 * classes always come from the plugin (the project's {@code dev.parity} jars are left out), so a
 * spec sees one {@code ParitySpec}, not two.
 *
 * <p>Relative paths in a spec (sources, migrations, jars) start from the folder that holds the
 * spec's source file, as with {@code parity --spec}: for a class, its {@code .java} file is looked up
 * in the project's compile and test source roots.
 */
final class ProjectSpec {

  private static final String PARITY_GROUP = "dev.parity";

  private ProjectSpec() {
  }

  static LoadedSpec load(MavenProject project, String spec) throws MojoFailureException {
    if (spec == null || spec.isBlank()) {
      throw PomErrors.configuration("spec", "is not set; name the spec class, for example"
          + " <spec>com.acme.ShopSpec</spec>, or its .java file, for example <spec>src/main/java/com/acme/ShopSpec.java</spec>");
    }
    List<Path> classpath = classpath(project);
    if (spec.endsWith(".java")) {
      Path file = project.getBasedir().toPath().resolve(spec).normalize();
      if (!Files.isRegularFile(file)) {
        throw PomErrors.configuration("spec", "file '" + spec + "' does not exist in " + project.getBasedir()
            + "; give the spec's .java file relative to the project folder, or its class name");
      }
      List<Path> withParity = new ArrayList<>(classpath);
      withParity.add(0, pluginJar());
      return SpecLoader.load(file.toString(), withParity, file.getParent());
    }
    String resource = spec.replace('.', '/') + ".class";
    try (URLClassLoader probe = new URLClassLoader(urls(classpath), null)) {
      if (probe.findResource(resource) == null) {
        throw PomErrors.configuration("spec", "class '" + spec + "' is not among the project's classes ("
            + project.getBuild().getOutputDirectory() + ", " + project.getBuild().getTestOutputDirectory()
            + "); give the fully qualified name of a class implementing dev.parity.core.ParitySpec, and run the goal"
            + " after the classes are compiled (generate runs in process-classes)");
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("closing a class loader failed", e);
    }
    Path source = source(project, spec).orElseThrow(() -> PomErrors.configuration("spec", "class '" + spec
        + "' has no source file " + sourceName(spec) + " under " + roots(project).stream().map(Path::toString)
            .collect(Collectors.joining(", ")) + "; relative paths in a spec start from the folder of its source"
            + " file, so keep the spec's source in this project, or give its .java file in <spec>"));
    LoadedSpec loaded = SpecLoader.load(spec, classpath, source.getParent());
    return new LoadedSpec(loaded.stack(), loaded.folder(), source.getFileName().toString());
  }

  /** {@code com/acme/ShopSpec.java} for {@code com.acme.ShopSpec} and for its nested {@code com.acme.ShopSpec$Local}. */
  private static String sourceName(String className) {
    String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    return outer.replace('.', '/') + ".java";
  }

  private static Optional<Path> source(MavenProject project, String className) {
    return roots(project).stream().map(root -> root.resolve(sourceName(className))).filter(Files::isRegularFile)
        .findFirst().map(Path::normalize);
  }

  private static List<Path> roots(MavenProject project) {
    List<Path> roots = new ArrayList<>();
    project.getCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
    project.getTestCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
    return roots;
  }

  /** Test classes, main classes and every dependency of the project, except Parity's own jars. */
  private static List<Path> classpath(MavenProject project) {
    Set<File> parity = project.getArtifacts().stream().filter(a -> PARITY_GROUP.equals(a.getGroupId()))
        .map(Artifact::getFile).collect(Collectors.toSet());
    List<Path> entries = new ArrayList<>();
    entries.add(Path.of(project.getBuild().getTestOutputDirectory()));
    entries.add(Path.of(project.getBuild().getOutputDirectory()));
    project.getArtifacts().stream().filter(a -> a.getFile() != null && !parity.contains(a.getFile())
        && a.getArtifactHandler().isAddedToClasspath()).forEach(a -> entries.add(a.getFile().toPath()));
    return entries;
  }

  /** The plugin's own Parity jar, which a {@code .java} spec compiles against. */
  private static Path pluginJar() {
    try {
      return Path.of(ParitySpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the location of Parity's classes is not a path", e);
    }
  }

  private static URL[] urls(List<Path> entries) {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException("class path entry " + entries.get(i) + " is not a URL", e);
      }
    }
    return urls;
  }
}
