package dev.parity.cli;

import dev.parity.adopt.ComposeImporter;
import dev.parity.adopt.Decision;
import dev.parity.adopt.ImportResult;
import dev.parity.adopt.LocalImage;
import dev.parity.adopt.LocalTags;
import dev.parity.adopt.TagResolver;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.registry.ImageTags;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parity init --from-compose}: turns an existing compose file into a spec; {@code parity init
 * --from-app}: writes a spec whose config keys are an app's own contract ({@link ContractSpecSource}).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Write a spec from an existing docker-compose file, or from an app's config contract.",
        "Floating tags become TODOs at the element, inline passwords and tokens secret keys whose values go to"
            + " deploy/local/.env (git-ignored), and what the DSL cannot express stays as a comment.",
        "With --from-app, every property of the app's contract (Spring Boot metadata, MicroProfile/Quarkus classes,"
            + " .env.example, JSON Schema) becomes a config key with its type and the app's default; secrets by"
            + " name become secret keys; a required property without a default is a TODO."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the spec is written and generates as it is (init ran generate's validation on it, in memory)",
        "1:the spec is written, with TODOs to resolve, or problems generate reports, before it generates (listed)",
        "2:the compose file cannot be imported (file, line and fix listed), the app's contract cannot be read, or"
            + " --out exists; nothing written"})
final class InitCommand implements Callable<Integer> {

  @Option(names = {"--from-compose", "-f"}, paramLabel = "<file>", description = "The compose file to"
      + " import; repeat it (or -f) for override files, merged in order as docker compose -f a.yml -f b.yml merges"
      + " them (the first file's folder is the project folder).")
  List<Path> composeFiles = new ArrayList<>();

  @Option(names = "--from-app", paramLabel = "<jar or folder>", description = "Write the spec from this app's"
      + " config contract: its classes folder or jar (target/classes, target/app.jar), its .env.example or the folder"
      + " that holds it, or its JSON Schema (.json).")
  Path fromApp;

  @Option(names = "--app", paramLabel = "<name>", description = "With --from-app: the app's name (default: the"
      + " name of its folder).")
  String appName;

  @Option(names = "--image", paramLabel = "<image>", description = "With --from-app: the app's exact base image"
      + " (default: a TODO to pin).")
  String image;

  @Option(names = "--env-file", paramLabel = "<.env>",
      description = "Variables for interpolation (default: .env beside the compose file, as compose reads it).")
  Path envFile;

  @Option(names = "--out", required = true, paramLabel = "<Spec.java>",
      description = "The spec to write; its folder is the base of every path, its name the class name.")
  Path out;

  @Option(names = "--pin", paramLabel = "<floating>=<pinned>",
      description = "Pin a floating image, e.g. --pin redis:alpine=redis:7.2.4-alpine (repeatable).")
  Map<String, String> pins = new LinkedHashMap<>();

  @Option(names = "--resolve-tags", description = "Pin each floating or missing tag to the exact tag the local Docker"
      + " engine holds for it (same image id first), or the registry digest of the local image; what is not local"
      + " stays a TODO.")
  boolean resolveTags;

  @Option(names = "--registry-mirror", paramLabel = "<host:port>", description = "With --resolve-tags: name the"
      + " exact tags this registry lists in each TODO left (GET /v2/<repo>/tags/list); never pinned from it.")
  String registryMirror;

  @Option(names = "--force", description = "Overwrite an existing --out file and local secrets.")
  boolean force;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws IOException {
    String className = out.getFileName().toString().replaceFirst("\\.java$", "");
    if (!out.toString().endsWith(".java") || !className.matches("[A-Z][A-Za-z0-9_]*")) {
      throw new ParityException(ErrorCode.USAGE, "--out '" + out + "' is not a spec file name; fix: name it after"
          + " its class, e.g. --out ShopSpec.java");
    }
    if (Files.exists(out) && !force) {
      throw new ParityException(ErrorCode.USAGE, "--out '" + out + "' exists; nothing was written; fix: choose"
          + " another file, or pass --force to overwrite it");
    }
    if (composeFiles.isEmpty() == (fromApp == null)) {
      throw new ParityException(ErrorCode.USAGE, "init needs exactly one of --from-compose <file> and --from-app"
          + " <jar or folder>; fix: name the compose file to import, or the app whose contract to write");
    }
    if (fromApp != null) {
      return new InitFromApp(fromApp, appName, image, out, className).write(command.commandLine().getOut());
    }
    if (registryMirror != null && !resolveTags) {
      throw new ParityException(ErrorCode.USAGE, "--registry-mirror " + registryMirror + " is only read with"
          + " --resolve-tags; fix: add --resolve-tags, or drop --registry-mirror");
    }
    LocalTags resolver = resolveTags ? localTags() : null;
    TagResolver tags = resolver == null ? TagResolver.of(pins) : TagResolver.of(pins).or(resolver);
    ImportResult result = ComposeImporter.importFiles(composeFiles, variables(), out, tags);
    Path local = out.toAbsolutePath().getParent().resolve("deploy").resolve("local");
    Path env = local.resolve(".env");
    if (!result.secretValues().isEmpty() && Files.exists(env) && !force) {
      throw new ParityException(ErrorCode.USAGE, "'" + env + "' exists; nothing was written; fix: pass --force to"
          + " replace it with the imported secret values");
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, result.source());
    PrintWriter stdout = command.commandLine().getOut();
    stdout.printf("Wrote %s from %s%n", out, composeFiles.stream().map(Path::toString)
        .collect(java.util.stream.Collectors.joining(", ")));
    if (resolver != null) {
      resolver.pinned().values().stream().sorted().forEach(stdout::println);
    }
    if (!result.secretValues().isEmpty() || !result.secretFiles().isEmpty()) {
      writeSecrets(local, result);
      stdout.printf("Wrote %d secret values to %s and %d secret files to %s (git-ignored; never in the spec)%n",
          result.secretValues().size(), env, result.secretFiles().size(), local.resolve("secrets"));
    }
    print(stdout, result, Decision.Kind.NOT_EXPRESSIBLE, "Not expressible in the DSL, left as comments in the spec");
    print(stdout, result, Decision.Kind.TODO, "Decisions to make before the spec validates");
    if (result.hasTodos()) {
      return 1;
    }
    Optional<String> refused = generateRefusal();
    refused.ifPresent(message -> stdout.printf("The spec does not generate yet; fix it, then run parity generate:%n"
        + "  %s%n", message.replace("\n", "\n  ")));
    return refused.isPresent() ? 1 : 0;
  }

  /**
   * What {@code parity generate --spec <out>} would refuse, found by running its own loading, file
   * checks (build contexts' Dockerfile FROM lines included) and rendering in memory; nothing is written.
   */
  private Optional<String> generateRefusal() {
    SpecOptions spec = new SpecOptions();
    spec.spec = out.toString();
    spec.classpath = List.of();
    spec.projectDir = out.toAbsolutePath().getParent();
    spec.specTimeout = 30;
    try {
      LoadedSpec loaded = spec.loadWithFiles(false);
      spec.render(loaded, SpecOptions.outOrDefault(null, loaded));
      return Optional.empty();
    } catch (ParityException e) {
      return Optional.of(e.getMessage());
    }
  }

  private LocalTags localTags() {
    List<LocalImage> images = ImageTags.local().stream()
        .map(i -> new LocalImage(i.id(), i.repoTags(), i.repoDigests())).toList();
    return new LocalTags(images, repository -> registryMirror == null ? List.of()
        : ImageTags.listed(registryMirror, repository));
  }

  private void print(PrintWriter stdout, ImportResult result, Decision.Kind kind, String title) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < result.decisions().size(); i++) {
      Decision d = result.decisions().get(i);
      if (d.kind() == kind) {
        lines.add("  " + out.getFileName() + ":" + result.specLines().get(i) + " (" + d.composeLine() + ") "
            + d.element() + ": " + d.message());
      }
    }
    if (!lines.isEmpty()) {
      stdout.printf("%s (%d):%n", title, lines.size());
      lines.forEach(stdout::println);
    }
  }

  private static void writeSecrets(Path local, ImportResult result) throws IOException {
    Files.createDirectories(local);
    StringBuilder env = new StringBuilder("# Local secret values imported by parity init; git-ignored.\n");
    new TreeMap<>(result.secretValues()).forEach((k, v) -> env.append(k).append('=').append(dotEnvValue(v))
        .append('\n'));
    Files.writeString(local.resolve(".env"), env.toString());
    for (Map.Entry<String, String> file : result.secretFiles().entrySet()) {
      Path secrets = Files.createDirectories(local.resolve("secrets"));
      Files.writeString(secrets.resolve(file.getKey().toLowerCase(Locale.ROOT)), file.getValue());
    }
  }

  /** A value as compose's .env reader gives it back: single-quoted unless it is plain. */
  static String dotEnvValue(String value) {
    if (value.matches("[A-Za-z0-9_./:@+,=-]*")) {
      return value;
    }
    return "'" + value + "'";
  }

  private Map<String, String> variables() throws IOException {
    Path file = envFile != null ? envFile : composeFiles.get(0).toAbsolutePath().getParent().resolve(".env");
    Map<String, String> variables = new HashMap<>();
    if (envFile != null && !Files.isRegularFile(envFile)) {
      throw new ParityException(ErrorCode.USAGE, "--env-file '" + envFile + "' does not exist; fix: pass the .env"
          + " file the compose file is used with");
    }
    if (Files.isRegularFile(file)) {
      variables.putAll(ComposeImporter.readEnvFile(file));
    }
    variables.putAll(System.getenv());
    return variables;
  }
}
