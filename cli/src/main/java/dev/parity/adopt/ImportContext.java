package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the import of one compose file collects while it maps services: the decisions left to the
 * team, the secrets, the apps' config keys, host ports in use, the names services get in the spec,
 * and the problems that make the compose file impossible to import.
 */
final class ImportContext {

  private final ComposeFile file;
  final Path composeDir;
  final Path specDir;
  final TagResolver tags;
  /** The variables interpolation read: the .env file's, then the shell's. */
  final Map<String, String> variables;
  final Secrets secrets = new Secrets();
  final HostPorts hostPorts = new HostPorts();
  final List<Decision> decisions = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  final Map<String, String> names = new LinkedHashMap<>();
  final Map<String, Chain> configKeys = new LinkedHashMap<>();
  final Map<String, String> configValues = new LinkedHashMap<>();
  final List<String> deviations = new ArrayList<>();

  ImportContext(ComposeFile file, Path specDir, TagResolver tags, Map<String, String> variables) {
    this.file = file;
    this.composeDir = file.path().toAbsolutePath().normalize().getParent();
    this.specDir = specDir.toAbsolutePath().normalize();
    this.tags = tags;
    this.variables = Map.copyOf(variables);
    problems.addAll(file.problems());
  }

  ComposeFile file() {
    return file;
  }

  JsonNode services() {
    return file.root().path("services");
  }

  /** The spec name of compose service {@code composeName}. */
  String name(String composeName) {
    return names.getOrDefault(composeName, composeName);
  }

  /** Records a decision; the comment to write at the element. */
  String decide(Decision.Kind kind, String pointer, String element, String message) {
    Decision d = new Decision(kind, file.at(pointer), element, message);
    decisions.add(d);
    return d.comment();
  }

  /**
   * Says at the element, as a decision the DSL leaves, that a value taken from the .env file or the shell (the
   * variables {@code raw} names) is written into the spec as a literal, because the DSL takes {@code what} as one;
   * empty when {@code raw} takes nothing from outside. The value itself is never in the message.
   */
  Optional<String> literalFromOutside(String pointer, String element, String what, String raw) {
    java.util.List<String> names = Interpolation.referenced(raw, variables);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(decide(Decision.Kind.NOT_EXPRESSIBLE, pointer, element, what + " comes from "
        + String.join(", ", names.stream().map(n -> "${" + n + "}").toList()) + " of the .env file or the shell, and"
        + " the DSL takes " + what + " as a literal, so the value is written here; keep it in step with .env, or"
        + " change it here"));
  }

  /** The document as written (before interpolation) at {@code pointer}, as text; null when absent or not text. */
  String raw(String pointer) {
    JsonNode node = file.raw().at(pointer);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  void problem(String pointer, String message) {
    problems.add(file.at(pointer) + ": " + message);
  }

  /**
   * A compose path (relative to the compose file's folder) as the DSL wants it: relative to the
   * spec's folder, {@code /} separated; empty when it leaves that folder.
   */
  Optional<String> specPath(String composePath) {
    Path absolute = composeDir.resolve(composePath).normalize();
    if (!absolute.startsWith(specDir)) {
      return Optional.empty();
    }
    String relative = specDir.relativize(absolute).toString().replace('\\', '/');
    return Optional.of(relative.isEmpty() ? "." : relative);
  }

  Path resolve(String composePath) {
    return composeDir.resolve(composePath).normalize();
  }
}
