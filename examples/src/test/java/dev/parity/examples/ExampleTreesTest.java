package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.cli.LoadedSpec;
import dev.parity.cli.ParityCli;
import dev.parity.cli.SpecLoader;
import dev.parity.generate.BuiltInGenerators;
import dev.parity.generate.DeployTree;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import dev.parity.generate.Templates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed example trees are the golden files: each generator's output for each example must
 * equal the committed files, and `parity generate` on a fresh copy must reproduce the whole tree.
 * To accept a deliberate change, run `./parity generate` on the example and review the diff.
 */
class ExampleTreesTest {

  @TempDir
  Path temp;

  static Stream<Examples.Example> examples() {
    return Examples.all().stream();
  }

  static Stream<Arguments> examplesAndGenerators() {
    return Examples.all().stream()
        .flatMap(example -> BuiltInGenerators.all().stream().map(g -> Arguments.of(example, g.name())));
  }

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as("exit code of parity %s; stderr:%n%s", String.join(" ", args), err).isEqualTo(expectedExit);
    return out.toString();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examplesAndGenerators")
  void eachGeneratorsOutputEqualsTheCommittedFiles(Examples.Example example, String generatorName) throws Exception {
    LoadedSpec spec = SpecLoader.load(example.spec().toString(), List.of(), example.dir());
    Generator generator = BuiltInGenerators.all().stream().filter(g -> g.name().equals(generatorName)).findFirst()
        .orElseThrow();
    GenerationContext plain = new GenerationContext(spec.stack(), spec.name(), "..", "deploy", Templates.builtIn());
    // as parity generate does: java-service is a Maven project, so its workflow runs parity through its ./mvnw
    GenerationContext context = dev.parity.cli.MavenProjects.of(example.dir()).map(plain::withMaven).orElse(plain);

    List<GeneratedFile> files = generator.generate(context);

    // every remote environment, on instances or Kubernetes, gets terraform/services (its managed databases and caches)
    if (generatorName.equals("terraform") && spec.stack().remoteEnvironments().isEmpty()) {
      assertThat(files).as("%s has no remote environment: no Terraform file", example).isEmpty();
    } else {
      assertThat(files).as("%s generates at least one file for %s", generatorName, example).isNotEmpty();
    }
    for (GeneratedFile file : files) {
      Path committed = example.deploy().resolve(file.path());
      assertThat(committed).as("committed golden %s", committed).exists();
      assertThat(file.content()).as("%s of %s (regenerate the example and review the diff to accept)", file.path(),
          example).isEqualTo(Files.readString(committed));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void generateOnAFreshCopyReproducesTheCommittedTree(Examples.Example example) {
    Examples.copyWithoutTree(example, temp);

    run(0, "generate", "--spec", temp.resolve(example.specFile()).toString(), "--out", temp.resolve("deploy").toString());

    Map<String, String> generated = Examples.files(temp.resolve("deploy"));
    assertThat(generated).isEqualTo(Examples.files(example.deploy()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void checkPassesOnTheCommittedTree(Examples.Example example) {
    String report = run(0, "check", "--spec", example.spec().toString(), "--out", example.deploy().toString());

    assertThat(report).contains("is up to date");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theCommittedTreeHoldsExactlyWhatTheGeneratorsWrite(Examples.Example example) {
    LoadedSpec spec = SpecLoader.load(example.spec().toString(), List.of(), example.dir());
    DeployTree tree = DeployTree.render(new GenerationContext(spec.stack(), spec.name(), "..", "deploy",
        Templates.builtIn()));

    assertThat(Examples.files(example.deploy()).keySet())
        .containsExactlyElementsOf(tree.files().stream().map(GeneratedFile::path).sorted().toList());
  }
}
