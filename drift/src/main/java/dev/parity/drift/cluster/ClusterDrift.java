package dev.parity.drift.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a namespace against the overlay the spec renders for it. Every field the overlay renders
 * is compared with the live object (image with its digest, replicas, resources, probes, securityContext,
 * env and envFrom, ConfigMap data, ExternalSecret keys and store, Service ports, Ingress rules,
 * NetworkPolicy peers, PodDisruptionBudget, Job images, labels); a field only the live object has is drift
 * unless the API server or a controller owns it ({@link ServerFields}). Lists of named items (containers,
 * env, ports, volumes) are matched by name, so a sidecar or an added variable is reported by its name;
 * other lists are compared item by item.
 *
 * <pre>{@code
 * List<ObjectNode> expected = Kustomize.render(files, "k8s/overlays/production");
 * DriftReport report = ClusterDrift.compare(expected, cluster.objects("shop-production", "shop"),
 *     "Shop.java (production)", "namespace shop-production (context prod)");
 * }</pre>
 */
public final class ClusterDrift {

  private static final List<String> KIND_ORDER = List.of("Namespace", "ConfigMap", "ExternalSecret", "Service",
      "PersistentVolumeClaim", "Deployment", "Job", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress");
  private static final Comparator<ObjectNode> ORDER = Comparator
      .comparingInt((ObjectNode o) -> rank(o.path("kind").asText()))
      .thenComparing(o -> o.path("kind").asText())
      .thenComparing(o -> o.path("metadata").path("name").asText());

  /** The paths whose values are Kubernetes quantities. */
  private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile(
      "(^|\\.)(resources\\.(limits|requests)|hard|overhead)\\.[^.]+$");

  private ClusterDrift() {
  }

  /**
   * Every difference between the rendered objects and the live ones.
   *
   * @param expected the objects the overlay renders ({@link Kustomize#render})
   * @param live the objects of the namespace carrying Parity's labels ({@link LiveCluster#objects})
   */
  public static DriftReport compare(List<ObjectNode> expected, List<ObjectNode> live, String fromName,
      String toName) {
    return new DriftReport("cluster", fromName, toName, differences(expected, live).stream()
        .map(Difference::finding).toList());
  }

  /**
   * One difference of {@link #compare}, with the field it is at.
   *
   * @param finding the finding as the cluster report prints it
   * @param path the field as reports print it ({@code spec.template.spec.containers[web].image}), or the
   *     empty string when the whole object is missing or extra
   */
  public record Difference(Finding finding, String path) {
  }

  /** The differences {@link #compare} reports, each with its field; {@code live} may also be another rendering. */
  public static List<Difference> differences(List<ObjectNode> expected, List<ObjectNode> live) {
    Map<String, ObjectNode> byKey = new LinkedHashMap<>();
    live.stream().sorted(ORDER).forEach(o -> byKey.put(key(o), o));
    List<Difference> found = new ArrayList<>();
    for (ObjectNode object : expected.stream().sorted(ORDER).toList()) {
      ObjectNode actual = byKey.remove(key(object));
      if (actual == null) {
        found.add(new Difference(finding(Change.ONLY_IN_FROM, key(object),
            "rendered by the spec, but not in the cluster", null, null), ""));
        continue;
      }
      boolean managed = object.path("kind").asText().equals("Deployment") && !object.path("spec").has("replicas");
      new Fields(object.path("kind").asText(), key(object), managed, found).compare("", "", object, actual);
    }
    byKey.keySet().forEach(k -> found.add(new Difference(finding(Change.ONLY_IN_TO, k,
        "carries Parity's labels, but the spec renders no such object", null, null), "")));
    return List.copyOf(found);
  }

  /** The key objects are matched by: {@code Deployment web}. */
  public static String key(ObjectNode object) {
    return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
  }

  private static int rank(String kind) {
    int i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.size() : i;
  }

  private static Finding finding(Change change, String object, String message, String from, String to) {
    return new Finding(Category.CLUSTER, change, object, message, from, to);
  }

  /** The field-by-field comparison of one object. */
  private record Fields(String kind, String object, boolean replicasManaged, List<Difference> out) {

    /**
     * @param shown the path as reports print it, list items by name ({@code containers[web]})
     * @param rule the path as {@link ServerFields} matches it, list items as {@code []}
     */
    void compare(String shown, String rule, JsonNode expected, JsonNode actual) {
      if (expected.isObject() && actual.isObject()) {
        expected.fields().forEachRemaining(e -> {
          String s = join(shown, e.getKey());
          String r = join(rule, e.getKey());
          JsonNode value = actual.get(e.getKey());
          if (value == null || value.isNull()) {
            if (!(e.getValue().isContainerNode() && e.getValue().isEmpty()) && !e.getValue().isNull()) {
              add(s, finding(Change.ONLY_IN_FROM, object, s + " is missing (the spec renders "
                  + text(e.getValue()) + ")", text(e.getValue()), null));
            }
          } else {
            compare(s, r, e.getValue(), value);
          }
        });
        actual.fields().forEachRemaining(e -> {
          if (!expected.has(e.getKey())) {
            extra(join(shown, e.getKey()), join(rule, e.getKey()), e.getValue());
          }
        });
      } else if (expected.isArray() && actual.isArray()) {
        list(shown, rule, (ArrayNode) expected, (ArrayNode) actual);
      } else if (!same(rule, expected, actual)) {
        add(shown, finding(Change.CHANGED, object, shown + ": " + text(expected) + " vs " + text(actual),
            text(expected), text(actual)));
      }
    }

    private void add(String path, Finding finding) {
      out.add(new Difference(finding, path));
    }

    private void extra(String shown, String rule, JsonNode value) {
      if (ServerFields.owned(kind, rule, value, replicasManaged)) {
        return;
      }
      if (value.isObject()) {
        compare(shown, rule, JsonNodeFactory.instance.objectNode(), value);
        return;
      }
      add(shown, finding(Change.ONLY_IN_TO, object, shown + " is " + text(value) + ", which the spec does not render",
          null, text(value)));
    }

    private void list(String shown, String rule, ArrayNode expected, ArrayNode actual) {
      String merge = mergeKey(expected, actual);
      if (merge == null) {
        int n = Math.max(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
          String s = shown + "[" + i + "]";
          if (i >= actual.size()) {
            add(s, finding(Change.ONLY_IN_FROM, object, s + " is missing (the spec renders "
                + text(expected.get(i)) + ")", text(expected.get(i)), null));
          } else if (i >= expected.size()) {
            add(s, finding(Change.ONLY_IN_TO, object, s + " is " + text(actual.get(i))
                + ", which the spec does not render", null, text(actual.get(i))));
          } else {
            compare(s, rule + "[]", expected.get(i), actual.get(i));
          }
        }
        return;
      }
      Map<String, JsonNode> live = new LinkedHashMap<>();
      actual.forEach(item -> live.put(item.path(merge).asText(), item));
      for (JsonNode item : expected) {
        String name = item.path(merge).asText();
        JsonNode match = live.remove(name);
        String s = shown + "[" + name + "]";
        if (match == null) {
          add(s, finding(Change.ONLY_IN_FROM, object, s + " is missing", name, null));
        } else {
          compare(s, rule + "[]", item, match);
        }
      }
      live.forEach((name, item) -> add(shown + "[" + name + "]", finding(Change.ONLY_IN_TO, object, shown + "[" + name
          + "] is not rendered by the spec", null, name)));
    }

    /** {@code name} when every item of both lists has one; else none (items compared by position). */
    private static String mergeKey(ArrayNode expected, ArrayNode actual) {
      for (String key : List.of("name", "secretKey")) {
        boolean all = !expected.isEmpty();
        for (JsonNode item : expected) {
          all &= item.isObject() && item.hasNonNull(key);
        }
        for (JsonNode item : actual) {
          all &= item.isObject() && item.hasNonNull(key);
        }
        if (all) {
          return key;
        }
      }
      return null;
    }

    /**
     * Equal values; resource quantities ({@code resources.limits.cpu}, {@code resources.requests.memory}, a
     * ResourceQuota's {@code hard}) are equal when they are the same amount ({@code 1000m} is {@code 1},
     * {@code 1Gi} is {@code 1024Mi}), as the API server treats them, by fabric8's {@link Quantity} arithmetic.
     */
    private static boolean same(String rule, JsonNode expected, JsonNode actual) {
      if (expected.isValueNode() && actual.isValueNode()) {
        if (expected.asText().equals(actual.asText())) {
          return true;
        }
        return QUANTITY.matcher(rule).find() && sameAmount(expected.asText(), actual.asText());
      }
      return expected.equals(actual);
    }

    private static boolean sameAmount(String expected, String actual) {
      try {
        return new Quantity(expected).getNumericalAmount().compareTo(new Quantity(actual).getNumericalAmount()) == 0;
      } catch (IllegalArgumentException | ArithmeticException e) {
        return false;
      }
    }

    private static String join(String path, String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    private static String text(JsonNode value) {
      return value.isValueNode() ? value.asText() : value.toString();
    }
  }
}
