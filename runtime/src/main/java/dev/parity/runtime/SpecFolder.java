package dev.parity.runtime;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The folder a spec's relative paths (app sources, migrations, bind mounts, Dockerfiles) start
 * from: the folder that holds the spec's source file, for the CLI ({@code --spec Shop.java}), the
 * JUnit extension and the Maven plugin alike. For a compiled spec class the source file is looked
 * for in the build's source roots under the project's base folder (Maven's, which Surefire and
 * Failsafe also make the working directory):
 *
 * <pre>{@code
 * Path folder = SpecFolder.of(ShopSpec.class, Path.of(""));   // .../src/test/java/com/acme
 * }</pre>
 */
public final class SpecFolder {

  /** The source roots looked in, in order: Maven's test and main roots, then common integration-test roots. */
  public static final List<String> SOURCE_ROOTS = List.of("src/test/java", "src/main/java", "src/it/java",
      "src/integration-test/java");

  private SpecFolder() {
  }

  /**
   * The folder of {@code specClass}'s source file ({@code <root>/<package path>/<TopLevelClass>.java}),
   * found under the first source root of {@link #SOURCE_ROOTS} below {@code baseFolder} that has it.
   *
   * @throws ParityException {@link ErrorCode#USAGE} naming the class and every path tried, when no
   *     root has the file (a spec from a jar, or a build with other source roots)
   */
  public static Path of(Class<?> specClass, Path baseFolder) {
    Class<?> top = specClass;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String file = top.getName().replace('.', '/') + ".java";
    Path base = baseFolder.toAbsolutePath().normalize();
    for (String root : SOURCE_ROOTS) {
      Path source = base.resolve(root).resolve(file);
      if (Files.isRegularFile(source)) {
        return source.getParent();
      }
    }
    throw new ParityException(ErrorCode.USAGE, "the source file of spec " + specClass.getName()
        + " is not in a source root under " + base + " (looked for "
        + SOURCE_ROOTS.stream().map(r -> r + "/" + file)
            .collect(Collectors.joining(", "))
        + "), and its relative paths start from that file's folder");
  }
}
