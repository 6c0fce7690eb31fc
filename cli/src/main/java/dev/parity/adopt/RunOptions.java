package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a container runs, beyond ports, mounts and variables: {@code command}, {@code entrypoint},
 * {@code restart}, {@code healthcheck}, {@code networks}, {@code hostname}, {@code user}, {@code init}, {@code profiles},
 * and the keys the DSL cannot express, each kept as a comment.
 */
final class RunOptions {

  private static final Set<String> RESTARTS = Set.of("no", "always", "on-failure", "unless-stopped");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");

  private RunOptions() {
  }

  /** A command or entrypoint as arguments: a list as is, a string split as compose splits it. */
  static List<String> words(JsonNode node) {
    List<String> words = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> words.add(n.asText()));
    } else {
      words.addAll(ShellWords.split(node.asText()));
    }
    return words;
  }

  static String arguments(List<String> words) {
    return words.stream().map(JavaLiteral::string).collect(Collectors.joining(", "));
  }

  static void apply(ImportContext ctx, String base, JsonNode s, String name, boolean app, Chain chain) {
    if (s.has("command") && !app && !words(s.get("command")).isEmpty()) {
      chain.option("command(" + arguments(words(s.get("command"))) + ")");
    }
    if (s.has("entrypoint") && !words(s.get("entrypoint")).isEmpty()) {
      chain.option("entrypoint(" + arguments(words(s.get("entrypoint"))) + ")");
    }
    if (s.has("restart")) {
      String restart = s.get("restart").asText();
      String policy = restart.startsWith("on-failure:") ? "on-failure" : restart;
      if (restart.startsWith("on-failure:")) {
        chain.optionComment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/restart", "service '" + name
            + "' restart '" + restart + "'", "a maximum retry count cannot be declared; restarts without a limit"));
      }
      if (RESTARTS.contains(policy) && !policy.equals("no")) {
        chain.option("restart(Restart." + policy.toUpperCase().replace('-', '_') + ")");
      }
    }
    healthcheck(ctx, base, s.path("healthcheck"), name, chain);
    networks(ctx, base, s.path("networks"), name, chain);
    if (s.has("hostname")) {
      chain.option("hostname(" + JavaLiteral.string(s.get("hostname").asText()) + ")");
    }
    if (s.has("user") && !app) {
      chain.option("user(" + JavaLiteral.string(s.get("user").asText()) + ")");
    }
    if (s.has("init")) {
      chain.option("init(" + s.get("init").asBoolean() + ")");
    }
    if (s.path("profiles").size() > 0) {
      List<String> profiles = new ArrayList<>();
      s.get("profiles").forEach(p -> profiles.add(p.asText()));
      chain.option("profiles(" + arguments(profiles) + ")");
    }
    localSettings(s, chain);
    s.fieldNames().forEachRemaining(key -> {
      if (ComposeKeys.NOT_EXPRESSIBLE.contains(key)) {
        chain.headComment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/" + key, "service '" + name + "' "
            + key + ": " + abbreviate(s.get(key)), "the DSL has no " + key + "; dropped"));
      }
    });
  }

  /** {@code container_name}, {@code pull_policy}, {@code shm_size} and {@code ulimits}, as compose reads them. */
  private static void localSettings(JsonNode s, Chain chain) {
    if (s.has("container_name")) {
      chain.option("containerName(" + JavaLiteral.string(s.get("container_name").asText()) + ")");
    }
    if (s.has("pull_policy")) {
      String policy = s.get("pull_policy").asText().equals("if_not_present") ? "missing" : s.get("pull_policy").asText();
      chain.option("pullPolicy(PullPolicy." + policy.toUpperCase(java.util.Locale.ROOT) + ")");
    }
    if (s.has("shm_size")) {
      chain.option("shmSize(" + JavaLiteral.string(s.get("shm_size").asText()) + ")");
    }
    s.path("ulimits").fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      long soft = v.isObject() ? v.path("soft").asLong() : v.asLong();
      long hard = v.isObject() ? v.path("hard").asLong() : v.asLong();
      chain.option("ulimit(" + (soft == -1 && hard == -1 ? "Ulimit.unlimited(" + JavaLiteral.string(e.getKey()) + ")"
          : "Ulimit.of(" + JavaLiteral.string(e.getKey()) + ", " + soft + ", " + hard + ")") + ")");
    });
  }

  private static String abbreviate(JsonNode value) {
    String text = value.isValueNode() ? value.asText() : value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static void healthcheck(ImportContext ctx, String base, JsonNode h, String name, Chain chain) {
    if (h.isMissingNode()) {
      return;
    }
    JsonNode test = h.path("test");
    if (h.path("disable").asBoolean(false) || test.isArray() && test.size() > 0 && test.get(0).asText().equals("NONE")) {
      chain.optionComment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/healthcheck", "service '" + name
          + "' healthcheck disabled", "a disabled health check cannot be declared; the image's own applies"));
      return;
    }
    String check;
    if (test.isTextual()) {
      check = "Healthcheck.shell(" + JavaLiteral.string(test.asText()) + ")";
    } else if (test.isArray() && test.size() > 1 && test.get(0).asText().equals("CMD-SHELL")) {
      check = "Healthcheck.shell(" + JavaLiteral.string(test.get(1).asText()) + ")";
    } else if (test.isArray() && test.size() > 1 && test.get(0).asText().equals("CMD")) {
      List<String> words = new ArrayList<>();
      test.forEach(w -> words.add(w.asText()));
      check = "Healthcheck.command(" + arguments(words.subList(1, words.size())) + ")";
    } else {
      chain.optionComment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/healthcheck", "service '" + name
          + "' healthcheck", "a health check without a test cannot be declared"));
      return;
    }
    StringBuilder code = new StringBuilder(check);
    String next = "\n" + " ".repeat(20) + ".";
    duration(h, "interval").ifPresent(d -> code.append(next).append("interval(").append(d).append(")"));
    duration(h, "timeout").ifPresent(d -> code.append(next).append("timeout(").append(d).append(")"));
    if (h.has("retries")) {
      code.append(next).append("retries(").append(h.get("retries").asInt()).append(")");
    }
    duration(h, "start_period").ifPresent(d -> code.append(next).append("startPeriod(").append(d).append(")"));
    JsonNode rawTest = ctx.file().raw().at(base + "/healthcheck/test");
    ctx.literalFromOutside(base + "/healthcheck", "service '" + name + "' healthcheck", "a health check's command",
        rawTest.isMissingNode() ? null : rawTest.isValueNode() ? rawTest.asText() : rawTest.toString())
        .ifPresent(chain::optionComment);
    chain.option("healthcheck(" + code + ")");
  }

  /** A compose duration ({@code 1m30s}, {@code 500ms}) as {@code Duration.ofSeconds(90)} / {@code ofMillis}. */
  static java.util.Optional<String> duration(JsonNode h, String field) {
    if (!h.has(field)) {
      return java.util.Optional.empty();
    }
    Matcher m = DURATION.matcher(h.get(field).asText());
    double millis = 0;
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      millis += switch (m.group(2)) {
        case "us" -> n / 1000;
        case "ms" -> n;
        case "s" -> n * 1000;
        case "m" -> n * 60_000;
        default -> n * 3_600_000;
      };
    }
    long ms = Math.round(millis);
    return java.util.Optional.of(ms % 1000 == 0 ? "Duration.ofSeconds(" + ms / 1000 + ")" : "Duration.ofMillis(" + ms + ")");
  }

  private static void networks(ImportContext ctx, String base, JsonNode networks, String name, Chain chain) {
    List<String> names = new ArrayList<>();
    if (networks.isArray()) {
      networks.forEach(n -> names.add(n.asText()));
    } else {
      networks.fields().forEachRemaining(e -> {
        names.add(e.getKey());
        if (e.getValue().isObject() && e.getValue().size() > 0) {
          chain.optionComment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/networks/" + e.getKey(),
              "service '" + name + "' network " + e.getKey() + " " + abbreviate(e.getValue()),
              "aliases, addresses and priorities on a network cannot be declared"));
        }
      });
    }
    if (!names.isEmpty()) {
      chain.option("networks(" + arguments(names) + ")");
    }
  }
}
