package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * gitleaks' default rule set ({@code gitleaks.toml} beside this class, vendored from gitleaks/gitleaks
 * under the MIT licence, commit in {@code gitleaks-README.md}), read with Jackson's TOML module and
 * applied as gitleaks applies it to one line: a rule is tried when one of its {@code keywords}
 * occurs in the line; its {@code regex} (Go syntax, named groups {@code (?P<n>} rewritten for Java)
 * must match; the secret is the {@code secretGroup}, else the first non-empty group, else the match;
 * its Shannon entropy must reach the rule's {@code entropy}; and neither the global allowlist nor the
 * rule's {@code allowlists} (regexes on the secret, the match or the line, stopwords in the secret)
 * may allow it. Rules that apply only to some file paths are not used: a compose value has no path.
 */
final class SecretRules {

  /** One gitleaks rule. */
  record Rule(String id, Pattern regex, int secretGroup, double entropy, List<String> keywords,
      List<Allowlist> allowlists) {
  }

  /** An allowlist: regexes tested on the {@code target} ({@code secret}, {@code match} or {@code line}), stopwords. */
  record Allowlist(String target, List<Pattern> regexes, List<String> stopwords) {

    boolean allows(String secret, String match, String line) {
      String text = switch (target) {
        case "match" -> match;
        case "line" -> line;
        default -> secret;
      };
      String lower = secret.toLowerCase(Locale.ROOT);
      return regexes.stream().anyMatch(p -> p.matcher(text).find()) || stopwords.stream().anyMatch(lower::contains);
    }
  }

  /** A finding: the rule's id and the secret it found. */
  record Finding(String ruleId, String secret) {
  }

  private static final SecretRules DEFAULT = load();

  private final List<Rule> rules;
  private final Allowlist global;
  private final int unusable;

  private SecretRules(List<Rule> rules, Allowlist global, int unusable) {
    this.rules = List.copyOf(rules);
    this.global = global;
    this.unusable = unusable;
  }

  static SecretRules gitleaks() {
    return DEFAULT;
  }

  List<Rule> rules() {
    return rules;
  }

  /** Rules of the file not used here: path-only rules and regexes Java cannot compile. */
  int unusable() {
    return unusable;
  }

  /** The first rule that finds a secret in {@code line}, as gitleaks would report it. */
  Optional<Finding> find(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    for (Rule rule : rules) {
      if (!rule.keywords().isEmpty() && rule.keywords().stream().noneMatch(lower::contains)) {
        continue;
      }
      Matcher m = rule.regex().matcher(line);
      while (m.find()) {
        String secret = secret(rule, m);
        if (secret.isEmpty() || entropy(secret) < rule.entropy() || global.allows(secret, m.group(), line)
            || rule.allowlists().stream().anyMatch(a -> a.allows(secret, m.group(), line))) {
          continue;
        }
        return Optional.of(new Finding(rule.id(), secret));
      }
    }
    return Optional.empty();
  }

  private static String secret(Rule rule, Matcher m) {
    if (rule.secretGroup() > 0 && rule.secretGroup() <= m.groupCount()) {
      return m.group(rule.secretGroup()) == null ? "" : m.group(rule.secretGroup());
    }
    for (int i = 1; i <= m.groupCount(); i++) {
      if (m.group(i) != null && !m.group(i).isEmpty()) {
        return m.group(i);
      }
    }
    return m.group();
  }

  /** Shannon entropy in bits per character, gitleaks' measure. */
  static double entropy(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int[] counts = new int[65536];
    s.chars().forEach(c -> counts[c]++);
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / s.length();
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return bits;
  }

  private static SecretRules load() {
    try (InputStream in = SecretRules.class.getResourceAsStream("gitleaks.toml")) {
      if (in == null) {
        throw new IllegalStateException("gitleaks.toml is missing from the class path");
      }
      JsonNode root = new TomlMapper().readTree(in);
      List<Rule> rules = new ArrayList<>();
      int unusable = 0;
      for (JsonNode rule : root.path("rules")) {
        Optional<Pattern> regex = compile(rule.path("regex").asText(""));
        if (rule.has("path") || regex.isEmpty()) {
          unusable++;
          continue;
        }
        List<Allowlist> allowlists = new ArrayList<>();
        for (JsonNode a : rule.path("allowlists")) {
          if (!a.has("paths")) {
            allowlists.add(allowlist(a));
          }
        }
        rules.add(new Rule(rule.path("id").asText(), regex.get(), rule.path("secretGroup").asInt(0),
            rule.path("entropy").asDouble(0), texts(rule.path("keywords")), allowlists));
      }
      return new SecretRules(rules, allowlist(root.path("allowlist")), unusable);
    } catch (IOException e) {
      throw new UncheckedIOException("gitleaks.toml cannot be read", e);
    }
  }

  private static Allowlist allowlist(JsonNode a) {
    return new Allowlist(a.path("regexTarget").asText("secret"),
        texts(a.path("regexes")).stream().map(SecretRules::compile).flatMap(Optional::stream).toList(),
        texts(a.path("stopwords")).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
  }

  /** A Go (RE2) regex as a Java pattern: RE2's {@code (?P<name>} is Java's {@code (?<name>}. */
  static Optional<Pattern> compile(String goRegex) {
    if (goRegex.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pattern.compile(goRegex.replace("(?P<", "(?<")));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
