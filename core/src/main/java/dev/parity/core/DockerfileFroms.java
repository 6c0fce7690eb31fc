package dev.parity.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code FROM} lines of a team's own Dockerfile and checks that every image it builds on
 * is exactly pinned, like the images Parity declares itself; and that the declared target stages
 * exist.
 *
 * <p>{@code FROM scratch} and {@code FROM <earlier stage>} name no image. A {@code FROM} that uses
 * a variable ({@code FROM node:${NODE_VERSION}}) is checked with the value the build would use: the
 * app's {@code .buildArg(…)}, else the default of the {@code ARG} declared before the first
 * {@code FROM}. A variable with neither is reported: its image cannot be known before the build,
 * so it cannot be known to be pinned.
 */
final class DockerfileFroms {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private final ValidationContext context;
  private final ImageChecks images;

  DockerfileFroms(ValidationContext context, ImageChecks images) {
    this.context = context;
    this.images = images;
  }

  /**
   * Checks the Dockerfile {@code text} of {@code app}, which the messages call {@code path}.
   *
   * @param element the service, as messages name it
   */
  void check(String element, App app, String path, String text) {
    Map<String, String> globalArgs = new HashMap<>();
    Set<String> stages = new LinkedHashSet<>();
    boolean seenFrom = false;
    for (Instruction instruction : instructions(text)) {
      String keyword = instruction.keyword();
      if (keyword.equals("ARG") && !seenFrom) {
        for (String declaration : instruction.arguments()) {
          int eq = declaration.indexOf('=');
          String name = eq < 0 ? declaration : declaration.substring(0, eq);
          globalArgs.put(name, eq < 0 ? null : unquote(declaration.substring(eq + 1)));
        }
      } else if (keyword.equals("FROM")) {
        seenFrom = true;
        checkFrom(element + ", " + path + " line " + instruction.line(), app, instruction.arguments(), globalArgs, stages);
      }
    }
    if (!seenFrom) {
      context.problem(element, path + " has no FROM line", "start it with FROM <image>:<exact version>");
      return;
    }
    app.target().ifPresent(stage -> checkStage(element, path, "target", stage, stages));
    if (!app.localTarget().equals(app.target())) {
      app.localTarget().ifPresent(stage -> checkStage(element, path, "localTarget", stage, stages));
    }
  }

  private void checkFrom(String element, App app, List<String> arguments, Map<String, String> globalArgs, Set<String> stages) {
    List<String> words = arguments.stream().filter(w -> !w.startsWith("--")).toList();
    if (words.isEmpty()) {
      context.problem(element, "FROM names no image", "write FROM <image>:<exact version>");
      return;
    }
    String declared = words.get(0);
    checkImage(element, app, declared, globalArgs, stages);
    if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
      stages.add(words.get(2).toLowerCase(Locale.ROOT)); // after the check: FROM node AS node still names an image
    }
  }

  private void checkImage(String element, App app, String declared, Map<String, String> globalArgs, Set<String> stages) {
    StringBuilder resolved = new StringBuilder();
    Matcher m = VARIABLE.matcher(declared);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String value = app.buildArgs().containsKey(name) && globalArgs.containsKey(name) ? app.buildArgs().get(name)
          : globalArgs.get(name);
      if (value == null || value.isEmpty()) {
        value = m.group(3);
      }
      if (value == null || value.isEmpty()) {
        context.problem(element, "FROM '" + declared + "' uses the variable " + name + ", which has no value before the"
            + " build, so its image cannot be checked", "declare ARG " + name + "=<pinned value> before the first FROM,"
            + " or .buildArg(\"" + name + "\", \"<pinned value>\") with that ARG declared");
        return;
      }
      m.appendReplacement(resolved, Matcher.quoteReplacement(value));
    }
    m.appendTail(resolved);
    String image = resolved.toString();
    if (!image.equalsIgnoreCase("scratch") && !stages.contains(image.toLowerCase(Locale.ROOT))) {
      images.checkImage(element, image);
    }
  }

  private void checkStage(String element, String path, String call, String stage, Set<String> stages) {
    if (!stages.contains(stage.toLowerCase(Locale.ROOT))) {
      context.problem(element, "build stage '" + stage + "' is not a stage of " + path + " (its stages: "
          + (stages.isEmpty() ? "none named" : String.join(", ", stages)) + ")",
          "name a stage of the Dockerfile in ." + call + "(…), or add FROM … AS " + stage);
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** One instruction: its keyword in upper case, its whitespace-separated arguments, and its first line. */
  record Instruction(String keyword, List<String> arguments, int line) {
  }

  /** The instructions of {@code text}: comments dropped, continued lines joined (escape {@code \} or a backtick). */
  static List<Instruction> instructions(String text) {
    String[] lines = text.split("\r?\n", -1);
    char escape = '\\';
    for (String line : lines) {
      String t = line.strip();
      if (!t.startsWith("#")) {
        break; // parser directives come first
      }
      if (t.replace(" ", "").equalsIgnoreCase("#escape=`")) {
        escape = '`';
      }
    }
    List<Instruction> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.startsWith("#") || t.isEmpty() && current.length() > 0) {
        continue;
      }
      if (current.length() == 0) {
        start = i + 1;
      }
      boolean continues = !t.isEmpty() && t.charAt(t.length() - 1) == escape;
      current.append(continues ? t.substring(0, t.length() - 1) : t).append(' ');
      if (!continues) {
        String joined = current.toString().strip();
        current.setLength(0);
        if (!joined.isEmpty()) {
          List<String> words = List.of(joined.split("\\s+"));
          result.add(new Instruction(words.get(0).toUpperCase(Locale.ROOT), words.subList(1, words.size()), start));
        }
      }
    }
    return result;
  }
}
