package dev.parity.drift.environments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.Finding;
import dev.parity.drift.cluster.ClusterDrift;
import dev.parity.drift.cluster.ClusterDrift.Difference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The namespaces of two environments against each other. Each side is first compared with its own overlay
 * ({@link ClusterDrift}: what the API server and controllers own is never a difference); the two overlays are
 * then compared with each other, without their namespaces: what differs there is what the spec declares per
 * environment (instances and autoscaling, resources, host names, per-environment values, secret references, the
 * digest each environment's release record holds). A field where both live objects run as their overlays render
 * them is allowed when the overlays differ there; a field where either departs from its overlay (an image set
 * by hand, a scale, an edited value, a sidecar, an object only one namespace holds) is drift, named with the
 * environment it is in and what the other runs.
 */
public final class ClusterPair {

  private static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
  private static final String CONFIG_DIGEST = "parity.dev/config-sha256";
  private static final java.util.regex.Pattern ENV_VALUE = java.util.regex.Pattern.compile("\\.env\\[([^\\]]+)]\\.value$");

  private ClusterPair() {
  }

  /**
   * One environment's namespace: the objects its overlay renders and the ones read from the cluster.
   *
   * @param environment the environment's name, as report lines say it
   */
  public record Side(String environment, List<ObjectNode> expected, List<ObjectNode> live) {

    public Side {
      expected = List.copyOf(expected);
      live = List.copyOf(live);
    }
  }

  /** The cluster layer of {@code a} against {@code b}. */
  public static Layer compare(Side a, Side b) {
    List<Difference> handA = ClusterDrift.differences(a.expected(), a.live());
    List<Difference> handB = ClusterDrift.differences(b.expected(), b.live());
    List<Difference> declared = ClusterDrift.differences(withoutNamespace(a.expected()), withoutNamespace(b.expected()));
    Map<String, Difference> byKeyA = index(handA);
    Map<String, Difference> byKeyB = index(handB);
    Map<String, Difference> declaredByKey = index(declared);
    Set<String> wholeObjects = new HashSet<>();
    List<Finding> drift = new ArrayList<>();
    for (Difference d : handA) {
      drift.add(hand(d, a, b, byKeyB.get(key(d)), declaredByKey.get(key(d)), true));
      if (d.path().isEmpty()) {
        wholeObjects.add(d.finding().object());
      }
    }
    for (Difference d : handB) {
      drift.add(hand(d, b, a, byKeyA.get(key(d)), declaredByKey.get(key(d)), false));
      if (d.path().isEmpty()) {
        wholeObjects.add(d.finding().object());
      }
    }
    List<Finding> allowed = new ArrayList<>();
    for (Difference d : declared) {
      if (!byKeyA.containsKey(key(d)) && !byKeyB.containsKey(key(d)) && !wholeObjects.contains(d.finding().object())) {
        allowed.add(declared(d, a.environment(), b.environment()));
      }
    }
    return new Layer(drift, allowed);
  }

  /**
   * A field where {@code side} departs from its overlay. For a changed value the line says what the spec
   * renders, what {@code side} runs and what {@code other} runs there.
   *
   * @param first whether {@code side} is the report's first environment (its value goes to {@code from})
   */
  private static Finding hand(Difference d, Side side, Side other, Difference otherHand, Difference declared,
      boolean first) {
    Finding f = d.finding();
    String here = side.environment();
    if (f.change() != Change.CHANGED || d.path().isEmpty()) {
      return new Finding(Category.CLUSTER, f.change(), f.object(), here + ": " + f.message(),
          first ? f.to() : null, first ? null : f.to());
    }
    String otherExpected = declared == null ? f.from() : first ? declared.finding().to() : declared.finding().from();
    String otherRuns = otherHand == null ? otherExpected : otherHand.finding().to();
    String message = d.path() + ": the spec renders " + f.from() + ", " + here + " runs " + f.to() + "; "
        + other.environment() + (otherRuns == null ? " renders none there" : " runs " + otherRuns);
    return new Finding(Category.CLUSTER, Change.CHANGED, f.object(), message, first ? f.to() : otherRuns,
        first ? otherRuns : f.to());
  }

  /** A field the two overlays render differently: what the spec declares per environment. */
  private static Finding declared(Difference d, String a, String b) {
    Finding f = d.finding();
    String aspect = " (declared: " + aspect(f.object(), d.path()) + ")";
    String message = switch (f.change()) {
      case CHANGED -> d.path() + ": " + f.from() + " in " + a + ", " + f.to() + " in " + b + aspect;
      case ONLY_IN_FROM -> d.path().isEmpty() ? "only in " + a + aspect
          : d.path() + ": " + (d.path().endsWith("]") ? "only in " + a : f.from() + " in " + a + ", none in " + b) + aspect;
      case ONLY_IN_TO -> d.path().isEmpty() ? "only in " + b + aspect
          : d.path() + ": " + (d.path().endsWith("]") ? "only in " + b : "none in " + a + ", " + f.to() + " in " + b) + aspect;
      case INVALID -> f.message();
    };
    return new Finding(Category.CLUSTER, f.change(), f.object(), message, f.from(), f.to());
  }

  /** Which declaration a field that differs between overlays comes from. */
  static String aspect(String object, String path) {
    if (path.endsWith(".image")) {
      return "the digest of each environment's release record; the same once promoted";
    }
    if (object.startsWith("HorizontalPodAutoscaler ") || path.equals("spec.replicas")) {
      return "instances and autoscaling";
    }
    if (path.contains(".resources.")) {
      return "resources";
    }
    if (object.startsWith("Ingress ")) {
      return "host name";
    }
    if (object.startsWith("ConfigMap ") && path.startsWith("data.")) {
      return "the environment's value of " + path.substring("data.".length());
    }
    java.util.regex.Matcher env = ENV_VALUE.matcher(path);
    if (env.find()) {
      return "the environment's value of " + env.group(1);
    }
    if (object.startsWith("ExternalSecret ")) {
      return "secret reference";
    }
    return "per environment";
  }

  /**
   * The overlay without what names the environment itself: the Namespace object, each object's namespace, the
   * {@code app.kubernetes.io/instance} label ({@code <stack>-<env>}) and the config digest annotation, which only
   * follows the ConfigMap's values (those are compared themselves).
   */
  private static List<ObjectNode> withoutNamespace(List<ObjectNode> objects) {
    List<ObjectNode> copies = new ArrayList<>();
    for (ObjectNode object : objects) {
      if (object.path("kind").asText().equals("Namespace")) {
        continue;
      }
      ObjectNode copy = object.deepCopy();
      if (copy.get("metadata") instanceof ObjectNode metadata) {
        metadata.remove("namespace");
      }
      strip(copy);
      copies.add(copy);
    }
    return copies;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of(INSTANCE_LABEL, CONFIG_DIGEST));
      object.forEach(ClusterPair::strip);
    } else if (node.isArray()) {
      node.forEach(ClusterPair::strip);
    }
  }

  private static Map<String, Difference> index(List<Difference> differences) {
    Map<String, Difference> byKey = new HashMap<>();
    differences.forEach(d -> byKey.putIfAbsent(key(d), d));
    return byKey;
  }

  private static String key(Difference d) {
    return d.finding().object() + "\u0000" + d.path();
  }
}
