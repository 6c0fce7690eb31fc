package dev.parity.contract;

import dev.parity.core.App;
import dev.parity.core.AppContract;
import dev.parity.core.Contract;
import dev.parity.core.ContractChecks;
import dev.parity.core.Problem;
import dev.parity.core.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the config contracts a {@link Stack}'s apps declare ({@link App#contract}) and checks them
 * against every environment, right after the spec is loaded and beside {@code SpecFiles}: nothing
 * is written while a problem remains (exit 2).
 *
 * <pre>{@code
 * List<Problem> problems = AppContracts.check(stack, specFolder);
 * }</pre>
 *
 * A contract that does not exist (a JVM app not built yet) or cannot be read is a problem of its
 * own, naming the path and the fix; the rules themselves are {@link ContractChecks}'.
 */
public final class AppContracts {

  private AppContracts() {
  }

  /** Every problem of the apps' contracts in {@code stack}, whose paths start at {@code specFolder}. */
  public static List<Problem> check(Stack stack, Path specFolder) {
    List<Problem> problems = new ArrayList<>();
    Map<String, AppContract> contracts = read(stack, specFolder, problems);
    problems.addAll(ContractChecks.check(stack, contracts));
    return List.copyOf(problems);
  }

  /** The contracts that could be read, by app name; each that could not adds a problem to {@code problems}. */
  public static Map<String, AppContract> read(Stack stack, Path specFolder, List<Problem> problems) {
    Map<String, AppContract> contracts = new LinkedHashMap<>();
    for (App app : stack.apps()) {
      if (app.contract().isEmpty()) {
        continue;
      }
      Contract contract = app.contract().get();
      String relative = app.source().equals(".") ? contract.path() : app.source().replaceAll("/+$", "") + "/" + contract.path();
      Path path = specFolder.toAbsolutePath().normalize().resolve(relative).normalize();
      String element = "service '" + app.name() + "'";
      if (!Files.exists(path)) {
        problems.add(new Problem(element, contract.kind().label() + " '" + relative + "' does not exist (looked for " + path + ")",
            contract.kind() == Contract.Kind.DOTENV_EXAMPLE ? "add the app's .env.example there, or point .contract(…) at it"
                : contract.kind() == Contract.Kind.JSON_SCHEMA ? "add the app's JSON Schema there, or point .contract(…) at it"
                : "build the app first (e.g. `./mvnw compile`), or point .contract(…) at its classes folder or jar"));
        continue;
      }
      try {
        contracts.put(app.name(), read(contract, path, relative));
      } catch (IOException | RuntimeException e) {
        problems.add(new Problem(element, contract.kind().label() + " '" + relative + "' cannot be read: " + e.getMessage(),
            "rebuild the app, or fix the file"));
      }
    }
    return contracts;
  }

  /**
   * How the contract at {@code path} is written down, told from the path itself: a {@code .env.example}
   * file (or a folder holding one), a {@code .json} file (a JSON Schema), else a classes folder or jar:
   * Spring Boot's metadata when its {@code META-INF} has it, MicroProfile Config properties otherwise.
   */
  public static Contract.Kind kindOf(Path path) throws IOException {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (Files.isRegularFile(path) && name.endsWith(".env.example")
        || Files.isDirectory(path) && Files.isRegularFile(path.resolve(".env.example"))) {
      return Contract.Kind.DOTENV_EXAMPLE;
    }
    if (Files.isRegularFile(path) && name.endsWith(".json")) {
      return Contract.Kind.JSON_SCHEMA;
    }
    ClassPathEntries entries = ClassPathEntries.of(path);
    return entries.file("META-INF/spring-configuration-metadata.json").isPresent()
        || entries.file("META-INF/additional-spring-configuration-metadata.json").isPresent()
        ? Contract.Kind.SPRING_BOOT : Contract.Kind.MICROPROFILE;
  }

  /** The contract at {@code path}, which messages name {@code source}. */
  public static AppContract read(Contract contract, Path path, String source) throws IOException {
    return switch (contract.kind()) {
      case SPRING_BOOT -> SpringMetadataReader.read(ClassPathEntries.of(path), source);
      case MICROPROFILE -> MicroProfileReader.read(ClassPathEntries.of(path), source);
      case JSON_SCHEMA -> JsonSchemaReader.read(Files.readAllBytes(path), source);
      case DOTENV_EXAMPLE -> {
        try {
          yield DotenvExampleReader.read(Files.readAllBytes(path), source);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    };
  }
}
