package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.cli.ParityCli;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The round trip of {@code parity init}: each public compose file of the importer's fixtures
 * (cli/src/test/resources/dev/parity/adopt/compose, credited there) is imported with its floating tags
 * pinned ({@code --pin}, from the fixture's {@code pins.txt}), the imported spec is generated, and
 * {@code docker-compose config} of the generated local stack must keep every element of
 * {@code docker-compose config} of the original, except those the fixture's
 * {@code deliberate-differences.txt} lists with their reason. Uses the same extractor and comparison
 * as the awesome-compose samples, with every other service key counted too ({@code option} lines: read_only,
 * ulimits, labels, container_name, …); prints, and writes to {@code target/compose-import-elements.md}, the figures.
 */
class ComposeImportRoundTripTest {

  static final Path FIXTURES = Examples.ROOT.getParent().resolve("cli/src/test/resources/dev/parity/adopt/compose");
  private static final Map<String, ElementComparison.Result> RESULTS = new TreeMap<>();
  /** Per fixture, the secret keys init found: names only, their values stay in deploy/local/. */
  private static final Map<String, List<String>> SECRETS = new TreeMap<>();

  @TempDir
  Path temp;

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> folders = Files.list(FIXTURES)) {
      return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theImportedSpecGeneratesTheOriginalsElementsButTheListedDifferences(String fixture) throws IOException {
    RealTool.require("docker-compose");
    Path project = temp.resolve(fixture);
    copy(FIXTURES.resolve(fixture), project);
    Path compose = composeFile(project);
    List<String> original = new ComposeElements(project, project, null).withEveryKey()
        .extract(originalConfig(project, compose));

    List<String> init = new ArrayList<>(List.of("init", "--from-compose", compose.toString(), "--out",
        project.resolve("Imported.java").toString()));
    // pins.txt: '#' lines credit the original (repository, path, commit, licence); the others pin a floating tag.
    for (String pin : Files.readAllLines(project.resolve("pins.txt")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      init.addAll(List.of("--pin", pin));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), init.toArray(String[]::new)))
        .as("parity init %s:%n%s%s", fixture, out, err).isZero();
    SECRETS.put(fixture, secretKeys(project.resolve("deploy/local")));
    Path tree = project.resolve("deploy");
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec",
        project.resolve("Imported.java").toString(), "--out", tree.toString()))
        .as("parity generate %s:%n%s", fixture, err).isZero();

    List<String> generated = new ComposeElements(tree.resolve("local"), project, tree).withEveryKey()
        .extract(AwesomeComposeTest.config(tree));
    Path differences = project.resolve("deliberate-differences.txt");
    ElementComparison.Result result = ElementComparison.compare(original, generated,
        ElementComparison.parseDifferences(Files.exists(differences) ? Files.readAllLines(differences) : List.of()));
    RESULTS.put(fixture, result);
    assertThat(result.passes()).as("%s, compared with the original element by element:%n%s%noriginal:%n%s%n"
        + "generated:%n%s", fixture, result.problems(), String.join("\n", original), String.join("\n", generated))
        .isTrue();
  }

  /** The keys of {@code local/.env} and the files of {@code local/secrets/} init wrote, sorted. */
  private static List<String> secretKeys(Path local) throws IOException {
    List<String> keys = new ArrayList<>();
    Path env = local.resolve(".env");
    if (Files.exists(env)) {
      Files.readAllLines(env).stream().filter(l -> !l.startsWith("#") && l.contains("="))
          .forEach(l -> keys.add(l.substring(0, l.indexOf('='))));
    }
    Path secrets = local.resolve("secrets");
    if (Files.isDirectory(secrets)) {
      try (Stream<Path> files = Files.list(secrets)) {
        files.forEach(f -> keys.add("file " + f.getFileName()));
      }
    }
    keys.sort(null);
    return keys;
  }

  private static Path composeFile(Path project) throws IOException {
    try (Stream<Path> files = Files.list(project)) {
      return files.filter(p -> p.getFileName().toString().matches("(docker-)?compose\\.ya?ml")).findFirst()
          .orElseThrow();
    }
  }

  /** {@code docker-compose config} of the original, in its folder, with its .env as compose reads it. */
  private static String originalConfig(Path project, Path compose) {
    RealTool.Result result = RealTool.run(project, List.of("docker-compose", "--project-directory", project.toString(),
        "-f", compose.toString(), "config"));
    assertThat(result.exitCode()).as("docker-compose config of the original:%n%s", result.output()).isZero();
    return result.output();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path destination = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (RESULTS.isEmpty()) {
      return;
    }
    StringBuilder s = new StringBuilder("| fixture | kept | deliberate | DSL gap | generator gap | issue 21 item 3"
        + " | missing, unlisted | original total | ratio | secrets found |\n|---|---|---|---|---|---|---|---|---|---|\n");
    RESULTS.forEach((fixture, r) -> s.append(String.format(Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %d | %.0f%% | %d |%n", fixture, r.kept().size(),
        r.count(ElementComparison.Category.DELIBERATE), r.count(ElementComparison.Category.DSL_GAP),
        r.count(ElementComparison.Category.GENERATOR_GAP), r.listed().values().stream()
            .filter(reason -> reason.contains("issue 21 item 3")).count(),
        r.missing().size(), r.original().size(), 100.0 * r.kept().size() / Math.max(1, r.original().size()),
        SECRETS.getOrDefault(fixture, List.of()).size())));
    RESULTS.forEach((fixture, r) -> {
      s.append('\n').append(fixture).append(":\n");
      s.append("- secrets found: ").append(String.join(", ", SECRETS.getOrDefault(fixture, List.of()))).append('\n');
      r.listed().forEach((e, reason) -> s.append("- `").append(e).append("`: ").append(reason).append('\n'));
      r.missing().forEach(e -> s.append("- `").append(e).append("`: NOT LISTED\n"));
      r.notes().forEach((e, note) -> s.append("- kept `").append(e).append("`: ").append(note).append('\n'));
    });
    System.out.println(s);
    Path target = Examples.ROOT.resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("compose-import-elements.md"), s.toString());
  }
}
