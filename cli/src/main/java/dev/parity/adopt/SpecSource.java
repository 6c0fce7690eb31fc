package dev.parity.adopt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes the spec class the way the hand-written examples are laid out: imports of the DSL types it
 * uses, a Javadoc naming its origin, then one {@code Stack.named(...)} chain, networks, services
 * (one call per line, {@code options} indented below), config keys, the local environment and
 * deviations, each group after a blank line. Comments are wrapped at 110 columns.
 */
final class SpecSource {

  private static final int WIDTH = 110;
  private static final String DSL = "dev.parity.core.";
  private static final List<String> TYPES = List.of("App", "ConfigKey", "Container", "Deviation", "Environment",
      "Healthcheck", "Mount", "MySql", "Network", "ParitySpec", "Port", "Postgres", "PullPolicy", "Redis", "Restart", "Stack",
      "Ulimit");
  private static final List<String> STATICS = List.of("hostOf", "portOf", "urlOf", "databaseOf", "userOf");

  private final List<String> lines = new ArrayList<>();
  private final Map<String, Integer> commentLines = new HashMap<>();

  /** The parts of a spec, in the order they are written. */
  record Parts(String className, String stackName, List<String> description, List<String> headerComments,
      List<String> networks, List<Chain> services, List<Chain> config, List<String> deviations) {
  }

  /** The source text; {@link #lineOf} then gives the line of each comment written. */
  String render(Parts parts) {
    List<String> body = new ArrayList<>();
    body.add("  @Override");
    body.add("  public Stack stack() {");
    body.add("    return Stack.named(" + JavaLiteral.string(parts.stackName()) + ")");
    parts.headerComments().forEach(c -> comment(body, "        ", c));
    parts.networks().forEach(n -> body.add("        .network(" + n + ")"));
    parts.services().forEach(s -> chain(body, ".service(", s));
    if (!parts.config().isEmpty()) {
      body.add("");
      parts.config().forEach(c -> chain(body, ".config(", c));
    }
    body.add("");
    body.add("        .environment(Environment.local())");
    parts.deviations().forEach(d -> code(body, "        .deviation(" + d + ")"));
    body.add("        .build();");
    body.add("  }");
    body.add("}");

    String text = String.join("\n", body);
    TreeSet<String> imports = new TreeSet<>();
    imports.add("ParitySpec");
    imports.add("Stack");
    TYPES.stream().filter(t -> Pattern.compile("\\b" + t + "\\.").matcher(text).find()).forEach(imports::add);
    TreeSet<String> statics = new TreeSet<>();
    STATICS.stream().filter(s -> Pattern.compile("[(,] ?" + s + "\\(").matcher(text).find()).forEach(statics::add);
    imports.forEach(t -> lines.add("import " + DSL + t + ";"));
    if (text.contains("Duration.")) {
      lines.add("import java.time.Duration;");
    }
    if (!statics.isEmpty()) {
      lines.add("");
      statics.forEach(s -> lines.add("import static " + DSL + "ConfigValue." + s + ";"));
    }
    lines.add("");
    lines.add("/**");
    parts.description().forEach(d -> wrap(" * ", JavaLiteral.comment(d)).forEach(lines::add));
    lines.add(" */");
    lines.add("public final class " + parts.className() + " implements ParitySpec {");
    lines.add("");
    int offset = lines.size();
    commentLines.replaceAll((k, v) -> v + offset);
    lines.addAll(body);
    return String.join("\n", lines) + "\n";
  }

  /** The 1-based line of the spec where {@code comment} was written, or 0. */
  int lineOf(String comment) {
    return commentLines.getOrDefault(comment, 0);
  }

  private void chain(List<String> out, String call, Chain chain) {
    chain.headComments().forEach(c -> comment(out, "        ", c));
    out.add("        " + call + chain.head());
    for (Chain.Call c : chain.calls()) {
      c.comments().forEach(text -> comment(out, "            ", text));
      code(out, "            ." + c.code());
    }
    for (int i = 0; i < chain.options().size(); i++) {
      Chain.Call c = chain.options().get(i);
      String indent = i == 0 ? "            " : "                ";
      c.comments().forEach(text -> comment(out, indent, text));
      code(out, i == 0 ? "            .options(o -> o." + c.code() : "                ." + c.code());
    }
    chain.trailing().forEach(text -> comment(out, "            ", text));
    int last = lastCode(out);
    out.set(last, out.get(last) + (chain.options().isEmpty() ? ")" : "))"));
  }

  /** A line of code; one with line breaks (a call continued below) as several lines. */
  private static void code(List<String> out, String text) {
    for (String line : text.split("\n")) {
      out.addAll(breakArguments(line));
    }
  }

  /**
   * A line longer than {@link #WIDTH}, broken after the commas between arguments (never inside a
   * string literal), the continuation indented four more columns than the line.
   */
  private static List<String> breakArguments(String line) {
    List<String> lines = new ArrayList<>();
    String indent = " ".repeat(line.length() - line.stripLeading().length() + 4);
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int lastBreak = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      current.append(c);
      if (c == '\\' && quoted && i + 1 < line.length()) {
        current.append(line.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
        lastBreak = current.length();
      }
      if (current.length() > WIDTH && lastBreak > 0) {
        lines.add(current.substring(0, lastBreak));
        String rest = current.substring(lastBreak).stripLeading();
        current = new StringBuilder(indent).append(rest);
        lastBreak = -1;
      }
    }
    lines.add(current.toString());
    return lines;
  }

  private static int lastCode(List<String> out) {
    int i = out.size() - 1;
    while (out.get(i).strip().startsWith("//")) {
      i--;
    }
    return i;
  }

  private void comment(List<String> out, String indent, String text) {
    commentLines.putIfAbsent(text, out.size() + 1);
    out.addAll(wrap(indent + "// ", JavaLiteral.comment(text)));
  }

  /** {@code text} in lines of at most {@link #WIDTH} columns, each starting with {@code prefix}. */
  private static List<String> wrap(String prefix, String text) {
    List<String> wrapped = new ArrayList<>();
    StringBuilder line = new StringBuilder(prefix);
    for (String word : text.split(" ")) {
      if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
        wrapped.add(line.toString());
        line = new StringBuilder(prefix);
      }
      if (line.length() > prefix.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    wrapped.add(line.toString().stripTrailing());
    return wrapped;
  }
}
