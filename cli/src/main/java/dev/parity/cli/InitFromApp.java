package dev.parity.cli;

import dev.parity.contract.AppContracts;
import dev.parity.core.AppContract;
import dev.parity.core.Contract;
import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code parity init --from-app}: reads the app's contract where its build or its team put it and
 * writes the spec {@link ContractSpecSource} makes of it. The app's source folder is the folder
 * above {@code target/} for a build output ({@code api/target/classes} is app {@code api}), else
 * the contract file's folder; it must lie inside the spec's folder, as every path of a spec does.
 */
final class InitFromApp {

  private final Path from;
  private final String appName;
  private final String image;
  private final Path out;
  private final String className;

  InitFromApp(Path from, String appName, String image, Path out, String className) {
    this.from = from.toAbsolutePath().normalize();
    this.appName = appName;
    this.image = image;
    this.out = out;
    this.className = className;
  }

  int write(PrintWriter stdout) throws IOException {
    if (!Files.exists(from)) {
      throw usage("--from-app '" + from + "' does not exist; fix: build the app first (e.g. `./mvnw compile`), or"
          + " name its classes folder, jar, .env.example or JSON Schema");
    }
    Contract.Kind kind = AppContracts.kindOf(from);
    Path contractFile = Files.isDirectory(from) && kind == Contract.Kind.DOTENV_EXAMPLE ? from.resolve(".env.example") : from;
    Path root = appRoot(contractFile, kind);
    Path specFolder = out.toAbsolutePath().normalize().getParent();
    if (!root.startsWith(specFolder)) {
      throw usage("--from-app '" + from + "' is outside the spec's folder " + specFolder + "; fix: write the spec"
          + " (--out) in a folder that contains the app");
    }
    String relativeRoot = specFolder.relativize(root).toString().replace('\\', '/');
    String appSource = relativeRoot.isEmpty() ? "." : relativeRoot;
    Contract contract = switch (kind) {
      case SPRING_BOOT -> Contract.springBoot(relative(root, contractFile));
      case MICROPROFILE -> Contract.microProfile(relative(root, contractFile));
      case DOTENV_EXAMPLE -> Contract.dotenvExample(relative(root, contractFile));
      case JSON_SCHEMA -> Contract.jsonSchema(relative(root, contractFile));
    };
    String source = (appSource.equals(".") ? "" : appSource + "/") + contract.path();
    AppContract read;
    try {
      read = AppContracts.read(contract, contractFile, source);
    } catch (IOException | RuntimeException e) {
      throw usage(contract.kind().label() + " '" + source + "' cannot be read: " + e.getMessage()
          + "; nothing was written; fix: rebuild the app, or fix the file");
    }
    String name = appName != null ? appName : defaultName(root, specFolder);
    ContractSpecSource spec = ContractSpecSource.of(className, name, image, appSource, contract, read,
        kind == Contract.Kind.DOTENV_EXAMPLE ? examples(contractFile) : Map.of());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, spec.source());
    stdout.printf("Wrote %s from the %s of '%s' (%s): %d config keys%n", out, kind.label(), name, source,
        read.properties().size());
    if (!spec.todos().isEmpty()) {
      stdout.printf("Decisions to make before the spec validates (%d):%n", spec.todos().size());
      spec.todos().forEach(todo -> stdout.println("  " + out.getFileName() + ": " + todo));
      return 1;
    }
    return 0;
  }

  private static Path appRoot(Path contractFile, Contract.Kind kind) {
    Path parent = contractFile.getParent();
    if ((kind == Contract.Kind.SPRING_BOOT || kind == Contract.Kind.MICROPROFILE) && parent != null) {
      for (Path p = contractFile; p != null; p = p.getParent()) {
        if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null) {
          return p.getParent();
        }
      }
      return Files.isDirectory(contractFile) ? contractFile : parent;
    }
    return parent;
  }

  private static String relative(Path root, Path file) {
    String relative = root.relativize(file).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }

  private String defaultName(Path root, Path specFolder) {
    Path named = root.getFileName() != null ? root : specFolder;
    String name = named.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
        .replaceAll("^-+|-+$", "");
    if (name.isEmpty()) {
      throw usage("--from-app '" + from + "': no app name can be made of its folder; fix: pass --app <name>");
    }
    return name;
  }

  /** The example values of a {@code .env.example}, shown in TODOs: dotenv-safe's values are examples. */
  private static Map<String, String> examples(Path file) throws IOException {
    Map<String, String> examples = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.trim().replaceFirst("^export\\s+", "");
      int eq = l.indexOf('=');
      if (!l.startsWith("#") && eq > 0) {
        examples.putIfAbsent(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
      }
    }
    return examples;
  }

  private static ParityException usage(String message) {
    return new ParityException(ErrorCode.USAGE, message);
  }
}
