package dev.parity.cli.rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of GitHub Actions' expression language the generated workflows use, and nothing more:
 * <code>${{ … }}</code> substitution of context paths ({@code github.sha}, {@code vars.X},
 * {@code secrets.X}, {@code needs.build.outputs.api}, {@code steps.api.outputs.image}, {@code env.X},
 * {@code matrix.X}) and string literals, and {@code if:} conditions made of such operands with
 * {@code ==}, {@code !=}, {@code &&}, {@code ||}, {@code !} and parentheses, plus {@code success()}
 * and {@code always()}. Anything else throws, so a workflow that starts using more syntax fails the
 * rehearsal instead of being read as true. As on GitHub, a {@code vars} or {@code secrets} entry
 * that is not set reads as the empty string; a context root that is not known is an error.
 */
final class Expressions {

  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\{(.*?)}}");
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(==|!=|&&|\\|\\||!|\\(|\\))|'((?:[^']|'')*)'|([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z_][A-Za-z0-9_-]*)*)(\\(\\))?)");
  private static final List<String> ROOTS = List.of("github", "vars", "secrets", "needs", "steps", "env", "matrix");

  private final Map<String, Object> context;
  private final boolean previousSucceeded;

  /**
   * @param context nested maps by root: {@code github}, {@code vars}, {@code secrets}, {@code needs}, {@code steps},
   *     {@code env}, {@code matrix}
   * @param previousSucceeded what {@code success()} returns
   */
  Expressions(Map<String, Object> context, boolean previousSucceeded) {
    this.context = context;
    this.previousSucceeded = previousSucceeded;
  }

  /** {@code text} with every <code>${{ expression }}</code> replaced by its value. */
  String substitute(String text) {
    Matcher matcher = SUBSTITUTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1).strip())));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** An {@code if:} value: with or without <code>${{ }}</code>, combined with {@code success()} as GitHub does. */
  boolean condition(String expression) {
    String text = expression.strip();
    if (text.startsWith("${{") && text.endsWith("}}")) {
      text = text.substring(3, text.length() - 2).strip();
    }
    Parser parser = new Parser(tokens(text));
    Object result = parser.or();
    parser.end();
    boolean explicitStatus = text.contains("success()") || text.contains("always()");
    return truthy(result) && (explicitStatus || previousSucceeded);
  }

  private String value(String expression) {
    Parser parser = new Parser(tokens(expression));
    Object result = parser.or();
    parser.end();
    return result instanceof Boolean b ? b.toString() : (String) result;
  }

  private static List<String[]> tokens(String text) {
    List<String[]> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!matcher.find(at) || matcher.start() != at) {
        if (text.substring(at).isBlank()) {
          break;
        }
        throw new IllegalArgumentException("expression syntax the rehearsal does not know, at '" + text.substring(at)
            + "' in '" + text + "'");
      }
      if (matcher.group(1) != null) {
        tokens.add(new String[] {"op", matcher.group(1)});
      } else if (matcher.group(2) != null) {
        tokens.add(new String[] {"str", matcher.group(2).replace("''", "'")});
      } else if (matcher.group(4) != null) {
        tokens.add(new String[] {"call", matcher.group(3)});
      } else {
        tokens.add(new String[] {"path", matcher.group(3)});
      }
      at = matcher.end();
    }
    return tokens;
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : !((String) value).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private Object lookup(String path) {
    String[] parts = path.split("\\.");
    if (!ROOTS.contains(parts[0])) {
      throw new IllegalArgumentException("context '" + parts[0] + "' is not one the rehearsal provides (" + path + ")");
    }
    Object node = context.get(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      if (!(node instanceof Map)) {
        node = null;
        break;
      }
      node = ((Map<String, Object>) node).get(parts[i]);
    }
    if (node == null) {
      if (parts[0].equals("vars") || parts[0].equals("secrets") || parts[0].equals("env")) {
        return "";
      }
      throw new IllegalArgumentException("'" + path + "' has no value in the rehearsal's context");
    }
    return node instanceof Boolean ? node : node.toString();
  }

  private final class Parser {
    private final List<String[]> tokens;
    private int next;

    Parser(List<String[]> tokens) {
      this.tokens = tokens;
    }

    Object or() {
      Object left = and();
      while (accept("||")) {
        Object right = and();
        left = truthy(left) ? left : right;
      }
      return left;
    }

    Object and() {
      Object left = comparison();
      while (accept("&&")) {
        Object right = comparison();
        left = truthy(left) ? right : left;
      }
      return left;
    }

    Object comparison() {
      Object left = unary();
      if (accept("==")) {
        return String.valueOf(left).equals(String.valueOf(unary()));
      }
      if (accept("!=")) {
        return !String.valueOf(left).equals(String.valueOf(unary()));
      }
      return left;
    }

    Object unary() {
      if (accept("!")) {
        return !truthy(unary());
      }
      if (accept("(")) {
        Object inner = or();
        expect(")");
        return inner;
      }
      if (next >= tokens.size()) {
        throw new IllegalArgumentException("expression ends where an operand is expected");
      }
      String[] token = tokens.get(next++);
      return switch (token[0]) {
        case "str" -> token[1];
        case "path" -> lookup(token[1]);
        case "call" -> switch (token[1]) {
          case "success" -> previousSucceeded;
          case "always" -> true;
          default -> throw new IllegalArgumentException("function " + token[1] + "() is not one the rehearsal knows");
        };
        default -> throw new IllegalArgumentException("operator '" + token[1] + "' where an operand is expected");
      };
    }

    boolean accept(String operator) {
      if (next < tokens.size() && tokens.get(next)[0].equals("op") && tokens.get(next)[1].equals(operator)) {
        next++;
        return true;
      }
      return false;
    }

    void expect(String operator) {
      if (!accept(operator)) {
        throw new IllegalArgumentException("expected '" + operator + "'");
      }
    }

    void end() {
      if (next != tokens.size()) {
        throw new IllegalArgumentException("unexpected '" + tokens.get(next)[1] + "'");
      }
    }
  }
}
