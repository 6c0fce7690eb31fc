package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports a docker-compose file into a spec: {@code parity init --from-compose}.
 *
 * <pre>{@code
 * ImportResult result = ComposeImporter.importFile(Path.of("docker-compose.yml"), Map.of("TAG", "1.2.3"),
 *     Path.of("Shop.java"), TagResolver.NONE);
 * }</pre>
 *
 * Services map to the closest kind ({@link ServiceImporter}); floating tags and missing files become
 * TODOs at the element, inline secrets become secret keys whose values stay out of the spec, and
 * what the DSL cannot express stays as a comment. A compose file that cannot be imported (invalid
 * YAML, unknown keys, a build context that does not exist) raises {@link ImportException}.
 */
public final class ComposeImporter {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private ComposeImporter() {
  }

  /**
   * @param compose the compose file
   * @param variables the variables interpolation reads (the --env-file's, then the environment's)
   * @param spec the spec file to write: its name is the class name, its folder the base of every path
   * @param tags pins floating tags
   */
  public static ImportResult importFile(Path compose, Map<String, String> variables, Path spec, TagResolver tags) {
    return importFiles(List.of(compose), variables, spec, tags);
  }

  /**
   * Imports the project of several compose files, merged in order as {@code docker compose -f a.yml -f b.yml}
   * merges them ({@link ComposeMerge}); the first file's folder is the project folder.
   *
   * @param composeFiles the compose files, base first, at least one
   * @param variables the variables interpolation reads (the --env-file's, then the environment's)
   * @param spec the spec file to write: its name is the class name, its folder the base of every path
   * @param tags pins floating tags
   */
  public static ImportResult importFiles(List<Path> composeFiles, Map<String, String> variables, Path spec,
      TagResolver tags) {
    Path compose = composeFiles.get(0);
    ComposeFile file = ComposeFile.read(composeFiles, variables);
    Path specDir = spec.toAbsolutePath().normalize().getParent();
    ImportContext ctx = new ImportContext(file, specDir, tags, variables);
    JsonNode services = file.root().path("services");
    services.fieldNames().forEachRemaining(name -> ctx.names.put(name, specName(ctx, name)));
    takePublishedPorts(ctx, services);

    List<String> header = new ArrayList<>();
    List<String> networks = new TopLevel(ctx).networks(header);
    List<Chain> chains = new ArrayList<>();
    services.fields().forEachRemaining(e -> chains.add(new ServiceImporter(ctx).importService(e.getKey(), e.getValue(),
        file.raw().path("services").path(e.getKey()))));
    if (!ctx.problems.isEmpty()) {
      throw new ImportException(ctx.problems);
    }
    List<Chain> config = new ArrayList<>(ctx.configKeys.values());
    ctx.secrets.descriptions().forEach((key, description) -> {
      if (!ctx.configKeys.containsKey(key)) {
        config.add(new Chain("ConfigKey.secret(" + JavaLiteral.string(key) + ")"
            + (ctx.secrets.optional(key) ? ".optional()" : "") + ".describedAs("
            + JavaLiteral.string(description) + ")"));
      }
    });

    String className = spec.getFileName().toString().replaceFirst("\\.java$", "");
    SpecSource source = new SpecSource();
    String text = source.render(new SpecSource.Parts(className, stackName(file, specDir),
        List.of("Imported by parity init from " + composeFiles.stream().map(p -> p.getFileName().toString())
            .collect(java.util.stream.Collectors.joining(", ")) + ". Secret values are in"
            + " deploy/local/.env (git-ignored), never in this file."),
        header, networks, chains, config, ctx.deviations));
    List<Decision> decisions = new ArrayList<>(new LinkedHashSet<>(ctx.decisions));
    decisions.sort(Comparator.comparingInt(d -> lineNumber(d.composeLine())));
    List<Integer> lines = decisions.stream().map(d -> source.lineOf(d.comment())).toList();
    return new ImportResult(text, Map.copyOf(ctx.secrets.values()), Map.copyOf(ctx.secrets.files()),
        List.copyOf(decisions), lines);
  }

  private static int lineNumber(String composeLine) {
    return Integer.parseInt(composeLine.substring(composeLine.lastIndexOf(':') + 1));
  }

  /** The spec name of a service: compose's, or in lower case with hyphens where the DSL needs it. */
  private static String specName(ImportContext ctx, String name) {
    if (NAME.matcher(name).matches()) {
      return name;
    }
    String renamed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, "/services/" + ComposeFile.escape(name), "service '" + name + "'",
        "renamed '" + renamed + "': service names are lower-case letters, digits and hyphens");
    return renamed;
  }

  private static String stackName(ComposeFile file, Path specDir) {
    String name = file.root().path("name").asText(file.path().toAbsolutePath().normalize().getParent()
        .getFileName().toString());
    String stack = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return stack.isEmpty() ? "stack" : stack;
  }

  /** Every host port the compose file publishes, so that ports Parity adds avoid them. */
  private static void takePublishedPorts(ImportContext ctx, JsonNode services) {
    services.forEach(s -> s.path("ports").forEach(p -> {
      Ports.Parsed parsed = p.isObject() ? Ports.longSyntax(p) : Ports.shortSyntax(p.asText());
      for (int i = 0; parsed != null && parsed.host() != null && i < parsed.hostCount(); i++) {
        ctx.hostPorts.take(parsed.host() + i);
      }
    }));
  }

  /** The variables of a {@code .env} file, read as compose reads it. */
  public static Map<String, String> readEnvFile(Path file) throws java.io.IOException {
    return new LinkedHashMap<>(DotEnv.parse(java.nio.file.Files.readAllLines(file)));
  }
}
