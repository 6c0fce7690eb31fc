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
    List<BuildStage> builds = new ArrayList<>();
    boolean seenFrom = false;
    for (Instruction instruction : instructions(text)) {
      String keyword = instruction.keyword();
      if (keyword.equals("HEALTHCHECK") && !builds.isEmpty()) {
        builds.get(builds.size() - 1).healthcheck = instruction.arguments().isEmpty()
            || !instruction.arguments().get(0).equalsIgnoreCase("NONE");
      }
      if (keyword.equals("FROM")) {
        List<String> words = instruction.arguments().stream().filter(w -> !w.startsWith("--")).toList();
        builds.add(new BuildStage(words.isEmpty() ? "" : words.get(0),
            words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2).toLowerCase(Locale.ROOT) : ""));
      }
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
    app.healthPath().ifPresent(healthPath -> checkHealthcheck(element, app, path, healthPath, builds));
  }

  /**
   * Issue 24: a health path of an app with its own Dockerfile became {@code curl … || wget …} in the
   * compose file, and a JRE image has neither, so the app never became healthy. Parity cannot know
   * which client such an image holds: the stage the local stack builds must declare a
   * {@code HEALTHCHECK} (itself or a stage it is built FROM), which compose then runs.
   */
  private void checkHealthcheck(String element, App app, String path, String healthPath, List<BuildStage> builds) {
    String stage = app.localTarget().or(app::target).map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
    int index = builds.size() - 1;
    for (int i = 0; stage != null && i < builds.size(); i++) {
      if (builds.get(i).name.equals(stage)) {
        index = i;
      }
    }
    String from = index < 0 ? "" : builds.get(index).from;
    while (index >= 0) {
      Boolean declared = builds.get(index).healthcheck;
      if (declared != null) {
        if (declared) {
          return;
        }
        break; // HEALTHCHECK NONE
      }
      String parent = builds.get(index).from.toLowerCase(Locale.ROOT);
      int next = -1;
      for (int i = 0; i < index; i++) {
        if (builds.get(i).name.equals(parent)) {
          next = i;
        }
      }
      index = next;
    }
    String url = "http://127.0.0.1:" + app.containerPort() + healthPath;
    context.problem(element, ".healthPath(\"" + healthPath + "\") needs a probe inside the image " + path + " builds"
        + (stage == null ? "" : " (stage " + stage + ")") + " FROM " + from + ", which declares no HEALTHCHECK; Parity"
        + " cannot know whether curl, wget or another HTTP client is in that image",
        "add a HEALTHCHECK with a client the image has to " + path + ", for example HEALTHCHECK CMD curl -fsS "
        + url + " || exit 1 (installing curl in it first if need be), which docker-compose.yml then runs;"
        + " or build the app with App.jvm(…) or App.node(…), whose generated images carry a probe");
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

  /** A stage of the Dockerfile: its FROM as written, its name (lower case, or empty) and its last HEALTHCHECK, if any. */
  private static final class BuildStage {
    private final String from;
    private final String name;
    private Boolean healthcheck;

    BuildStage(String from, String name) {
      this.from = from;
      this.name = name;
    }
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
