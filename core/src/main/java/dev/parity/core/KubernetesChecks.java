package dev.parity.core;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks environments that run on Kubernetes: names the API server would refuse (namespaces and
 * the Ingress host by RFC 1123, Secret names derived from secret keys), resources by quantity syntax
 * with each request at most its limit, autoscaling bounds, the ingress app, and that no two
 * environments share a namespace on one cluster.
 */
final class KubernetesChecks {

  /** A DNS-1123 label: namespaces, label values of names. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  /** A DNS-1123 subdomain: object names such as a Secret's, and the Ingress host. */
  private static final Pattern SUBDOMAIN = Pattern.compile(
      "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String RESOURCES_CALL = ".resources(Resources.requests(\"250m\", \"256Mi\").limits(\"1\", \"512Mi\"))";

  private final ValidationContext context;
  private final Map<String, String> namespaces = new HashMap<>();

  KubernetesChecks(ValidationContext context) {
    this.context = context;
  }

  void check(String element, Environment env, Kubernetes k8s) {
    String namespace = k8s.namespace();
    if (namespace == null || !LABEL.matcher(namespace).matches()) {
      context.problem(element, "Kubernetes namespace '" + namespace + "' is not a DNS-1123 label"
              + " (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
          "use Kubernetes.namespace(\"" + context.stack().name() + "-" + env.name() + "\")");
    } else {
      String cluster = k8s.context().orElse("");
      String other = namespaces.putIfAbsent(cluster + "\n" + namespace, env.name());
      if (other != null) {
        context.problem(element, "uses Kubernetes namespace '" + namespace + "' of environment '" + other
            + "' on the same cluster context", "give each environment its own namespace or .context(…)");
      }
    }
    k8s.context().filter(c -> c.isBlank() || c.chars().anyMatch(ch -> ch < ' ' || ch == 127)).ifPresent(c -> context.problem(
        element, "Kubernetes context '" + c + "' is blank or holds control characters", "name the kubeconfig context, e.g. .context(\"prod-eu\")"));
    checkResources(element, k8s.resources());
    if (k8s.autoscales()) {
      if (k8s.minReplicas() < 1 || k8s.maxReplicas() < k8s.minReplicas()) {
        context.problem(element, "autoscaling between " + k8s.minReplicas() + " and " + k8s.maxReplicas()
            + " replicas is not a range of at least 1", "use .autoscale(2, 6): at least 1, max not below min");
      }
      if (k8s.targetCpu() < 1 || k8s.targetCpu() > 100) {
        context.problem(element, "autoscaling target CPU " + k8s.targetCpu() + "% is not between 1 and 100",
            "use .autoscale(min, max, 80)");
      }
    }
    k8s.ingressClass().filter(c -> !SUBDOMAIN.matcher(c).matches()).ifPresent(c -> context.problem(element,
        "ingress class '" + c + "' is not a DNS-1123 subdomain", "use the name of an IngressClass, e.g. .ingressClass(\"nginx\")"));
    if (!LABEL.matcher(k8s.ingressNamespace() == null ? "" : k8s.ingressNamespace()).matches()) {
      context.problem(element, "ingress controller namespace '" + k8s.ingressNamespace() + "' is not a DNS-1123 label",
          "use .ingressNamespace(\"" + Kubernetes.DEFAULT_INGRESS_NAMESPACE + "\")");
    }
    List<String> apps = context.stack().apps().stream().map(App::name).toList();
    k8s.ingressApp().ifPresent(a -> context.references().check(element, a, apps,
        "routes its host name to '" + a + "', which is not an app", "use .ingressTo(…) with one of: " + String.join(", ", apps)));
    k8s.secretStores().forEach((store, name) -> {
      if (name == null || !SUBDOMAIN.matcher(name).matches()) {
        context.problem(element, "secret store name '" + name + "' is not a DNS-1123 subdomain",
            "name the ClusterSecretStore, e.g. .secretStore(SecretRef.Store." + store + ", \"aws-parameter-store\")");
      }
    });
    env.hostname().filter(h -> !SUBDOMAIN.matcher(h).matches()).ifPresent(h -> context.problem(element,
        "host name '" + h + "' cannot be an Ingress host, which must be lower-case (RFC 1123)",
        "use .hostname(\"" + h.toLowerCase(java.util.Locale.ROOT) + "\")"));
    // A value whose reference does not resolve is reported where it is given (ConfigChecks, EnvironmentChecks).
    for (ConfigEntry entry : context.stack().config(env, key -> context.references().resolvesIn(key, env))) {
      entry.plainValue().flatMap(KubernetesChecks::unsupportedCharacter).ifPresent(c -> context.problem(
          element + ", key '" + entry.name() + "'", "value holds the character " + c + ", which kubectl kustomize cannot"
              + " carry (its YAML library refuses it in any form)", "remove the character from the value"));
    }
    env.secrets().keySet().forEach(key -> {
      if (!SUBDOMAIN.matcher(Kubernetes.secretName(key)).matches()) {
        context.problem(element + ", key '" + key + "'", "becomes the Kubernetes Secret '" + Kubernetes.secretName(key)
            + "', which is not a DNS-1123 subdomain", "rename the key so that it ends with a letter or digit");
      }
    });
  }

  /**
   * The first character of {@code value} that kustomize cannot carry: Go's YAML library refuses the
   * C1 controls (U+007F–U+009F) and the noncharacters U+FFFE, U+FFFF however they are escaped, and
   * writes NEL and the Unicode line and paragraph separators raw, where YAML 1.1 readers take
   * them for line breaks.
   */
  static Optional<String> unsupportedCharacter(String value) {
    return value.codePoints().filter(c -> (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFFFE || c == 0xFFFF
            || (c >= 0xD800 && c <= 0xDFFF))
        .mapToObj(c -> String.format("U+%04X", c)).findFirst();
  }

  private void checkResources(String element, Optional<Resources> declared) {
    if (declared.isEmpty()) {
      context.problem(element, "runs on Kubernetes but sets no container resources", "add " + RESOURCES_CALL + " to its Kubernetes(…)");
      return;
    }
    Resources r = declared.get();
    checkPair(element, "CPU", r.cpuRequest(), r.cpuLimit(), false);
    checkPair(element, "memory", r.memoryRequest(), r.memoryLimit(), true);
  }

  private void checkPair(String element, String what, String request, Optional<String> limit, boolean memory) {
    Optional<BigDecimal> requested = quantity(element, what + " request", request, memory);
    if (limit.isEmpty()) {
      context.problem(element, "sets no " + what + " limit", "add .limits(…) to Resources.requests(…), e.g. " + RESOURCES_CALL);
      return;
    }
    Optional<BigDecimal> limited = quantity(element, what + " limit", limit.get(), memory);
    if (requested.isPresent() && limited.isPresent() && requested.get().compareTo(limited.get()) > 0) {
      context.problem(element, what + " request '" + request + "' is above its limit '" + limit.get() + "'",
          "request at most the limit");
    }
  }

  private Optional<BigDecimal> quantity(String element, String what, String text, boolean memory) {
    Optional<BigDecimal> value = Quantity.parse(text);
    if (value.isEmpty()) {
      context.problem(element, what + " '" + text + "' is not a Kubernetes quantity",
          memory ? "use bytes with a suffix, e.g. '256Mi' or '1Gi'" : "use cores or millicores, e.g. '0.5' or '250m'");
    } else if (value.get().signum() == 0) {
      context.problem(element, what + " '" + text + "' is zero", "give a positive quantity");
    } else if (memory && Quantity.isMilli(text)) {
      context.problem(element, what + " '" + text + "' means thousandths of a byte", "use '" + text.substring(0, text.length() - 1) + "Mi'");
    }
    return value;
  }
}
